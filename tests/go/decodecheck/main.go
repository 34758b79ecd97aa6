// decodecheck decodes generated callback replies with Go's encoding/json into OpenIM's reply structs,
// as OpenIM's webhook client does (json.Unmarshal(body, resp)), for the differential test of the
// inspector's GoDecoder (tests/core/tst_godecoder.cpp).
//
// Input, one a line: {"command": ..., "profile": ..., "reply": base64 of the reply bytes}.
// Output, one a line: "ok\t<canonical JSON of the decoded struct>" or "error\t<Go's error text>",
// or "unknown\t<command>" for a command it has no struct for. The canonical form: fields sorted by
// their json names (embedded structs inline), nil as null, []byte as base64, map keys sorted, strings escaped
// only for '"', '\' and bytes below 0x20, wrapper values as their value.
package main

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"sort"
	"strconv"
	"strings"

	cs "decodecheck/callbackstruct"
	"decodecheck/wrapperspb"
)

func newReply(command, profile string) any {
	switch command {
	case "callbackBeforeSendSingleMsgCommand":
		return &cs.CallbackBeforeSendSingleMsgResp{}
	case "callbackBeforeSendGroupMsgCommand":
		return &cs.CallbackBeforeSendGroupMsgResp{}
	case "callbackBeforeMsgModifyCommand":
		return &cs.CallbackMsgModifyCommandResp{}
	case "callbackBeforeOnlinePushCommand", "callbackBeforeOfflinePushCommand":
		return &cs.CallbackBeforePushResp{}
	case "callbackBeforeGroupOnlinePushCommand":
		return &cs.CallbackBeforeSuperGroupOnlinePushResp{}
	case "callbackBeforeUserRegisterCommand":
		return &cs.CallbackBeforeUserRegisterResp{}
	case "callbackBeforeUpdateUserInfoCommand":
		return &cs.CallbackBeforeUpdateUserInfoResp{}
	case "callbackBeforeUpdateUserInfoExCommand":
		return &cs.CallbackBeforeUpdateUserInfoExResp{}
	case "callbackBeforeAddFriendCommand":
		return &cs.CallbackBeforeAddFriendResp{}
	case "callbackBeforeAddFriendAgreeCommand":
		return &cs.CallbackBeforeAddFriendAgreeResp{}
	case "callbackBeforeImportFriendsCommand":
		return &cs.CallbackBeforeImportFriendsResp{}
	case "callbackBeforeSetFriendRemarkCommand":
		return &cs.CallbackBeforeSetFriendRemarkResp{}
	case "callbackBeforeAddBlackCommand":
		return &cs.CallbackBeforeAddBlackResp{}
	case "callbackBeforeCreateGroupCommand":
		return &cs.CallbackBeforeCreateGroupResp{}
	case "callbackBeforeMembersJoinGroupCommand", "callbackBeforeMemberJoinGroupCommand":
		if profile == "v3.7" {
			return &cs.CallbackBeforeMemberJoinGroupResp{}
		}
		return &cs.CallbackBeforeMembersJoinGroupResp{}
	case "callbackBeforeSetGroupMemberInfoCommand":
		return &cs.CallbackBeforeSetGroupMemberInfoResp{}
	case "callbackBeforeJoinGroupCommand":
		return &cs.CallbackJoinGroupResp{}
	case "callbackBeforeInviteJoinGroupCommand":
		return &cs.CallbackBeforeInviteUserToGroupResp{}
	case "callbackBeforeSetGroupInfoCommand":
		return &cs.CallbackBeforeSetGroupInfoResp{}
	case "callbackBeforeSetGroupInfoExCommand":
		return &cs.CallbackBeforeSetGroupInfoExResp{}
	case "callbackBeforeCreateSingleChatConversationsCommand":
		return &cs.CallbackBeforeCreateSingleChatConversationsResp{}
	case "callbackBeforeCreateGroupChatConversationsCommand":
		return &cs.CallbackBeforeCreateGroupChatConversationsResp{}
	}
	return nil
}

func canonString(b *bytes.Buffer, s string) {
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c < 0x20:
			fmt.Fprintf(b, "\\u%04x", c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
}

var (
	stringValueType = reflect.TypeOf(wrapperspb.StringValue{})
	int32ValueType  = reflect.TypeOf(wrapperspb.Int32Value{})
)

type member struct {
	name  string
	value reflect.Value
}

// fields lists a struct's fields with their json names, embedded structs inline.
func fields(v reflect.Value, out []member) []member {
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Anonymous {
			out = fields(v.Field(i), out)
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		out = append(out, member{name, v.Field(i)})
	}
	return out
}

func canon(b *bytes.Buffer, v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			b.WriteString("null")
		} else {
			canon(b, v.Elem())
		}
	case reflect.Struct:
		switch v.Type() {
		case stringValueType:
			canonString(b, v.Field(0).String())
			return
		case int32ValueType:
			b.WriteString(strconv.FormatInt(v.Field(0).Int(), 10))
			return
		}
		members := fields(v, nil)
		sort.Slice(members, func(i, j int) bool { return members[i].name < members[j].name })
		b.WriteByte('{')
		for i, m := range members {
			if i > 0 {
				b.WriteByte(',')
			}
			canonString(b, m.name)
			b.WriteByte(':')
			canon(b, m.value)
		}
		b.WriteByte('}')
	case reflect.Slice:
		if v.IsNil() {
			b.WriteString("null")
		} else if v.Type().Elem().Kind() == reflect.Uint8 {
			b.WriteByte('"')
			b.WriteString(base64.StdEncoding.EncodeToString(v.Bytes()))
			b.WriteByte('"')
		} else {
			b.WriteByte('[')
			for i := 0; i < v.Len(); i++ {
				if i > 0 {
					b.WriteByte(',')
				}
				canon(b, v.Index(i))
			}
			b.WriteByte(']')
		}
	case reflect.Map:
		if v.IsNil() {
			b.WriteString("null")
			return
		}
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		b.WriteByte('{')
		for i, k := range keys {
			if i > 0 {
				b.WriteByte(',')
			}
			canonString(b, k.String())
			b.WriteByte(':')
			canon(b, v.MapIndex(k))
		}
		b.WriteByte('}')
	case reflect.String:
		canonString(b, v.String())
	case reflect.Bool:
		b.WriteString(strconv.FormatBool(v.Bool()))
	case reflect.Int32, reflect.Int64:
		b.WriteString(strconv.FormatInt(v.Int(), 10))
	case reflect.Uint8:
		b.WriteString(strconv.FormatUint(v.Uint(), 10))
	default:
		panic("canon: unexpected kind " + v.Kind().String())
	}
}

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 64<<20)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for in.Scan() {
		var line struct {
			Command string `json:"command"`
			Profile string `json:"profile"`
			Reply   []byte `json:"reply"`
		}
		if err := json.Unmarshal(in.Bytes(), &line); err != nil {
			fmt.Fprintln(os.Stderr, "decodecheck: bad input line:", err)
			os.Exit(2)
		}
		reply := newReply(line.Command, line.Profile)
		if reply == nil {
			fmt.Fprintf(out, "unknown\t%s\n", line.Command)
			continue
		}
		if err := json.Unmarshal(line.Reply, reply); err != nil {
			text := strings.ReplaceAll(err.Error(), "\n", "\\n")
			fmt.Fprintf(out, "error\t%s\n", text)
			continue
		}
		var b bytes.Buffer
		canon(&b, reflect.ValueOf(reply))
		out.WriteString("ok\t")
		out.Write(b.Bytes())
		out.WriteByte('\n')
	}
	if err := in.Err(); err != nil {
		fmt.Fprintln(os.Stderr, "decodecheck:", err)
		os.Exit(2)
	}
}
