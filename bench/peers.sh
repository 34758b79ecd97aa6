#!/usr/bin/env bash
# Throughput of `serve` against nginx and the mock servers a developer would otherwise use, all
# returning the same continue JSON to the same OpenIM-shaped POST, measured one after another in one run:
#   bench/peers.sh [SECONDS]        (default 10 s each; needs a built tree, wrk, nginx, node/npm, java)
# The peers come from npm into ${CBI_PEERS_DIR:-~/.cache/callback-inspector/peers}: @mockoon/cli,
# mockttp, and wiremock (its package carries the standalone jar). A peer that cannot be installed is skipped.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
duration=${1:-10}
bin=${BIN:-build/release/bin/callback-inspector}
peers=${CBI_PEERS_DIR:-$HOME/.cache/callback-inspector/peers}
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
ulimit -n 65536 2>/dev/null || true
body='{"actionCode":0,"errCode":0,"errMsg":"","errDlt":"","nextCode":0}'

if [ ! -d "$peers/node_modules/mockttp" ]; then
    mkdir -p "$peers"
    (cd "$peers" && timeout 300 npm install --silent --no-audit --no-fund @mockoon/cli mockttp wiremock >/dev/null 2>&1) \
        || echo "(npm install of the peers failed; those present are measured)" >&2
fi

wait_port() { # PORT: up to 30 s for something to accept on it
    for _ in $(seq 300); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done
    return 1
}
measure() { # NAME PORT PID
    if ! wait_port "$2"; then echo "| $1 | did not start | | |"; return; fi
    sleep 0.5 # a port that accepts may still be loading its routes
    # Only a peer that answers the callback with the JSON counts (not a 404 at full speed).
    if ! curl -s -X POST "http://127.0.0.1:$2/callbackExample/callbackBeforeSendSingleMsgCommand" -d '{}' | grep -q nextCode; then
        echo "| $1 | wrong reply | | |"; kill "$3" 2>/dev/null; return
    fi
    wrk -t1 -c64 -d2s -s bench/post.lua "http://127.0.0.1:$2" >/dev/null 2>&1 # warm-up (JIT peers)
    local out
    out=$(wrk -t1 -c64 -d"${duration}s" --latency -s bench/post.lua "http://127.0.0.1:$2")
    local rps p99
    rps=$(awk '/Requests\/sec/ {printf "%d", $2}' <<<"$out")
    p99=$(awk '$1=="99%" {print $2}' <<<"$out")
    local rss=$(( $(awk '/VmHWM/ {print $2}' "/proc/$3/status" 2>/dev/null || echo 0) / 1024 ))
    echo "| $1 | $rps | $p99 | $rss MiB |"
    echo "$1 $rps" >>"$work/results"
    kill "$3" 2>/dev/null; wait "$3" 2>/dev/null
}

echo "| server | req/s | p99 | peak RSS |"
echo "| --- | --- | --- | --- |"

sed -e "s|@DIR@|$work|g" -e "s|@PORT@|18500|g" bench/nginx.conf.in >"$work/nginx.conf"
nginx -c "$work/nginx.conf" -e "$work/nginx-error.log" &
measure "nginx (1 worker)" 18500 $!

"$bin" serve --listen 127.0.0.1:18501 2>/dev/null >/dev/null &
measure "callback-inspector serve (capture, rules, verdict)" 18501 $!
rm -f "$work/s.cbisession"
"$bin" serve --listen 127.0.0.1:18502 --session "$work/s.cbisession" 2>/dev/null >/dev/null &
measure "callback-inspector serve --session (every reply after its commit)" 18502 $!

if [ -d "$peers/node_modules/mockttp" ]; then
    cat >"$work/mockttp.js" <<JS
const mockttp = require('mockttp');
(async () => {
    const server = mockttp.getLocal();
    await server.start(18503);
    await server.forPost(/\/callbackExample\/.*/).thenReply(200, '$body', {'Content-Type': 'application/json'});
})();
JS
    NODE_PATH="$peers/node_modules" node "$work/mockttp.js" &
    measure "mockttp $(node -p "require('$peers/node_modules/mockttp/package.json').version")" 18503 $!
fi

if [ -x "$peers/node_modules/.bin/mockoon-cli" ]; then
    cat >"$work/mockoon.json" <<JSON
{"uuid":"e0000000-0000-4000-8000-000000000001","lastMigration":32,"name":"cbi","endpointPrefix":"","latency":0,
 "port":18504,"hostname":"127.0.0.1","folders":[],
 "routes":[{"uuid":"e0000000-0000-4000-8000-000000000002","type":"http","documentation":"","method":"post",
   "endpoint":"callbackExample/:command","responses":[{"uuid":"e0000000-0000-4000-8000-000000000003",
   "body":"$(sed 's/"/\\"/g' <<<"$body")","latency":0,"statusCode":200,"label":"","headers":[{"key":"Content-Type",
   "value":"application/json"}],"bodyType":"INLINE","filePath":"","databucketID":"","sendFileAsBody":false,"rules":[],
   "rulesOperator":"OR","disableTemplating":true,"fallbackTo404":false,"default":true,"crudKey":"id","callbacks":[]}],
   "responseMode":null,"streamingMode":null,"streamingInterval":0}],
 "rootChildren":[{"type":"route","uuid":"e0000000-0000-4000-8000-000000000002"}],"proxyMode":false,"proxyHost":"",
 "proxyRemovePrefix":false,"tlsOptions":{"enabled":false,"type":"CERT","pfxPath":"","certPath":"","keyPath":"",
 "caPath":"","passphrase":""},"cors":false,"headers":[],"proxyReqHeaders":[],"proxyResHeaders":[],"data":[],"callbacks":[]}
JSON
    "$peers/node_modules/.bin/mockoon-cli" start --data "$work/mockoon.json" --disable-log-to-file >/dev/null 2>&1 &
    measure "Mockoon CLI $(node -p "require('$peers/node_modules/@mockoon/cli/package.json').version")" 18504 $!
fi

jar=$(ls "$peers"/node_modules/wiremock/build/wiremock-standalone-*.jar 2>/dev/null | head -1)
if [ -n "$jar" ] && command -v java >/dev/null; then
    mkdir -p "$work/wiremock/mappings"
    cat >"$work/wiremock/mappings/continue.json" <<JSON
{"request":{"method":"POST","urlPattern":"/callbackExample/.*"},
 "response":{"status":200,"body":"$(sed 's/"/\\"/g' <<<"$body")","headers":{"Content-Type":"application/json"}}}
JSON
    java -jar "$jar" --port 18505 --bind-address 127.0.0.1 --root-dir "$work/wiremock" --disable-banner \
        --no-request-journal >/dev/null 2>&1 &
    measure "WireMock $(basename "$jar" .jar | sed 's/wiremock-standalone-//') (no request journal)" 18505 $!
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
