#!/usr/bin/env bash
# The window under load: the app under Xvfb while wrk offers about 5,000 callbacks/s for SECONDS
# (bench/post-5k.lua); reports what the server answered, the GUI thread's CPU, peak RSS, the UI stalls
# (how late a 10 ms timer on the GUI thread fired: CBI_STALL_LOG, ui/stallprobe.h) idle and under the load
# with the table following the tail, and how long the window took to paint a screenshot right after.
#   bench/gui.sh [SECONDS=10]      (needs xvfb, imagemagick, wrk; a built tree)
#   PREPARE='xdotool ...' bench/gui.sh   runs PREPARE in the Xvfb display once the window is up (another pane
#                                        in front, a filter typed), before the idle and load windows
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
duration=${1:-10}
bin=${BIN:-build/release/bin/callback-inspector}
if [ -z "${INSIDE_XVFB:-}" ]; then
    INSIDE_XVFB=1 exec xvfb-run -a -s "-screen 0 1440x860x24" "$0" "$@"
fi
work=$(mktemp -d)
export XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data
port=18211
stalls=$work/stalls.txt
CBI_STALL_LOG=$stalls "$bin" --listen 127.0.0.1:$port 2>/dev/null &
app=$!
trap 'kill $app 2>/dev/null || true; rm -rf "$work"' EXIT
sleep 2
if [ -n "${PREPARE:-}" ]; then
    eval "$PREPARE"
    sleep 1
fi
now_ms() { date +%s%3N; }
idle0=$(now_ms)
sleep 3 # idle: the window shown, nothing arriving
idle1=$(now_ms)
gui_ticks() { awk '{print $14 + $15}' "/proc/$app/task/$app/stat"; } # the main (GUI) thread only
t0=$(gui_ticks)
load0=$(now_ms)
out=$(wrk -t1 -c85 -d"${duration}s" --latency -s bench/post-5k.lua "http://127.0.0.1:$port")
load1=$(now_ms)
t1=$(gui_ticks)
echo "$out" | grep -E "Requests/sec|50%|99%"
python3 -c "print('GUI thread CPU during the load: %.0f %%' % (($t1-$t0)/$(getconf CLK_TCK)/$duration*100))"
echo "peak RSS: $(( $(awk '/VmHWM/ {print $2}' /proc/$app/status) / 1024 )) MiB"
start=$(date +%s.%N)
import -window root "$work/shot.png"
echo "screenshot right after the load: $(python3 -c "print('%.2f s' % ($(date +%s.%N)-$start))")"
cp "$work/shot.png" /tmp/gui-load.png
sleep 1.2 # the probe appends its samples once a second
# The table is the central pane and follows the tail by default (Auto Scroll on): the hard case.
python3 - "$stalls" "$idle0" "$idle1" "$load0" "$load1" <<'PY'
import math, sys
path, idle0, idle1, load0, load1 = sys.argv[1], *map(int, sys.argv[2:])
rows = [tuple(map(float, l.split())) for l in open(path) if l.strip()]
def report(name, t0, t1):
    ticks = [(late, cpu) for t, late, cpu in rows if t0 <= t < t1]
    if not ticks:
        print(f"UI stall {name}: no samples"); return
    def stats(xs):
        xs = sorted(xs)
        pct = lambda p: xs[max(0, math.ceil(p / 100 * len(xs)) - 1)]
        return f"p50 {pct(50):.1f} ms, p99 {pct(99):.1f} ms, max {xs[-1]:.1f} ms ({sum(x > 50 for x in xs)} over 50 ms)"
    print(f"UI stall {name}: {stats(late for late, cpu in ticks)}, {len(ticks)} ticks of 10 ms")
    # The part of each stall the GUI thread spent running; the rest it waited for a core (busy machine).
    print(f"  of which the GUI thread ran: {stats(min(late, cpu) for late, cpu in ticks)}")
report("idle", idle0, idle1)
report("under the load, table following", load0, load1)
PY
cp "$stalls" /tmp/gui-stalls.txt
