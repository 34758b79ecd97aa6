#!/usr/bin/env bash
# Takes the screenshots in docs/images/ from the real app under Xvfb: the capture table with a detail,
# the verdict tab, and the rule editor opened with "Make Rule from Capture".
#   scripts/screenshots.sh            (needs xvfb, xdotool, imagemagick, curl; a built tree)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
need=()
for tool in xvfb-run:xvfb xdotool:xdotool import:imagemagick curl:curl; do
    command -v "${tool%%:*}" >/dev/null || need+=("${tool##*:}")
done
if [ ${#need[@]} -gt 0 ]; then
    if [ "$(id -u)" -eq 0 ]; then apt-get install -y -q "${need[@]}"; else sudo apt-get install -y -q "${need[@]}"; fi
fi
out=docs/images
mkdir -p "$out"
if [ -z "${INSIDE_XVFB:-}" ]; then
    INSIDE_XVFB=1 exec xvfb-run -a -s "-screen 0 1440x860x24" "$0" "$@"
fi
export XDG_CONFIG_HOME=$(mktemp -d) LANG=${LANG:-C.UTF-8}
bin=${BIN:-build/release/bin/callback-inspector}
port=18097
"$bin" --listen 127.0.0.1:$port --scenario resources/scenarios/sensitive-word-block.json &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT
sleep 1.5
url=http://127.0.0.1:$port/callbackExample
post() { curl -s -X POST "$url/$1" -H "operationID: $2" -H 'Content-Type: application/json' -d "$3" >/dev/null; }
post callbackBeforeSendSingleMsgCommand op-1 '{"sendID":"alice","recvID":"bob","callbackCommand":"callbackBeforeSendSingleMsgCommand","contentType":101,"content":"{\"content\":\"are we still on for 8am?\"}"}'
post callbackBeforeSendSingleMsgCommand op-2 '{"sendID":"mallory","recvID":"bob","callbackCommand":"callbackBeforeSendSingleMsgCommand","contentType":101,"content":"{\"content\":\"visit our CASINO\"}"}'
post callbackBeforeSendGroupMsgCommand op-3 '{"sendID":"mallory","groupID":"g1","callbackCommand":"callbackBeforeSendGroupMsgCommand","contentType":101,"content":"{\"content\":\"spam spam\"}"}'
post callbackAfterSendSingleMsgCommand op-1 '{"sendID":"alice","recvID":"bob","callbackCommand":"callbackAfterSendSingleMsgCommand"}'
curl -s -X POST "$url?command=callbackMsgModifyCommand" -H "operationID: op-4" -d '{"sendID":"alice","content":"hi"}' >/dev/null
sleep 0.8
xdotool mousemove 300 120 click 1
sleep 0.5
import -window root "$out/capture-table.png"
xdotool key ctrl+Page_Down ctrl+Page_Down ctrl+Page_Down ctrl+Page_Down 2>/dev/null || true
xdotool mousemove 295 510 click 1   # the Verdict tab
sleep 0.5
import -window root "$out/verdict.png"
xdotool mousemove 300 120 click 1 key ctrl+r
sleep 1
import -window root "$out/rule-editor.png"
echo "wrote $out/capture-table.png $out/verdict.png $out/rule-editor.png"
