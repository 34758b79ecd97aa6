#!/usr/bin/env python3
"""Session-file faults against the real `callback-inspector serve` (reliability report 3.3-3.8).

Each case checks the README's promise, "nothing is answered that is not journaled": every callback
that got an answer is in the session file afterwards, while a write fails the replies wait (or, with
--on-journal-failure fail, leave and are written later), GET status says so, a second writer is
refused, and capture ids are never reused. 127.0.0.1 only; every wait is bounded.
usage: journal_failures.py BINARY
"""
import json
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

BINARY = sys.argv[1]
CMD = "callbackBeforeSendSingleMsgCommand"
failures = []
passes = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what, flush=True)
    (passes if condition else failures).append(what)


def start(args, prefix=()):
    env = dict(os.environ, LC_ALL="C")
    for k in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(k, None)
    p = subprocess.Popen(list(prefix) + [BINARY, "serve", "--listen", "127.0.0.1:0"] + args,
                         stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, env=env)
    err = b""
    deadline = time.time() + 10
    while time.time() < deadline:
        line = p.stderr.readline()
        if not line:
            break
        err += line
        m = re.search(rb"listening on http://[^ ]+:(\d+)", line)
        if m:
            lines = []
            threading.Thread(target=lambda: lines.extend(iter(p.stderr.readline, b"")), daemon=True).start()
            p.log = lines
            return p, int(m.group(1))
    raise SystemExit("serve did not start: " + err.decode(errors="replace"))


def request(port, method, path, body=b"", headers=None, timeout=10.0):
    """One request on a fresh connection; returns (status, body) or (0, b'') without an answer."""
    head = f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
    for k, v in (headers or {}).items():
        head += f"{k}: {v}\r\n"
    head += f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    try:
        s.sendall(head.encode() + body)
        data = b""
        while True:
            try:
                chunk = s.recv(65536)
            except socket.timeout:
                return 0, b""
            if not chunk:
                break
            data += chunk
    finally:
        s.close()
    if not data:
        return 0, b""
    status = int(data.split(b" ", 2)[1])
    head, body = data.split(b"\r\n\r\n", 1)
    if b"transfer-encoding: chunked" in head.lower():
        decoded = b""
        while True:
            size_line, rest = body.split(b"\r\n", 1)
            size = int(size_line, 16)
            if size == 0:
                break
            decoded += rest[:size]
            body = rest[size + 2:]
        body = decoded
    return status, body


def callback(port, op, size=0, timeout=10.0):
    body = json.dumps({"sendID": "u1", "recvID": "u2", "callbackCommand": CMD,
                       "content": "x" * size}).encode()
    return request(port, "POST", "/callbackExample/" + CMD, body, {"operationID": op}, timeout)[0]


def status(port):
    code, body = request(port, "GET", "/__inspector/v1/status", timeout=3)
    return json.loads(body) if code == 200 else {}


def async_callbacks(port, ops, size=0, timeout=30.0):
    results = {}

    def run(op):
        results[op] = callback(port, op, size, timeout)
    threads = [threading.Thread(target=run, args=(op,)) for op in ops]
    for t in threads:
        t.start()
    return threads, results


def wait_for(predicate, seconds):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def rows(path):
    c = sqlite3.connect(path)
    try:
        return [(r[0], r[1]) for r in c.execute("SELECT id, operation_id FROM captures ORDER BY id")]
    finally:
        c.close()


def stop(p):
    p.send_signal(signal.SIGTERM)
    try:
        p.wait(10)
    except subprocess.TimeoutExpired:
        p.kill()
        p.wait()


def locked_database(tmp, fail_open):
    """3.3: the file is locked by another program for a while."""
    path = os.path.join(tmp, "locked-%d.db" % fail_open)
    args = ["--session", path] + (["--on-journal-failure", "fail"] if fail_open else [])
    p, port = start(args)
    check(callback(port, "before-lock") == 200, "a callback before the lock is answered")
    check(status(port).get("journal") == "ok", "GET status: journal ok")
    locker = sqlite3.connect(path, isolation_level=None, timeout=0.1)
    locker.execute("BEGIN EXCLUSIVE")
    threads, results = async_callbacks(port, ["lockA", "lockB", "lockC"])
    failing = wait_for(lambda: status(port).get("journal", "").startswith(
        "memory only" if fail_open else "failing"), 8)
    check(failing, "GET status reports the failing journal: %s" % status(port).get("journal"))
    if fail_open:
        check(wait_for(lambda: len(results) == 3, 8) and set(results.values()) == {200},
              "fail open: the replies leave while the file is locked")
    else:
        time.sleep(0.5)
        check(len(results) == 0, "hold: no reply leaves while its capture cannot be written (%r)" % results)
    locker.execute("ROLLBACK")
    locker.close()
    for t in threads:
        t.join(30)
    check(results == {"lockA": 200, "lockB": 200, "lockC": 200}, "every held callback answered after the unlock")
    check(wait_for(lambda: status(port).get("journal") == "ok", 8), "GET status: journal ok again")
    check(callback(port, "after-unlock") == 200, "a callback after the unlock is answered")
    stop(p)
    ops = {op for _, op in rows(path)}
    answered = {"before-lock", "after-unlock"} | {op for op, code in results.items() if code == 200}
    check(answered <= ops, "every answered callback is in the session (missing: %s)" % (answered - ops))
    check(any(b"cannot be written" in line for line in p.log), "serve said so on stderr")


def disk_full(tmp):
    """3.4: the disk fills up (a file-size limit stands in for a full disk), then space comes back."""
    path = os.path.join(tmp, "full.db")
    # SQLite gets EFBIG past the limit; SIGXFSZ is ignored as a full disk would not kill the process.
    p, port = start(["--session", path], prefix=["sh", "-c", "trap '' XFSZ; exec prlimit --fsize=1500000:unlimited \"$@\"", "sh"])
    answered, unanswered = [], []
    for i in range(200):
        op = "fill-%d" % i
        if callback(port, op, size=20000, timeout=3) == 200:
            answered.append(op)
        else:
            unanswered.append(op)
            break
    check(len(unanswered) == 1, "a callback hangs once the file cannot grow (%d answered before)" % len(answered))
    check(status(port).get("journal", "").startswith("failing"), "GET status: %s" % status(port).get("journal"))
    threads, results = async_callbacks(port, ["waiting-0"], size=100)
    time.sleep(0.5)
    check(results == {}, "no reply leaves while the disk is full")
    subprocess.run(["prlimit", "--pid", str(p.pid), "--fsize=unlimited"], check=True)
    for t in threads:
        t.join(30)
    check(results.get("waiting-0") == 200, "the waiting callback is answered once space is back")
    check(callback(port, "afterfree-0") == 200, "callbacks are answered again")
    stop(p)
    ops = {op for _, op in rows(path)}
    expected = set(answered) | {"waiting-0", "afterfree-0"}
    check(expected <= ops, "every answered callback is in the session (%d missing)" % len(expected - ops))


def one_writer_and_ids(tmp):
    """3.7, 3.8 and ids: a second writer is refused; ids continue above every id the file held."""
    path = os.path.join(tmp, "two.db")
    p, port = start(["--session", path])
    for i in range(3):
        callback(port, "first-%d" % i)
    second = subprocess.run([BINARY, "serve", "--listen", "127.0.0.1:0", "--session", path,
                             "--exit-after", "2000"], capture_output=True, timeout=20)
    check(second.returncode != 0 and b"in use" in second.stderr,
          "a second serve on a live session is refused (%d: %s)" % (second.returncode, second.stderr[-200:]))
    nd = os.path.join(tmp, "one.ndjson")
    with open(nd, "w") as f:
        f.write(json.dumps({"id": 1, "method": "POST", "path": "/callbackExample/" + CMD,
                            "time": "2026-11-01T00:00:00Z", "headers": [], "body": "{}"}) + "\n")
    imp = subprocess.run([BINARY, "import", nd, "--session", path], capture_output=True, timeout=20)
    check(imp.returncode != 0 and b"in use" in imp.stderr, "import into a live session is refused (%d)" % imp.returncode)
    scenario = os.path.join(tmp, "none.json")
    with open(scenario, "w") as f:
        json.dump({"scenario": 1, "rules": []}, f)
    run = subprocess.run([BINARY, "run", scenario, "--count", "1", "--session", path, "--listen", "127.0.0.1:0"],
                         capture_output=True, timeout=20)
    check(run.returncode == 5 and b"in use" in run.stderr,
          "run on a live session is refused, not ignored (%d: %s)" % (run.returncode, run.stderr[-200:]))
    request(port, "DELETE", "/__inspector/v1/captures")
    callback(port, "after-clear")
    stop(p)
    p, port = start(["--session", path])
    callback(port, "after-restart")
    stop(p)
    r = rows(path)
    ids = [i for i, _ in r]
    check(ids == [1, 2, 3, 4, 5], "ids continue after a clear and a restart, never reused: %s" % r)


def export_reads_the_session(tmp):
    """GET export with a session holds every capture of the file, not just the newest in memory."""
    path = os.path.join(tmp, "export.db")
    p, port = start(["--session", path, "--capacity", "5"])
    for i in range(20):
        callback(port, "exp-%d" % i)
    code, body = request(port, "GET", "/__inspector/v1/export")
    ops = [c.get("operationID") for c in json.loads(body).get("captures", [])] if code == 200 else []
    check(ops == ["exp-%d" % i for i in range(20)], "GET export reads the session: %d of 20 (memory keeps 5)" % len(ops))
    code, body = request(port, "GET", "/__inspector/v1/export?format=ndjson&filter=exp-1")
    lines = [json.loads(l) for l in body.decode().splitlines() if l.strip()]
    check(len(lines) == 11, "filters apply to a session export (%d lines for exp-1*)" % len(lines))
    stop(p)


def tampered_file(tmp):
    """3.12: a session whose captures table was dropped is refused at start, not on each callback."""
    path = os.path.join(tmp, "tampered.db")
    p, port = start(["--session", path])
    callback(port, "one")
    stop(p)
    c = sqlite3.connect(path)
    c.execute("DROP TABLE captures")
    c.commit()
    c.close()
    out = subprocess.run([BINARY, "serve", "--listen", "127.0.0.1:0", "--session", path, "--exit-after", "2000"],
                         capture_output=True, timeout=20)
    check(out.returncode != 0 and b"not a usable inspector session" in out.stderr,
          "a session without its captures table is refused at start (%d)" % out.returncode)


with tempfile.TemporaryDirectory() as tmp:
    tampered_file(tmp)
    export_reads_the_session(tmp)
    locked_database(tmp, fail_open=False)
    locked_database(tmp, fail_open=True)
    disk_full(tmp)
    one_writer_and_ids(tmp)

print("session faults: %d passed, %d failed" % (len(passes), len(failures)))
sys.exit(1 if failures else 0)
