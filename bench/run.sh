#!/usr/bin/env bash
# Benchmarks `callback-inspector serve` against nginx returning the same JSON, in one run on this machine.
#   bench/run.sh [SECONDS]      (default 10 s per throughput run; needs a built tree: scripts/dev build)
# Prints a Markdown table of the figures; docs/performance.md records them with the machine they ran on.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
duration=${1:-10}
bin=${BIN:-build/release/bin/callback-inspector}
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

need=()
command -v wrk >/dev/null || need+=(wrk)
command -v nginx >/dev/null || need+=(nginx-light)
command -v python3 >/dev/null || need+=(python3)
if [ ${#need[@]} -gt 0 ]; then
    if [ "$(id -u)" -eq 0 ]; then apt-get install -y -q "${need[@]}"; else sudo apt-get install -y -q "${need[@]}"; fi
fi
[ -x "$bin" ] || { echo "build first: scripts/dev build" >&2; exit 2; }
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

# wrk prints "Requests/sec:" and "Latency Distribution" percentiles.
throughput() { # URL -> "reqs p50 p99"
    local out
    out=$(wrk -t1 -c64 -d"${duration}s" --latency -s bench/post.lua "$1")
    echo "$(awk '/Requests\/sec/ {print $2}' <<<"$out") $(awk '$1=="50%" {print $2}' <<<"$out") $(awk '$1=="99%" {print $2}' <<<"$out")"
}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
rss_kib() { awk '/VmHWM/ {print $2}' "/proc/$1/status"; }

start_inspector() { # extra args...
    "$bin" serve --listen 127.0.0.1:0 "$@" 2>"$work/serve.err" >/dev/null &
    inspector=$!
    for _ in $(seq 100); do
        port=$(grep -o 'listening on http://[0-9.]*:[0-9]*' "$work/serve.err" | sed 's/.*://' || true)
        [ -n "$port" ] && return
        sleep 0.05
    done
    echo "inspector did not start" >&2; cat "$work/serve.err" >&2; exit 1
}

nginx_port=18181
nginx_delay_port=18182
sed -e "s|@DIR@|$work|g" -e "s|@PORT@|$nginx_port|g" -e "s|@DELAYPORT@|$nginx_delay_port|g" bench/nginx.conf.in >"$work/nginx.conf"
nginx -c "$work/nginx.conf" -e "$work/nginx-error.log" &
nginx_pid=$!
sleep 0.5

echo "| run | req/s | p50 | p99 | server CPU µs/req |"
echo "| --- | --- | --- | --- | --- |"
for rep in 1 2; do
    worker=$(pgrep -P "$nginx_pid" | head -1 || echo "$nginx_pid")
    c0=$(cpu_ticks "$worker")
    read -r reqs p50 p99 <<<"$(throughput "http://127.0.0.1:$nginx_port")"
    c1=$(cpu_ticks "$worker")
    echo "| nginx, rep $rep | $reqs | $p50 | $p99 | $(python3 -c "print(round(($c1-$c0)*1e6/$(getconf CLK_TCK)/($reqs*$duration),1))") |"

    start_inspector
    c0=$(cpu_ticks "$inspector")
    read -r reqs p50 p99 <<<"$(throughput "http://127.0.0.1:$port")"
    c1=$(cpu_ticks "$inspector")
    echo "| inspector serve (capture on), rep $rep | $reqs | $p50 | $p99 | $(python3 -c "print(round(($c1-$c0)*1e6/$(getconf CLK_TCK)/($reqs*$duration),1))") |"
    echo "| (inspector peak RSS after $(python3 -c "print(int($reqs*$duration))") captures, capacity 50000) | $(( $(rss_kib "$inspector") / 1024 )) MiB | | | |"
    kill -INT "$inspector"; wait "$inspector" || true
done

echo
echo "Delayed bursts: N connections at once, each answered after 1 s (serve --delay 1000; nginx echo_sleep 1),"
echo "lateness measured by the client from each request's send; the server's own lateness past each reply's due"
echo "time from GET /__inspector/v1/stats (open-files limit: $(ulimit -n))."
echo
echo "| server | N | wall | last request sent | lateness p50 | p99 | max | server-side p99 | failed |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
burst_row() { # NAME N JSON [SERVER_SIDE_P99]
    python3 -c 'import json,sys; b=json.loads(sys.argv[3]); l=b["latenessMs"]
print("| %s | %s | %.0f ms | %.0f ms | %.1f ms | %.1f ms | %.1f ms | %s | %d |" % (sys.argv[1], sys.argv[2], b["wallMs"], b["lastSendMs"], l["p50"], l["p99"], l["max"], sys.argv[4], b["failed"]))' "$@"
}
for n in 1000 10000; do
    for rep in 1 2; do
        burst_row nginx "$n" "$("$(dirname "$bin")/cbi-burst" "$nginx_delay_port" "$n" 1000)" "-"
        sleep 2 # the previous burst's sockets leave TIME_WAIT behind
        start_inspector --delay 1000
        out=$("$(dirname "$bin")/cbi-burst" "$port" "$n" 1000)
        late=$(curl -s "http://127.0.0.1:$port/__inspector/v1/stats" | python3 -c 'import json,sys; print("%.1f ms" % json.load(sys.stdin)["delayLatenessMs"]["p99"])')
        burst_row "inspector serve" "$n" "$out" "$late"
        kill -INT "$inspector"; wait "$inspector" || true
        sleep 2
    done
done
kill "$nginx_pid"; wait "$nginx_pid" 2>/dev/null || true

echo
echo "Time from start to listening (median of 11 runs):"
python3 - "$bin" <<'PY'
import subprocess, sys, time, statistics
times = []
for _ in range(11):
    t0 = time.perf_counter()
    p = subprocess.Popen([sys.argv[1], "serve", "--listen", "127.0.0.1:0"], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL)
    p.stderr.readline()
    times.append((time.perf_counter() - t0) * 1000)
    p.terminate(); p.wait()
print(f"{statistics.median(times):.1f} ms (min {min(times):.1f}, max {max(times):.1f})")
PY
