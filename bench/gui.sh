#!/usr/bin/env bash
# The window under load: the app under Xvfb while wrk offers about 5,000 callbacks/s for SECONDS
# (bench/post-5k.lua); reports what the server answered, the GUI thread's CPU, peak RSS, and how long
# the window took to paint a screenshot right after.
#   bench/gui.sh [SECONDS=10]      (needs xvfb, imagemagick, wrk; a built tree)
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
"$bin" --listen 127.0.0.1:$port 2>/dev/null &
app=$!
trap 'kill $app 2>/dev/null || true; rm -rf "$work"' EXIT
sleep 2
gui_ticks() { awk '{print $14 + $15}' "/proc/$app/task/$app/stat"; } # the main (GUI) thread only
t0=$(gui_ticks)
out=$(wrk -t1 -c85 -d"${duration}s" --latency -s bench/post-5k.lua "http://127.0.0.1:$port")
t1=$(gui_ticks)
echo "$out" | grep -E "Requests/sec|50%|99%"
python3 -c "print('GUI thread CPU during the load: %.0f %%' % (($t1-$t0)/$(getconf CLK_TCK)/$duration*100))"
echo "peak RSS: $(( $(awk '/VmHWM/ {print $2}' /proc/$app/status) / 1024 )) MiB"
start=$(date +%s.%N)
import -window root "$work/shot.png"
echo "screenshot right after the load: $(python3 -c "print('%.2f s' % ($(date +%s.%N)-$start))")"
cp "$work/shot.png" /tmp/gui-load.png
