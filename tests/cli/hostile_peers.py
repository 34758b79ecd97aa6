#!/usr/bin/env python3
"""Hostile peers against the real `callback-inspector serve` and `send` (reliability report 5.x).

Each case runs bounded in time and count against 127.0.0.1 and checks that the inspector's memory
stays bounded (peak RSS from /proc) and that a normal callback is still answered meanwhile:
  - more connections than the descriptor limit (5.2): no busy loop, served again once they go;
  - a client pipelining requests without reading the replies (5.4);
  - event streams that never read (5.3), and more streams than allowed;
  - large bodies with --session (7): they leave memory for the session file, every capture stays
    listed and its whole body is served back from the file;
  - forward mode and `send` against a business server that answers 300 MB (5.8, 5.9) or drips a
    small reply past the timeout (5.10): cut off, and judged as OpenIM would (90004).
usage: hostile_peers.py BINARY
"""
import http.server
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

BINARY = sys.argv[1]
CMD = "callbackBeforeSendSingleMsgCommand"
passes, failures = [], []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what, flush=True)
    (passes if condition else failures).append(what)


def env():
    e = dict(os.environ, LC_ALL="C")
    for k in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        e.pop(k, None)
    return e


def start(args, shell_prefix=""):
    cmd = [BINARY, "serve", "--listen", "127.0.0.1:0"] + args
    if shell_prefix:
        cmd = ["sh", "-c", shell_prefix + ' exec "$@"', "sh"] + cmd
    p = subprocess.Popen(cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, env=env())
    deadline = time.time() + 10
    while time.time() < deadline:
        line = p.stderr.readline()
        m = re.search(rb"listening on http://[^ ]+:(\d+)", line)
        if m:
            threading.Thread(target=lambda: p.stderr.read(), daemon=True).start()
            return p, int(m.group(1))
    raise SystemExit("serve did not start")


def peak_rss_mb(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return -1


def cpu_seconds(pid):
    fields = open("/proc/%d/stat" % pid).read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def raw_callback(op, size=0):
    body = json.dumps({"sendID": "u1", "recvID": "u2", "callbackCommand": CMD, "content": "x" * size}).encode()
    return (b"POST /callbackExample/" + CMD.encode() + b" HTTP/1.1\r\nHost: 127.0.0.1\r\noperationID: "
            + op.encode() + b"\r\nContent-Type: application/json\r\nContent-Length: "
            + str(len(body)).encode() + b"\r\n\r\n" + body)


def normal_callback(port, timeout=2.0):
    """Seconds a fresh callback takes, or None without an answer within timeout."""
    t = time.time()
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
        s.sendall(raw_callback("normal"))
        data = s.recv(4096)
        s.close()
        return time.time() - t if data.startswith(b"HTTP/1.1 200") else None
    except OSError:
        return None


def api(port, method, path, body=None):
    data = json.dumps(body).encode() if body is not None else b""
    s = socket.create_connection(("127.0.0.1", port), timeout=5)
    s.sendall(("%s /__inspector/v1/%s HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
               "Content-Length: %d\r\nConnection: close\r\n\r\n" % (method, path, len(data))).encode() + data)
    out = b""
    while True:
        chunk = s.recv(65536)
        if not chunk:
            break
        out += chunk
    s.close()
    return int(out.split(b" ", 2)[1]), out.split(b"\r\n\r\n", 1)[-1]


def descriptor_limit():
    p, port = start([], shell_prefix="ulimit -n 128;")
    held = []
    for _ in range(200):
        try:
            held.append(socket.create_connection(("127.0.0.1", port), timeout=1))
        except OSError:
            break
    c0 = cpu_seconds(p.pid)
    time.sleep(2)
    used = cpu_seconds(p.pid) - c0
    check(used < 0.5, "at the descriptor limit the server does not spin (%.2f s of CPU in 2 s)" % used)
    for s in held:
        s.close()
    time.sleep(0.3)
    took = normal_callback(port)
    check(took is not None and took < 1, "callbacks are served again once the connections went")
    p.kill()


def pipelining_without_reading():
    p, port = start([])
    rule = {"command": "*", "respond": {"preset": "custom", "body": "x" * 65536}}
    check(api(port, "POST", "rules", rule)[0] == 201, "a 64 kB reply rule")
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    s.connect(("127.0.0.1", port))
    s.settimeout(0.2)
    request = raw_callback("pipe")
    sent = 0
    deadline = time.time() + 5
    while sent < 25000 and time.time() < deadline:
        try:
            s.sendall(request * 100)
            sent += 100
        except (socket.timeout, BlockingIOError):
            break  # the server stopped reading: TCP flow control pushes back
    took = normal_callback(port)
    rss = peak_rss_mb(p.pid)
    check(took is not None and took < 1, "another client is answered meanwhile (%s s)" % took)
    check(rss < 200, "peak RSS %.0f MB with a client that never reads (was 1.6 GB)" % rss)
    print("     %d requests were sent before the server stopped reading" % sent)
    s.close()
    p.kill()


def streams_that_never_read():
    p, port = start([])
    streams = []
    for _ in range(64):
        s = socket.socket()
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        s.connect(("127.0.0.1", port))
        s.sendall(b"GET /__inspector/v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        streams.append(s)
    time.sleep(0.3)
    code, _ = api(port, "GET", "status")
    extra = socket.create_connection(("127.0.0.1", port), timeout=2)
    extra.sendall(b"GET /__inspector/v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    check(extra.recv(100).startswith(b"HTTP/1.1 429"), "the 65th event stream is refused (429)")
    extra.close()
    sender = socket.create_connection(("127.0.0.1", port), timeout=10)
    for i in range(300):
        sender.sendall(raw_callback("big-%d" % i, 100000))
        sender.recv(65536)
    rss = peak_rss_mb(p.pid)
    check(rss < 400, "peak RSS %.0f MB with 64 streams that never read 30 MB of events (was 6.8 GB)" % rss)
    # A dropped stream ends with an event that says so.
    s = streams[0]
    s.settimeout(2)
    got = b""
    try:
        while True:
            chunk = s.recv(1 << 20)
            if not chunk:
                break
            got += chunk
    except socket.timeout:
        pass
    check(b"event: dropped" in got, "a stream that fell behind was closed with an 'event: dropped'")
    for s in streams:
        s.close()
    p.kill()


class Business(http.server.BaseHTTPRequestHandler):
    mode = "bomb"

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        reply = b'{"actionCode":0,"errCode":0,"errMsg":"","errDlt":"","nextCode":1}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        if Business.mode == "bomb":
            size = 300 * 1024 * 1024
            self.send_header("Content-Length", str(size))
            self.end_headers()
            block = b" " * (1 << 20)
            try:
                for _ in range(size >> 20):
                    self.wfile.write(block)
            except OSError:
                pass
        else:
            self.send_header("Content-Length", str(len(reply)))
            self.end_headers()
            try:
                for i in range(0, len(reply), 6):  # 66 bytes over about 8 s
                    self.wfile.write(reply[i:i + 6])
                    self.wfile.flush()
                    time.sleep(0.7)
            except OSError:
                pass

    def log_message(self, *args):
        pass


def stalled_jsonl_reader():
    """5.11: a --jsonl reader that stops reading must not stop the server."""
    p = subprocess.Popen([BINARY, "serve", "--listen", "127.0.0.1:0", "--jsonl"], stderr=subprocess.PIPE,
                         stdout=subprocess.PIPE, env=env())  # stdout is never read
    port = None
    while port is None:
        m = re.search(rb"listening on http://[^ ]+:(\d+)", p.stderr.readline())
        port = int(m.group(1)) if m else None
    threading.Thread(target=lambda: p.stderr.read(), daemon=True).start()
    slowest = 0
    sender = socket.create_connection(("127.0.0.1", port), timeout=5)
    for i in range(400):
        t = time.time()
        sender.sendall(raw_callback("jsonl-%d" % i, 1000))
        sender.recv(65536)
        slowest = max(slowest, time.time() - t)
    check(slowest < 0.5, "with a stalled --jsonl reader every callback is answered (slowest %.3f s)" % slowest)
    p.send_signal(signal.SIGTERM)
    try:
        p.wait(8)
        check(True, "SIGTERM with a stalled --jsonl reader: serve exits (rc %d)" % p.returncode)
    except subprocess.TimeoutExpired:
        check(False, "SIGTERM with a stalled --jsonl reader: serve exits")
        p.kill()


def business_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Business)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, server.server_address[1]


def forward_and_send(tmp):
    server, bport = business_server()
    for mode in ("bomb", "drip"):
        Business.mode = mode
        scenario = os.path.join(tmp, "fwd.json")
        with open(scenario, "w") as f:
            json.dump({"scenario": 1, "rules": [{"command": "*", "respond": {
                "forward": "http://127.0.0.1:%d/cb" % bport}}]}, f)
        p, port = start(["--scenario", scenario, "--jsonl"])
        p.stdout = None
        # A hang is what OpenIM sees of a reply that misses its deadline: the client gives up (as
        # OpenIM does after its 5 s); the capture must be complete by then.
        t = time.time()
        s = socket.create_connection(("127.0.0.1", port), timeout=5)
        s.sendall(raw_callback("fwd-" + mode))
        try:
            s.recv(4096)
        except OSError:
            pass
        s.close()
        captures = []
        while not captures and time.time() - t < 6.5:
            code, body = api(port, "GET", "captures")
            captures = json.loads(body).get("captures", [])
            time.sleep(0.1)
        took = time.time() - t
        verdict = captures[0].get("verdict", {}) if captures else {}
        rss = peak_rss_mb(p.pid)
        check(took < 6.5, "forward (%s): the capture is complete within OpenIM's 5 s timeout (%.1f s)" % (mode, took))
        check(verdict.get("outcome") == "failed" and verdict.get("errCode") == 90004,
              "forward (%s): judged as OpenIM would, 90004 (%s %s)" % (mode, verdict.get("outcome"), verdict.get("errCode")))
        check(rss < 200, "forward (%s): peak RSS %.0f MB (a 1.5 GB reply took 12.8 GB)" % (mode, rss))
        p.kill()
        t = time.time()
        out = subprocess.run(["prlimit", "--as=2000000000", BINARY, "send", "--to", "http://127.0.0.1:%d/cb" % bport,
                              "--command", CMD, "--timeout", "5"], capture_output=True, timeout=30, env=env())
        took = time.time() - t
        line = json.loads(out.stdout.decode().strip().splitlines()[-1]) if out.stdout.strip() else {}
        v = line.get("verdict", {})
        check(out.returncode >= 0 and took < 7, "send (%s): done in %.1f s, no crash (rc %d)" % (mode, took, out.returncode))
        check(v.get("errCode") == 90004, "send (%s): judged 90004 (%s)" % (mode, line.get("error")))
    server.shutdown()


def large_bodies_spill(tmp):
    """40 callbacks of 8 MB with --memory-limit 64M and a session: without the spill the byte limit
    would keep 7 of them in memory; with it all 40 stay listed, memory holds their abridged bodies,
    and GET captures/N reads the whole body back from the file, byte for byte."""
    count, size = 40, 8 * 1024 * 1024
    p, port = start(["--session", os.path.join(tmp, "big.cbisession"), "--memory-limit", "64M"])
    answered = 0
    for i in range(count):
        s = socket.create_connection(("127.0.0.1", port), timeout=10)
        s.sendall(raw_callback("big-%d" % i, size))
        answered += s.recv(4096).startswith(b"HTTP/1.1 200")
        s.close()
    check(answered == count, "large bodies: %d of %d callbacks of 8 MB answered" % (answered, count))
    status = {}
    deadline = time.time() + 10
    while time.time() < deadline:  # the spill follows the file's commit and the next batch
        status = json.loads(api(port, "GET", "status")[1])
        if status.get("memoryBytes", 1 << 40) < 4 * 1024 * 1024:
            break
        time.sleep(0.1)
    check(status.get("stored") == count and status.get("dropped") == 0,
          "large bodies: all %d listed, none dropped (stored %s, dropped %s)" % (count, status.get("stored"), status.get("dropped")))
    check(status.get("memoryBytes", 1 << 40) < 4 * 1024 * 1024,
          "large bodies: %s bytes in memory for 320 MB of bodies" % status.get("memoryBytes"))
    code, body = api(port, "GET", "captures/7")
    whole = json.loads(body) if code == 200 else {}
    sent = json.loads(raw_callback("big-6", size).split(b"\r\n\r\n", 1)[1])
    check(code == 200 and json.loads(whole.get("body", "{}")) == sent and whole.get("bodySize") == len(raw_callback("big-6", size).split(b"\r\n\r\n", 1)[1])
          and "bodyAbridged" not in whole,
          "large bodies: GET captures/7 serves the whole body from the session file (%s bytes)" % whole.get("bodySize"))
    code, body = api(port, "GET", "captures?limit=1")
    listed = json.loads(body).get("captures", [{}])[0] if code == 200 else {}
    check(len(listed.get("body", "")) > size, "large bodies: GET captures lists whole bodies too")
    rss = peak_rss_mb(p.pid)
    check(rss < 400, "large bodies: peak RSS %.0f MB for 320 MB of bodies" % rss)
    print("peak RSS, 40 x 8 MB bodies with --session --memory-limit 64M: %.0f MB" % rss)
    p.kill()


with tempfile.TemporaryDirectory() as tmp:
    large_bodies_spill(tmp)
    descriptor_limit()
    pipelining_without_reading()
    streams_that_never_read()
    stalled_jsonl_reader()
    forward_and_send(tmp)

print("hostile peers: %d passed, %d failed" % (len(passes), len(failures)))
sys.exit(1 if failures else 0)
