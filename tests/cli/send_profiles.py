#!/usr/bin/env python3
"""`callback-inspector send --profile P --command all` against a real local business server.

The business server here is a plain Python HTTP server (not the inspector), so what it records is what
went over the wire. For each version profile it checks the commands that arrive and the request
fields that differ between OpenIM versions (shared/openim/versions.md D1, D4-D7): the admin secret in
user register on v3.7 - v3.8.0, sendTime from v3.8.1, afterKickGroup's reason, the online callbacks'
connID (none on v3.8.0 - v3.8.1), v3.7's member join once per member. 127.0.0.1 only.
usage: send_profiles.py BINARY
"""
import json
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

BINARY = sys.argv[1]
failures = []
received = []
lock = threading.Lock()


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what, flush=True)
    if not condition:
        failures.append(what)


class Business(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        with lock:
            received.append((self.path, json.loads(body)))
        reply = b'{"actionCode":0,"errCode":0,"errMsg":"","nextCode":0}'
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


def send(profile, command="all"):
    with lock:
        received.clear()
    p = subprocess.run([BINARY, "send", "--to", url, "--command", command, "--profile", profile],
                       capture_output=True, env=env, timeout=120)
    with lock:
        calls = list(received)
    return p.returncode, p.stderr.decode(), calls


def by_command(calls):
    out = {}
    for path, body in calls:
        out.setdefault(path.rsplit("/", 1)[-1], []).append(body)
    return out


MEMBER_JOIN = "callbackBeforeMembersJoinGroupCommand"
MEMBER_JOIN_37 = "callbackBeforeMemberJoinGroupCommand"
ONLINE = "callbackAfterUserOnlineCommand"
OFFLINE = "callbackAfterUserOfflineCommand"
# Commands the version has (versions.md's table) minus afterUserKickOff, which no version sends, and
# the online callbacks on v3.8.0 - v3.8.1.
EXPECTED_COMMANDS = {"v3.7": 43, "v3.8.0": 41, "v3.8.1": 44, "v3.8.2": 46, "main": 51}

for profile, expected in EXPECTED_COMMANDS.items():
    code, err, calls = send(profile)
    got = by_command(calls)
    check(code == 0, f"{profile}: send --command all exits 0 ({code}: {err.strip()[-200:]})")
    check(len(got) == expected, f"{profile}: {expected} commands arrive (got {len(got)})")
    for path, body in calls:
        if path.rsplit("/", 1)[-1] != body.get("callbackCommand"):
            check(False, f"{profile}: {path} carries callbackCommand {body.get('callbackCommand')}")
    secret = [b.get("secret") for c in ("callbackBeforeUserRegisterCommand", "callbackAfterUserRegisterCommand")
              for b in got.get(c, [])]
    if profile in ("v3.7", "v3.8.0"):
        check(secret == ["openIM123", "openIM123"], f"{profile}: user register carries the admin secret")
    else:
        check(secret == [None, None], f"{profile}: user register carries no secret ({secret})")
    send_time = [("sendTime" in b) for b in got.get("callbackBeforeSendSingleMsgCommand", [])]
    check(send_time == [profile not in ("v3.7", "v3.8.0")], f"{profile}: sendTime in message callbacks")
    reason = [b.get("reason") for b in got.get("callbackAfterKickGroupCommand", [])]
    if profile in ("v3.7", "v3.8.0"):
        check(reason == [""], f"{profile}: afterKickGroup reason is always empty ({reason})")
    else:
        check(len(reason) == 1 and reason[0] != "", f"{profile}: afterKickGroup reason as given ({reason})")
    online = got.get(ONLINE, []) + got.get(OFFLINE, [])
    if profile in ("v3.8.0", "v3.8.1"):
        check(online == [], f"{profile}: no online/offline callbacks")
        check(f"skipped {ONLINE}" in err, f"{profile}: the skipped online callback is reported")
    elif profile == "v3.7":
        check(len(online) == 2 and all(b["connID"] for b in online), f"{profile}: online callbacks, real connID")
    else:
        check(len(online) == 2 and all(b["connID"] == "" for b in online), f"{profile}: online callbacks, connID \"\"")
    if profile == "v3.7":
        joins = got.get(MEMBER_JOIN_37, [])
        check(MEMBER_JOIN not in got, f"{profile}: no batch member join")
        check(len(joins) == 2, f"{profile}: member join once per member ({len(joins)})")
        check(all(set(b) == {"callbackCommand", "groupID", "userID", "ex", "groupEx"} for b in joins),
              f"{profile}: member join request {{callbackCommand, groupID, userID, ex, groupEx}}")
        check(sorted(b.get("userID") for b in joins) == ["user_bob", "user_carol"], f"{profile}: one per member")
    else:
        joins = got.get(MEMBER_JOIN, [])
        check(len(joins) == 1 and len(joins[0].get("memberList", [])) == 2, f"{profile}: batch memberList")
    for command, since in (("callbackAfterAddFriendAgreeCommand", "v3.8.1"),
                           ("callbackBeforeSetGroupInfoExCommand", "v3.8.1"),
                           ("callbackAfterMsgSaveDBCommand", "main")):
        has = list(EXPECTED_COMMANDS).index(profile) >= list(EXPECTED_COMMANDS).index(since)
        check((command in got) == has, f"{profile}: {command} {'sent' if has else 'not sent'}")

# One command the version never sends is refused, and nothing goes out.
code, err, calls = send("v3.8.0", ONLINE)
check(code == 2 and not calls and "never sends" in err, f"v3.8.0 refuses {ONLINE} ({code}, {err.strip()})")
code, err, calls = send("v3.7", "callbackAfterAddFriendAgreeCommand")
check(code == 2 and not calls, "v3.7 refuses callbackAfterAddFriendAgreeCommand")
code, err, calls = send("v3.8.2", MEMBER_JOIN_37)
check(code == 2 and not calls, "v3.8.2 refuses v3.7's member join name")
# Profiles the catalogue does not describe send what they always did.
code, err, calls = send("v3.6", "callbackBeforeSendSingleMsgCommand")
check(code == 0 and len(calls) == 1, "v3.6 still sends the newest request")

server.shutdown()
print(f"{len(failures)} failure(s)")
sys.exit(1 if failures else 0)
