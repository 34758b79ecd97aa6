#!/usr/bin/env bash
# A rule regex that backtracks without end, against bodies a caller chose (reliability report
# 4.1.6): `(\w+\s?)+$` on a message content of about 1.1 MB of words and commas. Prints the time
# of each attack callback and of ordinary callbacks sent after them, and the warning the capture got.
# Usage: bench/redos.sh [path/to/callback-inspector]
set -euo pipefail
bin=${1:-build/release/bin/callback-inspector}
dir=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; rm -rf "$dir"' EXIT
cat >"$dir/redos.json" <<'JSON'
{"scenario":1,"rules":[{"name":"filter","command":"callbackBeforeSendSingleMsgCommand",
 "when":[{"body":"content","regex":"(\\w+\\s?)+$"}],"respond":{"preset":"block"}}]}
JSON
python3 -c "
import json
words=''.join(f'hello world again and again {i}, ' for i in range(34000))
print(json.dumps({'sendID':'m','recvID':'b','contentType':101,'content':words}))" >"$dir/attack.json"
port=$((20000 + RANDOM % 20000))
"$bin" serve --listen 127.0.0.1:$port --scenario "$dir/redos.json" >"$dir/serve.log" 2>&1 &
pid=$!
for _ in $(seq 50); do grep -q listening "$dir/serve.log" && break; sleep 0.1; done
url=http://127.0.0.1:$port/callbackExample/callbackBeforeSendSingleMsgCommand
echo "attack body: $(stat -c %s "$dir/attack.json") bytes"
for i in 1 2 3 4 5; do
    curl -s -o /dev/null -w "attack $i: %{time_total} s\n" -H 'Content-Type: application/json' \
        --data-binary @"$dir/attack.json" "$url"
done
for i in 1 2 3; do
    curl -s -o /dev/null -w "ordinary $i: %{time_total} s\n" -H 'Content-Type: application/json' \
        -d '{"content":"hi"}' "$url"
done
curl -s "http://127.0.0.1:$port/__inspector/v1/captures" | python3 -c "
import json, sys
caps = json.load(sys.stdin)
caps = caps['captures'] if isinstance(caps, dict) else caps
print('warning on the first attack:', [w for w in caps[0].get('warnings', []) if w.get('code') == 'regex-gave-up'])"
