#!/usr/bin/env bash
# `serve` against nginx and the mock servers a developer would otherwise use, all returning the same
# continue JSON to the same OpenIM-shaped POST, measured one after another in one run: time from start
# to accepting connections, throughput, a burst of BURST connections answered after 1 s (a route with a
# 1 s delay: callbackBeforeSendGroupMsgCommand), and peak RSS:
#   bench/peers.sh [SECONDS] [BURST]  (default 10 s, 10000; needs a built tree, wrk, nginx, node/npm, java)
# The peers come from npm into ${CBI_PEERS_DIR:-~/.cache/callback-inspector/peers}: @mockoon/cli,
# mockttp, and wiremock (its package carries the standalone jar). A peer that cannot be installed is skipped.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
duration=${1:-10}
burst=${2:-10000}
bin=${BIN:-build/release/bin/callback-inspector}
peers=${CBI_PEERS_DIR:-$HOME/.cache/callback-inspector/peers}
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
delayed=/callbackExample/callbackBeforeSendGroupMsgCommand
started_at() { date +%s%N; }
body='{"actionCode":0,"errCode":0,"errMsg":"","errDlt":"","nextCode":0}'

if [ ! -d "$peers/node_modules/mockttp" ]; then
    mkdir -p "$peers"
    (cd "$peers" && timeout 300 npm install --silent --no-audit --no-fund @mockoon/cli mockttp wiremock >/dev/null 2>&1) \
        || echo "(npm install of the peers failed; those present are measured)" >&2
fi

wait_port() { # PORT: up to 30 s for something to accept on it
    for _ in $(seq 3000); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.01; done
    return 1
}
measure() { # NAME PORT PID START_NS
    if ! wait_port "$2"; then echo "| $1 | did not start | | | | | | |"; return; fi
    local start_ms=$(( ($(date +%s%N) - $4) / 1000000 ))
    sleep 0.5 # a port that accepts may still be loading its routes
    # Only a peer that answers the callback with the JSON counts (not a 404 at full speed).
    if ! curl -s -X POST "http://127.0.0.1:$2/callbackExample/callbackBeforeSendSingleMsgCommand" -d '{}' | grep -q nextCode; then
        echo "| $1 | wrong reply | | | | | | |"; kill "$3" 2>/dev/null; return
    fi
    wrk -t1 -c64 -d2s -s bench/post.lua "http://127.0.0.1:$2" >/dev/null 2>&1 # warm-up (JIT peers)
    local out
    out=$(wrk -t1 -c64 -d"${duration}s" --latency -s bench/post.lua "http://127.0.0.1:$2")
    local rps p99
    rps=$(awk '/Requests\/sec/ {printf "%d", $2}' <<<"$out")
    p99=$(awk '$1=="99%" {print $2}' <<<"$out")
    sleep 2 # wrk's sockets leave TIME_WAIT behind
    local b
    b=$("$(dirname "$bin")/cbi-burst" "$2" "$burst" 1000 "$delayed" 2>/dev/null || true)
    local bcols
    bcols=$(python3 -c 'import json,sys
try:
    b=json.loads(sys.argv[1]); l=b["latenessMs"]
    print("%.0f ms | %.0f ms | %.0f ms | %d" % (b["wallMs"], l["p50"], l["p99"], b["failed"]))
except Exception:
    print("- | - | - | -")' "$b")
    local rss=$(( $(awk '/VmHWM/ {print $2}' "/proc/$3/status" 2>/dev/null || echo 0) / 1024 ))
    echo "| $1 | $start_ms ms | $rps | $p99 | $bcols | $rss MiB |"
    echo "$1 $rps" >>"$work/results"
    kill "$3" 2>/dev/null; wait "$3" 2>/dev/null
    sleep 2
}

echo "| server | start | req/s | p99 | $burst x 1 s: wall | lateness p50 | p99 | failed | peak RSS |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"

sed -e "s|@DIR@|$work|g" -e "s|@PORT@|18500|g" -e "s|@DELAYPORT@|18510|g" bench/nginx.conf.in \
    | sed "s|        location / {|        location = $delayed { default_type application/json; echo_sleep 1.0; echo -n '$body'; }\n        location / {|" \
    >"$work/nginx.conf"
t=$(started_at); nginx -c "$work/nginx.conf" -e "$work/nginx-error.log" &
measure "nginx (1 worker)" 18500 $! "$t"

cat >"$work/delayed.json" <<JSON
{"scenario": 1, "name": "peers", "rules": [{"command": "callbackBeforeSendGroupMsgCommand",
  "respond": {"preset": "continue", "delay": {"fixed": 1000}}}]}
JSON
t=$(started_at); "$bin" serve --listen 127.0.0.1:18501 --scenario "$work/delayed.json" 2>/dev/null >/dev/null &
measure "callback-inspector serve (capture, rules, verdict)" 18501 $! "$t"
rm -f "$work/s.cbisession"
t=$(started_at); "$bin" serve --listen 127.0.0.1:18502 --scenario "$work/delayed.json" --session "$work/s.cbisession" 2>/dev/null >/dev/null &
measure "callback-inspector serve --session (every reply after its commit)" 18502 $! "$t"

if [ -d "$peers/node_modules/mockttp" ]; then
    cat >"$work/mockttp.js" <<JS
const mockttp = require('mockttp');
(async () => {
    const server = mockttp.getLocal();
    await server.start(18503);
    // always(): by default a mockttp rule that others also match is used once, then the next one takes over.
    await server.forPost('$delayed').always().delay(1000).thenReply(200, '$body', {'Content-Type': 'application/json'});
    await server.forPost(/\/callbackExample\/.*/).always().thenReply(200, '$body', {'Content-Type': 'application/json'});
})();
JS
    t=$(started_at); NODE_PATH="$peers/node_modules" node "$work/mockttp.js" &
    measure "mockttp $(node -p "require('$peers/node_modules/mockttp/package.json').version")" 18503 $! "$t"
fi

if [ -x "$peers/node_modules/.bin/mockoon-cli" ]; then
    cat >"$work/mockoon.json" <<JSON
{"uuid":"e0000000-0000-4000-8000-000000000001","lastMigration":32,"name":"cbi","endpointPrefix":"","latency":0,
 "port":18504,"hostname":"127.0.0.1","folders":[],
 "routes":[{"uuid":"e0000000-0000-4000-8000-000000000004","type":"http","documentation":"","method":"post",
   "endpoint":"callbackExample/callbackBeforeSendGroupMsgCommand","responses":[{"uuid":"e0000000-0000-4000-8000-000000000005",
   "body":"$(sed 's/"/\\"/g' <<<"$body")","latency":1000,"statusCode":200,"label":"","headers":[{"key":"Content-Type",
   "value":"application/json"}],"bodyType":"INLINE","filePath":"","databucketID":"","sendFileAsBody":false,"rules":[],
   "rulesOperator":"OR","disableTemplating":true,"fallbackTo404":false,"default":true,"crudKey":"id","callbacks":[]}],
   "responseMode":null,"streamingMode":null,"streamingInterval":0},
  {"uuid":"e0000000-0000-4000-8000-000000000002","type":"http","documentation":"","method":"post",
   "endpoint":"callbackExample/:command","responses":[{"uuid":"e0000000-0000-4000-8000-000000000003",
   "body":"$(sed 's/"/\\"/g' <<<"$body")","latency":0,"statusCode":200,"label":"","headers":[{"key":"Content-Type",
   "value":"application/json"}],"bodyType":"INLINE","filePath":"","databucketID":"","sendFileAsBody":false,"rules":[],
   "rulesOperator":"OR","disableTemplating":true,"fallbackTo404":false,"default":true,"crudKey":"id","callbacks":[]}],
   "responseMode":null,"streamingMode":null,"streamingInterval":0}],
 "rootChildren":[{"type":"route","uuid":"e0000000-0000-4000-8000-000000000004"},{"type":"route","uuid":"e0000000-0000-4000-8000-000000000002"}],"proxyMode":false,"proxyHost":"",
 "proxyRemovePrefix":false,"tlsOptions":{"enabled":false,"type":"CERT","pfxPath":"","certPath":"","keyPath":"",
 "caPath":"","passphrase":""},"cors":false,"headers":[],"proxyReqHeaders":[],"proxyResHeaders":[],"data":[],"callbacks":[]}
JSON
    t=$(started_at); "$peers/node_modules/.bin/mockoon-cli" start --data "$work/mockoon.json" --disable-log-to-file >/dev/null 2>&1 &
    measure "Mockoon CLI $(node -p "require('$peers/node_modules/@mockoon/cli/package.json').version")" 18504 $! "$t"
fi

jar=$(ls "$peers"/node_modules/wiremock/build/wiremock-standalone-*.jar 2>/dev/null | head -1)
if [ -n "$jar" ] && command -v java >/dev/null; then
    mkdir -p "$work/wiremock/mappings"
    cat >"$work/wiremock/mappings/continue.json" <<JSON
{"request":{"method":"POST","urlPattern":"/callbackExample/.*"},
 "response":{"status":200,"body":"$(sed 's/"/\\"/g' <<<"$body")","headers":{"Content-Type":"application/json"}}}
JSON
    cat >"$work/wiremock/mappings/delayed.json" <<JSON
{"priority":1,"request":{"method":"POST","urlPath":"$delayed"},
 "response":{"status":200,"body":"$(sed 's/"/\\"/g' <<<"$body")","headers":{"Content-Type":"application/json"},
  "fixedDelayMilliseconds":1000}}
JSON
    t=$(started_at); java -jar "$jar" --port 18505 --bind-address 127.0.0.1 --root-dir "$work/wiremock" --disable-banner \
        --no-request-journal --container-threads 200 --async-response-enabled true \
        --async-response-threads 100 >/dev/null 2>&1 &
    measure "WireMock $(basename "$jar" .jar | sed 's/wiremock-standalone-//') (no request journal)" 18505 $! "$t"
fi

echo
python3 - "$work/results" <<'PY'
import sys
rows = [l.split(" ") for l in open(sys.argv[1]).read().splitlines()]
rows = [(" ".join(r[:-1]), int(r[-1])) for r in rows]
ours = dict(rows).get("callback-inspector serve (capture, rules, verdict)")
nginx = dict(rows).get("nginx (1 worker)")
if ours and nginx:
    print(f"serve / nginx: {ours / nginx:.2f}x")
for name, rps in rows:
    if ours and rps and not name.startswith(("nginx", "callback-inspector")):
        print(f"serve / {name}: {ours / rps:.1f}x")
PY
