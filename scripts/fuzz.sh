#!/usr/bin/env bash
# Builds the libFuzzer target with clang and runs it for a bounded time over seeds made from the
# catalogue's sample requests, the scenario packs and the test data.
#   scripts/fuzz.sh [SECONDS]   (default 60)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
seconds=${1:-60}
command -v clang++ >/dev/null || { if [ "$(id -u)" -eq 0 ]; then apt-get install -y -q clang libclang-rt-14-dev; else sudo apt-get install -y -q clang libclang-rt-14-dev; fi; }
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
corpus=build/fuzz/corpus
mkdir -p "$corpus"
# Seeds: one per reader (the first byte picks it, the second sets the chunking).
i=0
seed() { printf "\\x$(printf %02x "$1")\\x07" > "$corpus/seed-$i"; cat "$2" >> "$corpus/seed-$i"; i=$((i + 1)); }
for f in resources/scenarios/*.json; do seed 2 "$f"; done
for f in tests/data/*.yml tests/data/*.yaml; do seed 5 "$f"; done
seed 4 tests/data/browser.har
python3 - "$corpus" <<'PY'
import json, sys
corpus = sys.argv[1]
catalogue = json.load(open("resources/catalogue/openim-catalogue.json"))
for n, c in enumerate(catalogue["commands"]):
    body = json.dumps(c["sample"]).encode()
    open(f"{corpus}/sample-{n}", "wb").write(b"\x01\x05/callbackExample/" + c["command"].encode() + b"\n" + body)
    request = (b"POST /callbackExample/" + c["command"].encode() + b" HTTP/1.1\r\nHost: x\r\nContent-Length: "
               + str(len(body)).encode() + b"\r\n\r\n" + body)
    open(f"{corpus}/http-{n}", "wb").write(b"\x00\x09" + request)
    open(f"{corpus}/json-{n}", "wb").write(b"\x06\x00" + body)  # the fast JSON scan against Qt's
api = [b"GET v1/status", b"GET v1/captures?limit=5&filter=sendID:a", b"GET v1/wait?count=1&timeout=0",
       b"PUT v1/scenario\n\n" + open("resources/scenarios/sensitive-word-block.json", "rb").read(),
       b'POST v1/rules?position=first\n\n{"command":"*","respond":{"preset":"block","errCode":5001}}',
       b"POST v1/rules\n\n", b"DELETE v1/rules/0", b"GET v1/export?format=ndjson", b"GET v1/events",
       b"DELETE v1/captures", b"POST v1/scenario/reset", b"GET v1/stats",
       b"GET v1/status\nOrigin: null", b"GET v1/status\nHost: evil.example"]
for n, a in enumerate(api):
    open(f"{corpus}/api-{n}", "wb").write(b"\x07\x00" + a)
open(f"{corpus}/reply", "wb").write(b'\x03\x01{"actionCode":0,"nextCode":1,"errCode":5001,"content":"{}"}')
PY
# A crash or sanitizer report fails the script (and CI) with the reproducer in build/fuzz/.
out=build/fuzz/last-run.log
if ! build/fuzz/tests/fuzz/fuzz_inspector "$corpus" -max_total_time="$seconds" -max_len=65536 \
        -print_final_stats=1 -artifact_prefix=build/fuzz/ >"$out" 2>&1; then
    tail -40 "$out"
    echo "fuzz: FAILED (reproducer: build/fuzz/crash-*)" >&2
    exit 1
fi
grep -E '^stat::number_of_executed_units|^Done' "$out" | tail -2
echo "fuzz: ${seconds} s without a crash"
