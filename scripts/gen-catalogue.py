#!/usr/bin/env python3
"""Writes resources/catalogue/openim-catalogue.json, the project's own catalogue of OpenIM callbacks.

The facts (command names, phases, field names and types, which response fields OpenIM honours,
sample requests) are read from OpenIM Server's source as summarised in ../shared/openim/callbacks.json;
the schema, the legacy-name table and the timeouts are ours. Rerun after the shared facts change:
    python3 scripts/gen-catalogue.py ../shared/openim/callbacks.json
"""
import json
import sys
from pathlib import Path

# Names older OpenIM versions sent (docs/openim-callbacks.md section 7 of the shared notes).
LEGACY = [
    # v3.4.2 - v3.6 used these names; v3.7.0 renamed them.
    ("callbackMsgModifyCommand", "callbackBeforeMsgModifyCommand", "v3.4.2-v3.6"),
    ("callbackOfflinePushCommand", "callbackBeforeOfflinePushCommand", "v3.4.2-v3.6"),
    ("callbackOnlinePushCommand", "callbackBeforeOnlinePushCommand", "v3.4.2-v3.6"),
    ("callbackSuperGroupOnlinePushCommand", "callbackBeforeGroupOnlinePushCommand", "v3.4.2-v3.6"),
    ("callbackUserOnlineCommand", "callbackAfterUserOnlineCommand", "v3.4.2-v3.6"),
    ("callbackUserOfflineCommand", "callbackAfterUserOfflineCommand", "v3.4.2-v3.6"),
    ("callbackUserKickOffCommand", "callbackAfterUserKickOffCommand", "v3.4.2-v3.6"),
    ("callbackQuitGroupCommand", "callbackAfterQuitGroupCommand", "v3.4.2-v3.6"),
    ("callbackKillGroupCommand", "callbackAfterKickGroupCommand", "v3.4.2-v3.6"),
    ("callbackDisMissGroupCommand", "callbackAfterDisMissGroupCommand", "v3.4.2-v3.6"),
    ("callbackGroupMsgReadCommand", "callbackAfterGroupMsgReadCommand", "v3.4.2-v3.6"),
    ("callbackSingleMsgRead", "callbackAfterSingleMsgReadCommand", "v3.4.2-v3.6"),
    ("callbackBeforeSetFriendRemark", "callbackBeforeSetFriendRemarkCommand", "v3.4.2-v3.6"),
    ("callbackAfterSetFriendRemark", "callbackAfterSetFriendRemarkCommand", "v3.4.2-v3.6"),
    ("callbackAfterTransferGroupOwner", "callbackAfterTransferGroupOwnerCommand", "v3.4.2-v3.6"),
    # v3.7.x; v3.8.0 renamed it.
    ("callbackBeforeMemberJoinGroupCommand", "callbackBeforeMembersJoinGroupCommand", "v3.7"),
    # v3.0.0 spelled it with a capital C.
    ("CallbackBeforeSetGroupMemberInfoCommand", "callbackBeforeSetGroupMemberInfoCommand", "v3.0"),
    # v2 word filter: no current equivalent (body-only command, single callbackUrl).
    ("callbackWordFilterCommand", "", "v2"),
    # The documentation's offline-push example uses a name the code never sent.
    ("callbackBeforePushCommand", "callbackBeforeOfflinePushCommand", "docs"),
]


# Legacy names whose version read another reply shape than today's command: the response fields of
# that version, all honoured (versions.md D4: v3.7.x calls member join once per member, with a flat reply).
LEGACY_RESPONSE = {
    "callbackBeforeMemberJoinGroupCommand": [
        ("actionCode", "int32"), ("errCode", "int32"), ("errMsg", "string"), ("errDlt", "string"),
        ("nextCode", "int32"), ("nickname", "string|null"), ("faceURL", "string|null"),
        ("roleLevel", "int32|null"), ("muteEndTime", "int64|null"), ("ex", "string|null"),
    ],
}


def main():
    src = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/openim/callbacks.json")
    out = Path(__file__).resolve().parent.parent / "resources" / "catalogue" / "openim-catalogue.json"
    entries = json.loads(src.read_text(encoding="utf-8"))
    commands = []
    for e in entries:
        commands.append({
            "command": e["command"],
            "configKey": e["configKey"],
            "phase": e["phase"],
            "service": e["service"],
            "since": e["availableSince"],
            "sent": e["firedInNewest"],
            "keyQuery": bool(e.get("urlQuery")),
            "request": [{"name": f["name"], "type": f["type"]} for f in e["requestFields"]],
            "response": [{"name": f["name"], "type": f["type"], "honoured": bool(f["honoured"])}
                         for f in e["responseFields"]],
            "sample": e["sampleRequest"],
        })
    known = {c["command"] for c in commands}
    legacy = []
    for name, current, versions in LEGACY:
        if current and current not in known:
            raise SystemExit(f"legacy {name} points at unknown {current}")
        entry = {"name": name, "current": current, "versions": versions}
        if name in LEGACY_RESPONSE:
            entry["response"] = [{"name": n, "type": t, "honoured": True} for n, t in LEGACY_RESPONSE[name]]
        legacy.append(entry)
    doc = {
        "schema": 1,
        "defaultTimeoutSeconds": 5,
        "maxTimeoutSeconds": 15,
        "commands": commands,
        "legacy": legacy,
    }
    out.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {out} with {len(commands)} commands and {len(legacy)} legacy names")


if __name__ == "__main__":
    main()
