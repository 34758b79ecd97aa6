#!/usr/bin/env bash
# Peak RSS of `serve --session` after N captures (default 100000 and 1000000), the journal's
# throughput (about, from the time to reach N), and the time to export the resulting session as HAR and NDJSON.
#   bench/rss.sh [N...]        (needs a built tree: scripts/dev build; wrk)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bin=${BIN:-build/release/bin/callback-inspector}
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(100000 1000000)
ulimit -n 65536 2>/dev/null || true

echo "| captures | serve peak RSS | journal req/s | session file | export HAR | export NDJSON |"
echo "| --- | --- | --- | --- | --- | --- |"
for n in "${counts[@]}"; do
    session="$work/s$n.cbisession"
    "$bin" serve --listen 127.0.0.1:0 --session "$session" 2>"$work/serve.err" >/dev/null &
    pid=$!
    port=
    for _ in $(seq 100); do
        port=$(grep -o 'listening on http://[0-9.]*:[0-9]*' "$work/serve.err" | sed 's/.*://' || true)
        [ -n "$port" ] && break
        sleep 0.05
    done
    # Load until the control API counts n captures (wrk has no request count of its own).
    t0=$(date +%s.%N)
    wrk -t1 -c64 -d3600s -s bench/post.lua "http://127.0.0.1:$port" >/dev/null &
    load=$!
    while [ "$(curl -s "http://127.0.0.1:$port/__inspector/v1/status" | grep -o '"captured":[0-9]*' | cut -d: -f2)" -lt "$n" ]; do
        sleep 0.2
    done
    kill "$load"; wait "$load" 2>/dev/null || true
    rps=$(python3 -c "print(int($n / ($(date +%s.%N) - $t0)))")
    rss=$(( $(awk '/VmHWM/ {print $2}' "/proc/$pid/status") / 1024 ))
    kill -INT "$pid"; wait "$pid" || true
    captured=$(grep -o 'stopped after [0-9]*' "$work/serve.err" | grep -o '[0-9]*$')
    size=$(( $(stat -c %s "$session") / 1024 / 1024 ))
    t0=$(date +%s.%N); "$bin" export "$session" --format har -o "$work/x.har"; t1=$(date +%s.%N)
    "$bin" export "$session" --format ndjson -o "$work/x.ndjson"; t2=$(date +%s.%N)
    har=$(python3 -c "print(f'{$t1-$t0:.1f} s')"); nd=$(python3 -c "print(f'{$t2-$t1:.1f} s')")
    echo "| $captured | $rss MiB | $rps | $size MiB | $har | $nd |"
    rm -f "$session"* "$work/x.har" "$work/x.ndjson"
done
