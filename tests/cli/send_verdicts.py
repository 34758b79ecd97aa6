#!/usr/bin/env python3
"""`callback-inspector send --profile P` against a business server that answers with a chosen reply:
the verdict for each OpenIM version is the one shared/openim/versions.md gives ("Behaviour by
version", D2 the code the caller sees, D3 content validation on main only, D4 v3.7's flat member
join, D9 the v3.7 - v3.8.0 offline-push crash, D13 Go decoding all the way down). 127.0.0.1 only.
usage: send_verdicts.py BINARY
"""
import json
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

BINARY = sys.argv[1]
REPLY = [b""]
failures = []


class Business(BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        reply = REPLY[0]
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)

    def log_message(self, *args):
        pass


server = ThreadingHTTPServer(("127.0.0.1", 0), Business)
threading.Thread(target=server.serve_forever, daemon=True).start()
url = "http://127.0.0.1:%d/callbackExample" % server.server_address[1]
env = dict(os.environ, LC_ALL="C")
for k in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
    env.pop(k, None)

BEFORE_MAIN = ("v3.7", "v3.8.0", "v3.8.1", "v3.8.2")
ALL = BEFORE_MAIN + ("main",)


def expect(command, reply, profiles, outcome, errcode):
    REPLY[0] = reply.encode()
    for profile in profiles:
        p = subprocess.run([BINARY, "send", "--to", url, "--command", command, "--profile", profile],
                           capture_output=True, text=True, env=env, timeout=60)
        try:
            verdict = json.loads(p.stdout.splitlines()[0])["verdict"]
            got = (verdict.get("outcome"), verdict.get("errCode"))
        except (IndexError, ValueError, KeyError):
            got = ("no verdict", p.returncode, p.stderr.strip()[:200])
        ok = got == (outcome, errcode)
        print(("ok   " if ok else "FAIL ") + "%s %s %s -> %s (want %s %s)"
              % (profile, command, reply, got, outcome, errcode), flush=True)
        if not ok:
            failures.append((profile, command, reply))


single = "callbackBeforeSendSingleMsgCommand"
# D2: codes 1-99 reach the caller before main, 500 on main; code 0 is 500 before main and
# "success" on main (the operation still does not run).
expect(single, '{"actionCode":0,"errCode":42,"nextCode":1}', BEFORE_MAIN, "blocked", 42)
expect(single, '{"actionCode":0,"errCode":42,"nextCode":1}', ("main",), "blocked", 500)
expect(single, '{"actionCode":0,"errCode":0,"nextCode":1}', BEFORE_MAIN, "blocked", 500)
expect(single, '{"actionCode":0,"errCode":0,"nextCode":1}', ("main",), "blocked", 0)
# The stop rule is the same everywhere: actionCode 0 and nextCode 1; anything else continues.
expect(single, '{"actionCode":1,"errCode":42,"nextCode":1}', ALL, "continue", 0)
# D3: only main checks that a modified content is JSON, and "null" passes there.
modify = "callbackBeforeMsgModifyCommand"
expect(modify, '{"actionCode":0,"errCode":0,"nextCode":0,"content":"plain text"}', BEFORE_MAIN, "modified", 0)
expect(modify, '{"actionCode":0,"errCode":0,"nextCode":0,"content":"plain text"}', ("main",), "failed", 1001)
expect(modify, '{"actionCode":0,"errCode":0,"nextCode":0,"content":"null"}', ALL, "modified", 0)
# D9: userIDList on a one-to-one chat crashes openim-push on v3.7 - v3.8.0; applied from v3.8.1.
offline = "callbackBeforeOfflinePushCommand"
expect(offline, '{"actionCode":0,"errCode":0,"nextCode":0,"userIDList":["u1"]}', ("v3.7", "v3.8.0"), "failed", 500)
expect(offline, '{"actionCode":0,"errCode":0,"nextCode":0,"userIDList":["u1"]}', ("v3.8.1", "v3.8.2", "main"),
       "modified", 0)
# D13: a wrong type inside a nested struct fails Go's decoding: DataError 90007 on every version.
expect(offline, '{"actionCode":0,"errCode":0,"nextCode":0,"offlinePushInfo":{"title":5}}', ALL, "failed", 90007)
expect(single, '{"actionCode":0,"errCode":"42","nextCode":1}', ALL, "failed", 90007)
# D4: v3.7 calls member join once per member and applies a flat reply.
expect("callbackBeforeMemberJoinGroupCommand", '{"actionCode":0,"errCode":0,"nextCode":0,"nickname":"n"}',
       ("v3.7",), "modified", 0)

server.shutdown()
print("send_verdicts: %d failure(s)" % len(failures))
sys.exit(1 if failures else 0)
