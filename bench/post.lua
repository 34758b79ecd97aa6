-- wrk script: POST a realistic OpenIM callback (callbackBeforeSendSingleMsgCommand) with an operationID.
wrk.method = "POST"
wrk.path = "/callbackExample/callbackBeforeSendSingleMsgCommand"
wrk.headers["Content-Type"] = "application/json; charset=utf-8"
wrk.headers["operationID"] = "op-7f3c2a9e-5b1d-4c8e-9a21-0d6e4b7f1c33"
wrk.headers["User-Agent"] = "Go-http-client/1.1"
wrk.body = '{"sendID":"user_alice","callbackCommand":"callbackBeforeSendSingleMsgCommand",'
    .. '"serverMsgID":"8e2b1d4f6a7c9e0b1a2c3d4e5f607182","clientMsgID":"c7d1f0a2b3e4d5c6a7b8c9d0e1f2a3b4",'
    .. '"operationID":"op-7f3c2a9e-5b1d-4c8e-9a21-0d6e4b7f1c33","senderPlatformID":5,"senderNickname":"Alice",'
    .. '"sessionType":1,"msgFrom":100,"contentType":101,"status":1,"sendTime":1719912345700,'
    .. '"createTime":1719912345650,"content":"{\\"content\\":\\"hello bob, are we still on for 8am?\\"}",'
    .. '"seq":0,"atUserList":null,"faceURL":"https://cdn.example.com/avatar/alice.png",'
    .. '"ex":"{\\"traceTag\\":\\"demo\\"}","recvID":"user_bob"}\n'
