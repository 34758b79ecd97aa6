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

# The Go structs OpenIM decodes each before-callback's reply into, with encoding/json (pkg/callbackstruct
# at v3.8.3-patch.16 and main; the protocol's sdkws and wrapperspb types at v0.0.73). The verdict checks
# a reply against these exactly as encoding/json would (app/core/verdict/godecode.cpp): one wrong type
# anywhere, even in a field OpenIM never reads afterwards, is DataError 90007. After-callbacks are not
# listed: their replies are decoded but never acted on. The structs are the same in every version the
# profiles model except v3.7's member join (GO_LEGACY_RESPONSE).
GO_COMMON = [("actionCode", "int32"), ("errCode", "int32"), ("errMsg", "string"), ("errDlt", "string"),
             ("nextCode", "int32")]
GO_STRUCTS = {
    "sdkws.UserInfo": [("userID", "string"), ("nickname", "string"), ("faceURL", "string"), ("ex", "string"),
                       ("createTime", "int64"), ("appMangerLevel", "int32"), ("globalRecvMsgOpt", "int32")],
    "sdkws.OfflinePushInfo": [("title", "string"), ("desc", "string"), ("ex", "string"),
                              ("iOSPushSound", "string"), ("iOSBadgeCount", "bool"), ("signalInfo", "string")],
    "callbackstruct.MemberJoinGroupCallBack": [("userID", "*string"), ("nickname", "*string"),
                                               ("faceURL", "*string"), ("roleLevel", "*int32"),
                                               ("muteEndTime", "*int64"), ("ex", "*string")],
}
_PUSH = {"userIDList": "[]string", "offlinePushInfo": "*sdkws.OfflinePushInfo"}
_CONVERSATION = {"recvMsgOpt": "*int32", "isPinned": "*bool", "isPrivateChat": "*bool", "burnDuration": "*int32",
                 "groupAtType": "*int32", "attachedInfo": "*string", "ex": "*string"}
GO_RESPONSE = {
    "callbackBeforeSendSingleMsgCommand": ("CallbackBeforeSendSingleMsgResp", {}),
    "callbackBeforeSendGroupMsgCommand": ("CallbackBeforeSendGroupMsgResp", {}),
    "callbackBeforeMsgModifyCommand": ("CallbackMsgModifyCommandResp", {
        "content": "*string", "recvID": "*string", "groupID": "*string", "clientMsgID": "*string",
        "serverMsgID": "*string", "senderPlatformID": "*int32", "senderNickname": "*string",
        "senderFaceURL": "*string", "sessionType": "*int32", "msgFrom": "*int32", "contentType": "*int32",
        "status": "*int32", "options": "*map[string]bool", "offlinePushInfo": "*sdkws.OfflinePushInfo",
        "atUserIDList": "*[]string", "msgDataList": "*[]byte", "attachedInfo": "*string", "ex": "*string"}),
    "callbackBeforeOnlinePushCommand": ("CallbackBeforePushResp", _PUSH),
    "callbackBeforeOfflinePushCommand": ("CallbackBeforePushResp", _PUSH),
    "callbackBeforeGroupOnlinePushCommand": ("CallbackBeforeSuperGroupOnlinePushResp", _PUSH),
    "callbackBeforeUserRegisterCommand": ("CallbackBeforeUserRegisterResp", {"users": "[]*sdkws.UserInfo"}),
    "callbackBeforeUpdateUserInfoCommand": ("CallbackBeforeUpdateUserInfoResp", {
        "nickName": "*string", "faceURL": "*string", "ex": "*string"}),
    # OpenIM's own wrapperspb (not Google's): StringValue takes a plain JSON string, Int32Value runs
    # strconv.ParseInt(raw, 10, 32) on the raw bytes (so "5" in quotes, 1.0 and 1e2 fail).
    "callbackBeforeUpdateUserInfoExCommand": ("CallbackBeforeUpdateUserInfoExResp", {
        "nickName": "*wrapperspb.StringValue", "faceURL": "*wrapperspb.StringValue",
        "ex": "*wrapperspb.StringValue"}),
    "callbackBeforeAddFriendCommand": ("CallbackBeforeAddFriendResp", {}),
    "callbackBeforeAddFriendAgreeCommand": ("CallbackBeforeAddFriendAgreeResp", {}),
    "callbackBeforeImportFriendsCommand": ("CallbackBeforeImportFriendsResp", {"friendUserIDs": "[]string"}),
    "callbackBeforeSetFriendRemarkCommand": ("CallbackBeforeSetFriendRemarkResp", {"remark": "string"}),
    "callbackBeforeAddBlackCommand": ("CallbackBeforeAddBlackResp", {}),
    "callbackBeforeCreateGroupCommand": ("CallbackBeforeCreateGroupResp", {
        "groupID": "*string", "groupName": "*string", "notification": "*string", "introduction": "*string",
        "faceURL": "*string", "ownerUserID": "*string", "ex": "*string", "status": "*int32",
        "creatorUserID": "*string", "groupType": "*int32", "needVerification": "*int32",
        "lookMemberInfo": "*int32", "applyMemberFriend": "*int32"}),
    "callbackBeforeMembersJoinGroupCommand": ("CallbackBeforeMembersJoinGroupResp", {
        "memberCallbackList": "[]*callbackstruct.MemberJoinGroupCallBack"}),
    "callbackBeforeSetGroupMemberInfoCommand": ("CallbackBeforeSetGroupMemberInfoResp", {
        "ex": "*string", "nickName": "*string", "faceURL": "*string", "roleLevel": "*int32"}),
    "callbackBeforeJoinGroupCommand": ("CallbackJoinGroupResp", {}),
    "callbackBeforeInviteJoinGroupCommand": ("CallbackBeforeInviteUserToGroupResp", {
        "refusedMembersAccount": "[]string"}),
    "callbackBeforeSetGroupInfoCommand": ("CallbackBeforeSetGroupInfoResp", {
        "groupID": "string", "groupName": "string", "notification": "string", "introduction": "string",
        "faceURL": "string", "ex": "*string", "needVerification": "*int32", "lookMemberInfo": "*int32",
        "applyMemberFriend": "*int32"}),
    "callbackBeforeSetGroupInfoExCommand": ("CallbackBeforeSetGroupInfoExResp", {
        "groupID": "string", "groupName": "*wrapperspb.StringValue", "notification": "*wrapperspb.StringValue",
        "introduction": "*wrapperspb.StringValue", "faceURL": "*wrapperspb.StringValue",
        "ex": "*wrapperspb.StringValue", "needVerification": "*wrapperspb.Int32Value",
        "lookMemberInfo": "*wrapperspb.Int32Value", "applyMemberFriend": "*wrapperspb.Int32Value"}),
    "callbackBeforeCreateSingleChatConversationsCommand": ("CallbackBeforeCreateSingleChatConversationsResp",
                                                           _CONVERSATION),
    "callbackBeforeCreateGroupChatConversationsCommand": ("CallbackBeforeCreateGroupChatConversationsResp",
                                                          _CONVERSATION),
}
GO_LEGACY_RESPONSE = {
    "callbackBeforeMemberJoinGroupCommand": ("CallbackBeforeMemberJoinGroupResp", {
        "nickname": "*string", "faceURL": "*string", "roleLevel": "*int32", "muteEndTime": "*int64",
        "ex": "*string"}),
}


def go_response(command, fields, table):
    """The reply fields with their Go types, checked against the struct table."""
    if command not in table:
        return None, fields
    struct, extra = table[command]
    go = dict(GO_COMMON, **extra)
    names = [f["name"] for f in fields]
    if sorted(names) != sorted(go):
        raise SystemExit(f"{command}: reply fields {names} differ from the Go struct {sorted(go)}")
    return "callbackstruct." + struct, [dict(f, go=go[f["name"]]) for f in fields]


# The OpenIM versions whose requests the catalogue describes one by one (versions.md "Behaviour by
# version"), oldest first, by the name of their profile. Older profiles get the newest requests.
VERSIONS = ["v3.7", "v3.8.0", "v3.8.1", "v3.8.2", "main"]


def versions_from(first, last="main"):
    return VERSIONS[VERSIONS.index(first):VERSIONS.index(last) + 1]


# The first version each command exists in, from callbacks.json's availableSince (which says more).
def first_version(since):
    if since.startswith("main"):
        return "main"
    for v in reversed(VERSIONS[:-1]):
        if since.startswith(v):
            return v
    return "v3.7"  # v3.7.0 and everything the catalogue has from before


# Commands a version defines but never sends: the online/offline calls are commented out in
# v3.8.0 - v3.8.1 (versions.md D1).
UNSENT = {
    "callbackAfterUserOnlineCommand": ["v3.8.0", "v3.8.1"],
    "callbackAfterUserOfflineCommand": ["v3.8.0", "v3.8.1"],
}

# Commands a version's releases never send but later builds of its branch do: afterMsgSaveDB was
# backported to the 3.8.3-patch branch after 2026-07 (versions.md D14; from public PRs only).
BRANCH_ONLY = {
    "callbackAfterMsgSaveDBCommand": ["v3.8.2"],
}

MESSAGE_COMMANDS = ["callbackBeforeSendSingleMsgCommand", "callbackAfterSendSingleMsgCommand",
                    "callbackBeforeSendGroupMsgCommand", "callbackAfterSendGroupMsgCommand",
                    "callbackBeforeMsgModifyCommand", "callbackAfterMsgSaveDBCommand"]
REGISTER_COMMANDS = ["callbackBeforeUserRegisterCommand", "callbackAfterUserRegisterCommand"]
ONLINE_COMMANDS = ["callbackAfterUserOnlineCommand", "callbackAfterUserOfflineCommand"]

# Request fields that differ by version (versions.md D1, D5, D6, D7): "in" = the versions that send
# the field at all, "emptyIn" = where it is always "", "filledIn" = where it is never "". A field
# the newest request lacks is added with its "sample" value.
VERSIONED_FIELDS = [
    (MESSAGE_COMMANDS, "sendTime", {"in": versions_from("v3.8.1")}),
    (REGISTER_COMMANDS, "secret", {"in": ["v3.7", "v3.8.0"], "type": "string", "sample": "openIM123"}),
    (["callbackAfterKickGroupCommand"], "reason", {"emptyIn": ["v3.7", "v3.8.0"]}),
    (ONLINE_COMMANDS, "connID", {"filledIn": ["v3.7"], "emptyIn": versions_from("v3.8.2")}),
]

# v3.7.x calls member join once per member (versions.md D4): the request is the newest one's with
# each memberList entry's fields at the top level.
LEGACY_REQUEST = {
    "callbackBeforeMemberJoinGroupCommand": {
        "perItemOf": "memberList",
        "request": [("callbackCommand", "string"), ("groupID", "string"), ("userID", "string"),
                    ("ex", "string"), ("groupEx", "string")],
    },
}


def request_fields(command, fields):
    out = [{"name": f["name"], "type": f["type"]} for f in fields]
    for commands, name, extra in VERSIONED_FIELDS:
        if command not in commands:
            continue
        field = next((f for f in out if f["name"] == name), None)
        if field is None:
            field = {"name": name, "type": extra["type"]}
            out.append(field)
        field.update({k: v for k, v in extra.items() if k != "type"})
    return out


def main():
    src = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/openim/callbacks.json")
    out = Path(__file__).resolve().parent.parent / "resources" / "catalogue" / "openim-catalogue.json"
    entries = json.loads(src.read_text(encoding="utf-8"))
    commands = []
    for e in entries:
        response = [{"name": f["name"], "type": f["type"], "honoured": bool(f["honoured"])}
                    for f in e["responseFields"]]
        struct, response = go_response(e["command"], response, GO_RESPONSE)
        if e["phase"] == "before" and not struct:
            raise SystemExit(f"{e['command']}: no Go reply struct")
        commands.append({
            "command": e["command"],
            "configKey": e["configKey"],
            "phase": e["phase"],
            "service": e["service"],
            "since": e["availableSince"],
            "in": versions_from(first_version(e["availableSince"])),
            "sent": e["firedInNewest"],
            "keyQuery": bool(e.get("urlQuery")),
            "request": request_fields(e["command"], e["requestFields"]),
            "response": response,
            "sample": e["sampleRequest"],
        })
        if struct:
            commands[-1]["responseStruct"] = struct
        if e["command"] in UNSENT:
            commands[-1]["unsentIn"] = UNSENT[e["command"]]
        if e["command"] in BRANCH_ONLY:
            commands[-1]["branchIn"] = BRANCH_ONLY[e["command"]]
    known = {c["command"] for c in commands}
    legacy = []
    for name, current, versions in LEGACY:
        if current and current not in known:
            raise SystemExit(f"legacy {name} points at unknown {current}")
        entry = {"name": name, "current": current, "versions": versions}
        if name in LEGACY_RESPONSE:
            struct, entry["response"] = go_response(
                name, [{"name": n, "type": t, "honoured": True} for n, t in LEGACY_RESPONSE[name]],
                GO_LEGACY_RESPONSE)
            entry["responseStruct"] = struct
        if name in LEGACY_REQUEST:
            entry["perItemOf"] = LEGACY_REQUEST[name]["perItemOf"]
            entry["request"] = [{"name": n, "type": t} for n, t in LEGACY_REQUEST[name]["request"]]
        legacy.append(entry)
        # A version that sent this callback under the legacy name has it too (v3.7's member join).
        if versions in VERSIONS:
            spec = next(c for c in commands if c["command"] == current)
            spec["in"] = sorted(set(spec["in"]) | {versions}, key=VERSIONS.index)
    doc = {
        "schema": 1,
        "defaultTimeoutSeconds": 5,
        "maxTimeoutSeconds": 15,
        "versions": VERSIONS,
        "commands": commands,
        "legacy": legacy,
        "goStructs": {name: [{"name": n, "go": t} for n, t in fields] for name, fields in GO_STRUCTS.items()},
    }
    out.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {out} with {len(commands)} commands and {len(legacy)} legacy names")


if __name__ == "__main__":
    main()
