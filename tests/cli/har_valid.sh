#!/usr/bin/env bash
# A session of varied callbacks (faults, a 413, non-JSON, chunked, HTTP/1.0) exported as HAR passes
# the HAR 1.2 schema validator (scripts/validate-har.sh; skipped, 77, without node/npm).
#   har_valid.sh BINARY SOURCE_DIR
set -euo pipefail
bin=$1
src=$2
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
"$bin" serve --listen 127.0.0.1:0 --session "$work/s.cbisession" --scenario "$src/tests/data/faults.json" \
    2>"$work/err" >/dev/null &
pid=$!
port=
for _ in $(seq 100); do
    port=$(grep -o 'listening on http://[0-9.]*:[0-9]*' "$work/err" | sed 's/.*://' || true)
    [ -n "$port" ] && break
    sleep 0.05
done
[ -n "$port" ] || { cat "$work/err"; exit 1; }
u=http://127.0.0.1:$port/callbackExample
body='{"sendID":"u1","recvID":"u2","content":"{\"content\":\"你好\"}"}'
for c in callbackBeforeSendSingleMsgCommand callbackBeforeSendGroupMsgCommand callbackBeforeMsgModifyCommand \
    callbackBeforeOnlinePushCommand callbackAfterSendSingleMsgCommand; do
    curl -s -m 3 -X POST "$u/$c" -H 'operationID: op-1' -H 'Content-Type: application/json' -d "$body" >/dev/null || true
done
curl -s -m 3 "http://127.0.0.1:$port/x?command=callbackBeforeAddFriendCommand&key=eyJ9" -d 'not json' >/dev/null
curl -s -m 3 -0 "http://127.0.0.1:$port/plain-get" >/dev/null
curl -s -m 3 -X POST "$u/big" -H 'Content-Length: 99999999999' -d x >/dev/null || true
curl -s -m 3 -H 'Transfer-Encoding: chunked' -X POST "$u/callbackAfterSendGroupMsgCommand" -d "$body" >/dev/null
kill -INT "$pid"
wait "$pid"
"$bin" export "$work/s.cbisession" --format har -o "$work/s.har"
grep -q '"entries"' "$work/s.har"
exec "$src/scripts/validate-har.sh" "$work/s.har" "$src/tests/data/browser.har"
