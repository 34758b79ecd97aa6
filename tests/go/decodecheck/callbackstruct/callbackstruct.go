// Package callbackstruct copies the reply structs of OpenIM Server's before-callbacks
// (pkg/callbackstruct at v3.8.3-patch.16 and main; v3.7.1 for the flat member join), written here by
// hand from the Go source, independently of the project's catalogue.
package callbackstruct

import (
	"decodecheck/sdkws"
	"decodecheck/wrapperspb"
)

type CommonCallbackResp struct {
	ActionCode int32  `json:"actionCode"`
	ErrCode    int32  `json:"errCode"`
	ErrMsg     string `json:"errMsg"`
	ErrDlt     string `json:"errDlt"`
	NextCode   int32  `json:"nextCode"`
}

type CallbackBeforeSendSingleMsgResp struct{ CommonCallbackResp }
type CallbackBeforeSendGroupMsgResp struct{ CommonCallbackResp }
type CallbackBeforeAddFriendResp struct{ CommonCallbackResp }
type CallbackBeforeAddFriendAgreeResp struct{ CommonCallbackResp }
type CallbackBeforeAddBlackResp struct{ CommonCallbackResp }
type CallbackJoinGroupResp struct{ CommonCallbackResp }

type CallbackMsgModifyCommandResp struct {
	CommonCallbackResp
	Content          *string                `json:"content"`
	RecvID           *string                `json:"recvID"`
	GroupID          *string                `json:"groupID"`
	ClientMsgID      *string                `json:"clientMsgID"`
	ServerMsgID      *string                `json:"serverMsgID"`
	SenderPlatformID *int32                 `json:"senderPlatformID"`
	SenderNickname   *string                `json:"senderNickname"`
	SenderFaceURL    *string                `json:"senderFaceURL"`
	SessionType      *int32                 `json:"sessionType"`
	MsgFrom          *int32                 `json:"msgFrom"`
	ContentType      *int32                 `json:"contentType"`
	Status           *int32                 `json:"status"`
	Options          *map[string]bool       `json:"options"`
	OfflinePushInfo  *sdkws.OfflinePushInfo `json:"offlinePushInfo"`
	AtUserIDList     *[]string              `json:"atUserIDList"`
	MsgDataList      *[]byte                `json:"msgDataList"`
	AttachedInfo     *string                `json:"attachedInfo"`
	Ex               *string                `json:"ex"`
}

type CallbackBeforePushResp struct {
	CommonCallbackResp
	UserIDs         []string               `json:"userIDList"`
	OfflinePushInfo *sdkws.OfflinePushInfo `json:"offlinePushInfo"`
}

type CallbackBeforeSuperGroupOnlinePushResp struct {
	CommonCallbackResp
	UserIDs         []string               `json:"userIDList"`
	OfflinePushInfo *sdkws.OfflinePushInfo `json:"offlinePushInfo"`
}

type CallbackBeforeUserRegisterResp struct {
	CommonCallbackResp
	Users []*sdkws.UserInfo `json:"users"`
}

type CallbackBeforeUpdateUserInfoResp struct {
	CommonCallbackResp
	Nickname *string `json:"nickName"`
	FaceURL  *string `json:"faceURL"`
	Ex       *string `json:"ex"`
}

type CallbackBeforeUpdateUserInfoExResp struct {
	CommonCallbackResp
	Nickname *wrapperspb.StringValue `json:"nickName"`
	FaceURL  *wrapperspb.StringValue `json:"faceURL"`
	Ex       *wrapperspb.StringValue `json:"ex"`
}

type CallbackBeforeImportFriendsResp struct {
	CommonCallbackResp
	FriendUserIDs []string `json:"friendUserIDs"`
}

type CallbackBeforeSetFriendRemarkResp struct {
	CommonCallbackResp
	Remark string `json:"remark"`
}

type CallbackBeforeCreateGroupResp struct {
	CommonCallbackResp
	GroupID           *string `json:"groupID"`
	GroupName         *string `json:"groupName"`
	Notification      *string `json:"notification"`
	Introduction      *string `json:"introduction"`
	FaceURL           *string `json:"faceURL"`
	OwnerUserID       *string `json:"ownerUserID"`
	Ex                *string `json:"ex"`
	Status            *int32  `json:"status"`
	CreatorUserID     *string `json:"creatorUserID"`
	GroupType         *int32  `json:"groupType"`
	NeedVerification  *int32  `json:"needVerification"`
	LookMemberInfo    *int32  `json:"lookMemberInfo"`
	ApplyMemberFriend *int32  `json:"applyMemberFriend"`
}

type MemberJoinGroupCallBack struct {
	UserID      *string `json:"userID"`
	Nickname    *string `json:"nickname"`
	FaceURL     *string `json:"faceURL"`
	RoleLevel   *int32  `json:"roleLevel"`
	MuteEndTime *int64  `json:"muteEndTime"`
	Ex          *string `json:"ex"`
}

type CallbackBeforeMembersJoinGroupResp struct {
	CommonCallbackResp
	MemberCallbackList []*MemberJoinGroupCallBack `json:"memberCallbackList"`
}

// v3.7.x: one call per member, a flat reply.
type CallbackBeforeMemberJoinGroupResp struct {
	CommonCallbackResp
	Nickname    *string `json:"nickname"`
	FaceURL     *string `json:"faceURL"`
	RoleLevel   *int32  `json:"roleLevel"`
	MuteEndTime *int64  `json:"muteEndTime"`
	Ex          *string `json:"ex"`
}

type CallbackBeforeSetGroupMemberInfoResp struct {
	CommonCallbackResp
	Ex        *string `json:"ex"`
	Nickname  *string `json:"nickName"`
	FaceURL   *string `json:"faceURL"`
	RoleLevel *int32  `json:"roleLevel"`
}

type CallbackBeforeInviteUserToGroupResp struct {
	CommonCallbackResp
	RefusedMembersAccount []string `json:"refusedMembersAccount,omitempty"`
}

type CallbackBeforeSetGroupInfoResp struct {
	CommonCallbackResp
	GroupID           string  ` json:"groupID"`
	GroupName         string  `json:"groupName"`
	Notification      string  `json:"notification"`
	Introduction      string  `json:"introduction"`
	FaceURL           string  `json:"faceURL"`
	Ex                *string `json:"ex"`
	NeedVerification  *int32  `json:"needVerification"`
	LookMemberInfo    *int32  `json:"lookMemberInfo"`
	ApplyMemberFriend *int32  `json:"applyMemberFriend"`
}

type CallbackBeforeSetGroupInfoExResp struct {
	CommonCallbackResp
	GroupID           string                  `json:"groupID"`
	GroupName         *wrapperspb.StringValue `json:"groupName"`
	Notification      *wrapperspb.StringValue `json:"notification"`
	Introduction      *wrapperspb.StringValue `json:"introduction"`
	FaceURL           *wrapperspb.StringValue `json:"faceURL"`
	Ex                *wrapperspb.StringValue `json:"ex"`
	NeedVerification  *wrapperspb.Int32Value  `json:"needVerification"`
	LookMemberInfo    *wrapperspb.Int32Value  `json:"lookMemberInfo"`
	ApplyMemberFriend *wrapperspb.Int32Value  `json:"applyMemberFriend"`
}

type CallbackBeforeCreateConversationsResp struct {
	CommonCallbackResp
	RecvMsgOpt    *int32  `json:"recvMsgOpt"`
	IsPinned      *bool   `json:"isPinned"`
	IsPrivateChat *bool   `json:"isPrivateChat"`
	BurnDuration  *int32  `json:"burnDuration"`
	GroupAtType   *int32  `json:"groupAtType"`
	AttachedInfo  *string `json:"attachedInfo"`
	Ex            *string `json:"ex"`
}

type CallbackBeforeCreateSingleChatConversationsResp CallbackBeforeCreateConversationsResp
type CallbackBeforeCreateGroupChatConversationsResp CallbackBeforeCreateConversationsResp
