#!/usr/bin/env bash
# serve over HTTPS, called by curl and by a Go client built like OpenIM's webhook client (net/http,
# certificate verified against a CA, hostname included): both get the scenario's replies.
#   https_clients.sh BINARY SOURCE_DIR
set -euo pipefail
bin=$1
src=$2
work=$(mktemp -d)
trap 'kill $server ${wrong:-} ${plain:-} 2>/dev/null || true; rm -rf "$work"' EXIT
QT_QPA_PLATFORM= DISPLAY= WAYLAND_DISPLAY= "$bin" serve --listen 127.0.0.1:0 \
    --tls-cert "$src/tests/data/tls-cert.pem" --tls-key "$src/tests/data/tls-key.pem" \
    --scenario "$src/resources/scenarios/sensitive-word-block.json" 2>"$work/err" >/dev/null &
server=$!
for _ in $(seq 100); do
    port=$(grep -o 'listening on https://127.0.0.1:[0-9]*' "$work/err" | sed 's/.*://' || true)
    [ -n "$port" ] && break
    sleep 0.05
done
[ -n "${port:-}" ] || { echo "serve did not start"; cat "$work/err"; exit 1; }
url=https://127.0.0.1:$port/callbackExample

reply=$(curl -sS --cacert "$src/tests/data/tls-cert.pem" -H 'operationID: curl-1' -H 'Content-Type: application/json' \
    -d '{"sendID":"mallory","recvID":"bob","callbackCommand":"callbackBeforeSendSingleMsgCommand","contentType":101,"content":"{\"content\":\"visit our CASINO\"}"}' \
    "$url/callbackBeforeSendSingleMsgCommand")
echo "curl: $reply"
grep -q '"nextCode":1' <<<"$reply"

export GOCACHE=$work/gocache GOPATH=$work/gopath GOFLAGS=-mod=mod
(cd "$src/bench/goclient" && go build -o "$work/goclient" .)
out=$("$work/goclient" -url "$url" -cacert "$src/tests/data/tls-cert.pem" \
    callbackBeforeSendSingleMsgCommand callbackAfterSendSingleMsgCommand)
echo "$out"
[ "$(grep -c 'HTTP 200' <<<"$out")" -eq 2 ]
# Without the CA, Go refuses the certificate: what OpenIM reports as 90004.
untrusted=$("$work/goclient" -url "$url" callbackBeforeSendSingleMsgCommand)
echo "$untrusted"
grep -q 'certificate signed by unknown authority' <<<"$untrusted"
# The inspector's own "act as OpenIM" client (send; Simulate and Replay in the window use it too):
# TLS with the CA given, refused without it (what OpenIM reports as 90004), and --insecure.
sent=$(QT_QPA_PLATFORM= "$bin" send --to "$url" --command callbackBeforeSendSingleMsgCommand \
    --cacert "$src/tests/data/tls-cert.pem")
echo "send --cacert: $sent"
grep -q '"status":200' <<<"$sent"
refused=$(QT_QPA_PLATFORM= "$bin" send --to "$url" --command callbackBeforeSendSingleMsgCommand)
echo "send without the CA: $refused"
grep -q '"error":"TLS: ' <<<"$refused"
grep -q '"errCode":90004' <<<"$refused"
insecure=$(QT_QPA_PLATFORM= "$bin" send --to "$url" --command callbackBeforeSendSingleMsgCommand --insecure)
grep -q '"status":200' <<<"$insecure"
# A certificate for another host name, and a server that answers the handshake with plain HTTP:
# both refused with the reason, nothing sent in clear text.
start() { # start NAME ARGS...: serve in the background, sets $port_NAME
    local name=$1; shift
    QT_QPA_PLATFORM= DISPLAY= WAYLAND_DISPLAY= "$bin" serve --listen 127.0.0.1:0 "$@" 2>"$work/err-$name" >/dev/null &
    eval "$name=\$!"
    for _ in $(seq 100); do
        p=$(grep -o 'listening on https*://127.0.0.1:[0-9]*' "$work/err-$name" | sed 's/.*://' || true)
        [ -n "$p" ] && break
        sleep 0.05
    done
    [ -n "$p" ] || { echo "serve $name did not start"; cat "$work/err-$name"; exit 1; }
    eval "port_$name=$p"
}
start wrong --tls-cert "$src/tests/data/tls-wronghost-cert.pem" --tls-key "$src/tests/data/tls-wronghost-key.pem"
start plain
mismatch=$(QT_QPA_PLATFORM= "$bin" send --to "https://127.0.0.1:$port_wrong/callbackExample" \
    --command callbackBeforeSendSingleMsgCommand --cacert "$src/tests/data/tls-wronghost-cert.pem")
echo "send, wrong host name: $mismatch"
grep -q '"error":"TLS: [^"]*host name' <<<"$mismatch"
grep -q '"errCode":90004' <<<"$mismatch"
garbage=$(QT_QPA_PLATFORM= "$bin" send --to "https://127.0.0.1:$port_plain/callbackExample" \
    --command callbackBeforeSendSingleMsgCommand --cacert "$src/tests/data/tls-cert.pem")
echo "send, plain HTTP on the https:// port: $garbage"
grep -q '"error":"TLS: ' <<<"$garbage"
grep -q '"errCode":90004' <<<"$garbage"
# run with TLS hands its driver the https:// URL it serves.
QT_QPA_PLATFORM= "$bin" run "$src/resources/scenarios/sensitive-word-block.json" --listen 127.0.0.1:0 \
    --tls-cert "$src/tests/data/tls-cert.pem" --tls-key "$src/tests/data/tls-key.pem" \
    --exec "printf %s \"\$CBI_URL \$CBI_API\" > $work/run-urls" >/dev/null 2>&1 || true
echo "run over TLS: $(cat "$work/run-urls")"
grep -q '^https://127.0.0.1:[0-9]*/callbackExample https://127.0.0.1:[0-9]*/__inspector/v1$' "$work/run-urls"
echo "https_clients: curl, Go, send (trusted, untrusted, wrong host, handshake garbage, --insecure) and run over HTTPS passed"
