// SPDX-License-Identifier: MIT
// The verdict table: what OpenIM does with a reply, per version profile, with the cases of the
// parse rules in OpenIM's source (openim-callbacks.md sections 4 and 7), the surprising ones included.
#include "capture/capturedrequest.h"
#include "capture/capturefilter.h"
#include "capture/capturestats.h"
#include "rules/expectation.h"
#include "verdict/verdictengine.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <algorithm>

using namespace cbi;
using namespace Qt::StringLiterals;
using Outcome = Verdict::Outcome;

Q_DECLARE_METATYPE(cbi::Profile)
Q_DECLARE_METATYPE(cbi::Verdict::Outcome)
Q_DECLARE_METATYPE(cbi::Fault)

// Writes JSON with single quotes (moc cannot read raw strings holding \").
static QByteArray q(const char *text)
{
    return QByteArray(text).replace('\'', '"');
}

static const QString single = u"callbackBeforeSendSingleMsgCommand"_s;

class TestVerdictEngine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void table_data()
    {
        QTest::addColumn<Profile>("profile");
        QTest::addColumn<QString>("command");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("delayMs");
        QTest::addColumn<Fault>("fault");
        QTest::addColumn<bool>("failedContinue");
        QTest::addColumn<Outcome>("outcome");
        QTest::addColumn<int>("errCode");
        QTest::addColumn<QString>("reasonCode");

        const QByteArray cont = R"({"actionCode":0,"errCode":0,"errMsg":"","errDlt":"","nextCode":0})";
        const QByteArray deny = R"({"actionCode":0,"errCode":5001,"errMsg":"no","errDlt":"","nextCode":1})";
        const QByteArray action1Next1 = R"({"actionCode":1,"errCode":5001,"errMsg":"no","nextCode":1})";
        const QByteArray errOnly = R"({"actionCode":0,"errCode":5001,"nextCode":0})";
        const QByteArray action1 = R"({"actionCode":1,"errCode":0,"nextCode":0})";
        const auto none = Fault::None;
        const auto pMain = Profile::Main;

        // v3.7+ (and main): stop only when actionCode == 0 && nextCode == 1.
        QTest::newRow("main continue")
            << pMain << single << cont << 0 << none << true << Outcome::Continue << 0 << u"continue"_s;
        QTest::newRow("main empty object continues") << pMain << single << QByteArray("{}") << 0 << none
                                                     << true << Outcome::Continue << 0 << u"continue"_s;
        QTest::newRow("main top-level null continues") << pMain << single << QByteArray("null") << 0 << none
                                                       << true << Outcome::Continue << 0 << u"continue"_s;
        QTest::newRow("main deny") << pMain << single << deny << 0 << none << true << Outcome::Blocked << 5001
                                   << u"blocked"_s;
        QTest::newRow("main actionCode 1 + nextCode 1 does NOT block")
            << pMain << single << action1Next1 << 0 << none << true << Outcome::Continue << 0
            << u"continue-action-code"_s;
        QTest::newRow("main errCode without nextCode continues")
            << pMain << single << errOnly << 0 << none << true << Outcome::Continue << 0 << u"continue"_s;
        QTest::newRow("main HTTP 500 with continue body continues")
            << pMain << single << cont << 0 << none << true << Outcome::Continue << 0 << u"continue"_s;
        QTest::newRow("main empty body: DataError") << pMain << single << QByteArray() << 0 << none << true
                                                    << Outcome::Failed << 90007 << u"data-error"_s;
        QTest::newRow("main HTML error page: DataError")
            << pMain << single << QByteArray("<html>oops</html>") << 0 << none << true << Outcome::Failed
            << 90007 << u"data-error"_s;
        QTest::newRow("main top-level array: DataError")
            << pMain << single << QByteArray("[]") << 0 << none << true << Outcome::Failed << 90007
            << u"data-error"_s;
        QTest::newRow("main nextCode \"\" (the docs' example): DataError")
            << pMain << single << QByteArray(R"({"actionCode":0,"nextCode":""})") << 0 << none << true
            << Outcome::Failed << 90007 << u"data-error"_s;
        QTest::newRow("main errCode as string: DataError")
            << pMain << single << QByteArray(R"({"actionCode":0,"errCode":"5001","nextCode":1})") << 0 << none
            << true << Outcome::Failed << 90007 << u"data-error"_s;
        QTest::newRow("main 1.0 for an int: DataError")
            << pMain << single << QByteArray(R"({"actionCode":1.0,"nextCode":0})") << 0 << none << true
            << Outcome::Failed << 90007 << u"data-error"_s;
        QTest::newRow("main key case differs: still a deny")
            << pMain << single << QByteArray(R"({"ActionCode":0,"NextCode":1,"ErrCode":7001})") << 0 << none
            << true << Outcome::Blocked << 7001 << u"blocked"_s;
        QTest::newRow("main deny with errCode 50 reaches the caller as 500")
            << pMain << single << QByteArray(R"({"actionCode":0,"errCode":50,"nextCode":1})") << 0 << none
            << true << Outcome::Blocked << 500 << u"blocked-caller-500"_s;
        QTest::newRow("main unknown fields are ignored")
            << pMain << single << QByteArray(R"({"actionCode":0,"nextCode":0,"hello":1})") << 0 << none
            << true << Outcome::Continue << 0 << u"continue"_s;
        QTest::newRow("main timeout: NetworkError")
            << pMain << single << cont << 5000 << none << true << Outcome::Failed << 90004 << u"net-late"_s;
        QTest::newRow("main just under the timeout is fine")
            << pMain << single << cont << 4999 << none << true << Outcome::Continue << 0 << u"continue"_s;
        QTest::newRow("main close: NetworkError") << pMain << single << cont << 0 << Fault::Close << true
                                                  << Outcome::Failed << 90004 << u"net-closed"_s;
        QTest::newRow("main reset: NetworkError") << pMain << single << cont << 0 << Fault::Reset << true
                                                  << Outcome::Failed << 90004 << u"net-reset"_s;
        QTest::newRow("main hang: NetworkError") << pMain << single << cont << 0 << Fault::Hang << true
                                                 << Outcome::Failed << 90004 << u"net-timeout"_s;
        QTest::newRow("main truncated body: NetworkError")
            << pMain << single << cont << 0 << Fault::Truncate << true << Outcome::Failed << 90004
            << u"net-truncated"_s;
        QTest::newRow("main failedContinue is ignored")
            << pMain << single << QByteArray() << 0 << none << true << Outcome::Failed << 90007
            << u"data-error"_s;
        QTest::newRow("v3.7 deny") << Profile::V3_7 << single << deny << 0 << none << true << Outcome::Blocked
                                   << 5001 << u"blocked"_s;
        QTest::newRow("v3.7 actionCode 1 alone continues")
            << Profile::V3_7 << single << action1 << 0 << none << true << Outcome::Continue << 0
            << u"continue-action-code"_s;

        // v3.6: before-callbacks cannot deny (the parse error is only logged).
        QTest::newRow("v3.6 deny is only logged") << Profile::V3_6 << single << deny << 0 << none << true
                                                  << Outcome::Continue << 0 << u"continue"_s;
        QTest::newRow("v3.6 network error + failedContinue true")
            << Profile::V3_6 << single << cont << 0 << Fault::Close << true << Outcome::Continue << 0
            << u"failed-continue"_s;
        QTest::newRow("v3.6 network error + failedContinue false")
            << Profile::V3_6 << single << cont << 0 << Fault::Close << false << Outcome::Failed << 90004
            << u"net-closed"_s;

        // v3.4.2 - v3.5: stop if actionCode != 0 || nextCode == 1.
        QTest::newRow("v3.4.2 actionCode 1 blocks") << Profile::V3_4_2 << single << action1 << 0 << none
                                                    << true << Outcome::Blocked << 0 << u"blocked-low-code"_s;
        QTest::newRow("v3.4.2 nextCode 1 blocks") << Profile::V3_4_2 << single << deny << 0 << none << true
                                                  << Outcome::Blocked << 5001 << u"blocked"_s;
        QTest::newRow("v3.4.2 bad JSON + failedContinue true continues")
            << Profile::V3_4_2 << single << QByteArray("oops") << 0 << none << true << Outcome::Continue << 0
            << u"failed-continue"_s;
        QTest::newRow("v3.4.2 bad JSON + failedContinue false fails")
            << Profile::V3_4_2 << single << QByteArray("oops") << 0 << none << false << Outcome::Failed
            << 90007 << u"data-error"_s;

        // v3.0 - v3.4.0: stop if actionCode != 0 || errCode != 0 (nextCode did not exist).
        QTest::newRow("v3.0 errCode alone blocks") << Profile::V3_0 << single << errOnly << 0 << none << true
                                                   << Outcome::Blocked << 5001 << u"blocked"_s;
        QTest::newRow("v3.0 nextCode 1 alone continues")
            << Profile::V3_0 << single << QByteArray(R"({"actionCode":0,"errCode":0,"nextCode":1})") << 0
            << none << true << Outcome::Continue << 0 << u"continue"_s;

        // v2: actionCode != 0 forbids; the send returns errCode, or 201 when it is 0.
        QTest::newRow("v2 actionCode forbids")
            << Profile::V2 << u"callbackWordFilterCommand"_s << QByteArray(R"({"actionCode":1,"errCode":0})")
            << 0 << none << true << Outcome::Blocked << 0 << u"blocked-v2"_s;
        QTest::newRow("v2 timeout + failedContinue true allows")
            << Profile::V2 << single << cont << 6000 << none << true << Outcome::Continue << 0
            << u"failed-continue"_s;

        // After-callbacks: the reply is never used.
        QTest::newRow("after-callback deny is ignored")
            << pMain << u"callbackAfterSendSingleMsgCommand"_s << deny << 0 << none << true
            << Outcome::Ignored << 0 << u"after-ignored"_s;
        QTest::newRow("after-callback garbage is ignored")
            << pMain << u"callbackAfterUserOnlineCommand"_s << QByteArray("x") << 0 << Fault::Reset << true
            << Outcome::Ignored << 0 << u"after-ignored"_s;
        QTest::newRow("after-callback in v3.6 is synchronous")
            << Profile::V3_6 << u"callbackAfterUserOnlineCommand"_s << cont << 0 << none << true
            << Outcome::Ignored << 0 << u"after-ignored-sync"_s;
    }

    void table()
    {
        QFETCH(Profile, profile);
        QFETCH(QString, command);
        QFETCH(QByteArray, body);
        QFETCH(int, delayMs);
        QFETCH(Fault, fault);
        QFETCH(bool, failedContinue);
        QFETCH(Outcome, outcome);
        QFETCH(int, errCode);
        QFETCH(QString, reasonCode);
        VerdictEngine::Input in;
        in.command = command;
        in.reply.body = body;
        in.reply.delayMs = delayMs;
        in.reply.fault = fault;
        in.reply.status = QByteArray(QTest::currentDataTag()).contains("HTTP 500") ? 500 : 200;
        in.profile = profile;
        in.failedContinue = failedContinue;
        in.timeoutSeconds = 5;
        const Verdict v = VerdictEngine::compute(in);
        QCOMPARE(Verdict::outcomeName(v.outcome), Verdict::outcomeName(outcome));
        QCOMPARE(v.errCode, errCode);
        QCOMPARE(v.reason.code, reasonCode);
        QVERIFY(!v.reason.text(false).contains(u"%"_s));
    }

    void surprisingCasesWarn()
    {
        VerdictEngine::Input in;
        in.command = single;
        in.reply.body = R"({"actionCode":1,"errCode":5001,"nextCode":1})";
        Verdict v = VerdictEngine::compute(in);
        QVERIFY(std::any_of(v.warnings.begin(), v.warnings.end(),
            [](const CaptureWarning &w) { return w.code == u"action-code-not-zero"_s; }));

        in.reply.body = R"({"actionCode":0,"errCode":50,"nextCode":1})";
        v = VerdictEngine::compute(in);
        QVERIFY(std::any_of(v.warnings.begin(), v.warnings.end(),
            [](const CaptureWarning &w) { return w.code == u"err-code-low"_s; }));

        in.reply.status = 503;
        in.reply.body = R"({"actionCode":0,"nextCode":0})";
        v = VerdictEngine::compute(in);
        QVERIFY(std::any_of(v.warnings.begin(), v.warnings.end(),
            [](const CaptureWarning &w) { return w.code == u"status-ignored"_s; }));
    }

    void modifications_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QByteArray>("reply");
        QTest::addColumn<Outcome>("outcome");
        QTest::addColumn<QStringList>("modified");
        QTest::addColumn<QStringList>("ignored");

        QTest::newRow("msg modify rewrites content")
            << u"callbackBeforeMsgModifyCommand"_s << q("{'content':'{\\'content\\':\\'bad\\'}'}")
            << q("{'actionCode':0,'nextCode':0,'content':'{\\'content\\':\\'***\\'}'}") << Outcome::Modified
            << QStringList {u"content"_s} << QStringList {};
        QTest::newRow("msg modify echo changes nothing")
            << u"callbackBeforeMsgModifyCommand"_s << q("{'content':'{\\'content\\':\\'ok\\'}'}")
            << q("{'actionCode':0,'nextCode':0,'content':'{\\'content\\':\\'ok\\'}'}") << Outcome::Continue
            << QStringList {} << QStringList {};
        QTest::newRow("msg modify null is not applied")
            << u"callbackBeforeMsgModifyCommand"_s << QByteArray("{}") << QByteArray(R"({"content":null})")
            << Outcome::Continue << QStringList {} << QStringList {};
        QTest::newRow("msg modify content must be JSON object text")
            << u"callbackBeforeMsgModifyCommand"_s << q("{'content':'{\\'content\\':\\'x\\'}'}")
            << QByteArray(R"({"content":"plain text"})") << Outcome::Failed << QStringList {u"content"_s}
            << QStringList {};
        QTest::newRow("offline push retargets users")
            << u"callbackBeforeOfflinePushCommand"_s << QByteArray(R"({"userIDList":["a"]})")
            << QByteArray(R"({"userIDList":["b","c"]})") << Outcome::Modified << QStringList {u"userIDList"_s}
            << QStringList {};
        QTest::newRow("an empty list is not applied")
            << u"callbackBeforeOfflinePushCommand"_s << QByteArray(R"({"userIDList":["a"]})")
            << QByteArray(R"({"userIDList":[]})") << Outcome::Continue << QStringList {} << QStringList {};
        QTest::newRow("online push ignores offlinePushInfo")
            << u"callbackBeforeOnlinePushCommand"_s << QByteArray("{}")
            << QByteArray(R"({"offlinePushInfo":{"title":"x"}})") << Outcome::Continue << QStringList {}
            << QStringList {u"offlinePushInfo"_s};
        QTest::newRow("single message cannot rewrite content")
            << single << QByteArray("{}") << QByteArray(R"({"content":"x"})") << Outcome::Continue
            << QStringList {} << QStringList {u"content"_s};
        QTest::newRow("SetGroupInfo plain continue empties the group fields")
            << u"callbackBeforeSetGroupInfoCommand"_s
            << QByteArray(R"({"groupID":"g1","groupName":"new","introduction":"i","faceURL":"f"})")
            << QByteArray(R"({"actionCode":0,"nextCode":0})") << Outcome::Modified
            << QStringList {u"groupID"_s, u"groupName"_s, u"introduction"_s, u"faceURL"_s} << QStringList {};
        QTest::newRow("SetGroupInfo echo is a plain continue")
            << u"callbackBeforeSetGroupInfoCommand"_s
            << QByteArray(R"({"groupID":"g1","groupName":"new","introduction":"i","faceURL":"f"})")
            << QByteArray(R"({"groupID":"g1","groupName":"new","introduction":"i","faceURL":"f"})")
            << Outcome::Continue << QStringList {} << QStringList {};
        QTest::newRow("UpdateUserInfoEx field the client did not send panics")
            << u"callbackBeforeUpdateUserInfoExCommand"_s << QByteArray(R"({"userID":"u","nickName":null})")
            << QByteArray(R"({"nickName":"x"})") << Outcome::Failed << QStringList {u"nickName"_s}
            << QStringList {};
        QTest::newRow("MembersJoinGroup entry without userID panics")
            << u"callbackBeforeMembersJoinGroupCommand"_s << QByteArray("{}")
            << QByteArray(R"({"memberCallbackList":[{"nickname":"x"}]})") << Outcome::Failed
            << QStringList {u"memberCallbackList"_s} << QStringList {};
        QTest::newRow("register replaces users")
            << u"callbackBeforeUserRegisterCommand"_s << QByteArray(R"({"users":[{"userID":"a"}]})")
            << QByteArray(R"({"users":[{"userID":"a","nickname":"A"}]})") << Outcome::Modified
            << QStringList {u"users"_s} << QStringList {};
    }

    void modifications()
    {
        QFETCH(QString, command);
        QFETCH(QByteArray, request);
        QFETCH(QByteArray, reply);
        QFETCH(Outcome, outcome);
        QFETCH(QStringList, modified);
        QFETCH(QStringList, ignored);
        VerdictEngine::Input in;
        in.command = command;
        in.requestBody = QJsonDocument::fromJson(request).object();
        in.reply.body = reply;
        in.profile = Profile::Main; // written for main before the 3.8 split (content is JSON-checked)
        const Verdict v = VerdictEngine::compute(in);
        QCOMPARE(Verdict::outcomeName(v.outcome), Verdict::outcomeName(outcome));
        QCOMPARE(v.modifiedFields, modified);
        QCOMPARE(v.ignoredFields, ignored);
        if (outcome == Outcome::Failed)
            QVERIFY(v.errCode == 500 || v.errCode == 1001);
    }

    // versions.md section 4: the reply-side differences between v3.7, v3.8.0, v3.8.1, v3.8.2 and main.
    // `warning`: a code the verdict must warn with ("code:arg,arg" checks its arguments too), or
    // "!code" for one it must not.
    void perVersion_data()
    {
        QTest::addColumn<Profile>("profile");
        QTest::addColumn<QString>("command");
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QByteArray>("reply");
        QTest::addColumn<int>("delayMs");
        QTest::addColumn<Outcome>("outcome");
        QTest::addColumn<int>("errCode");
        QTest::addColumn<QString>("reasonCode");
        QTest::addColumn<QString>("warning");

        const struct
        {
            Profile profile;
            const char *name;
        } modern[] = {{Profile::V3_7, "v3.7"}, {Profile::V3_8_0, "v3.8.0"}, {Profile::V3_8_1, "v3.8.1"},
            {Profile::V3_8_2, "v3.8.2"}, {Profile::Main, "main"}};
        const QByteArray deny42 = q("{'actionCode':0,'errCode':42,'errMsg':'no','nextCode':1}");
        const QByteArray deny0 = q("{'actionCode':0,'errCode':0,'nextCode':1}");
        const QByteArray denyNegative = q("{'actionCode':0,'errCode':-3,'nextCode':1}");
        const QString modify = u"callbackBeforeMsgModifyCommand"_s;
        const QByteArray msg = q("{'content':'{\\'content\\':\\'hi\\'}'}");
        const QString offline = u"callbackBeforeOfflinePushCommand"_s;
        const QByteArray retarget = q("{'userIDList':['b']}");
        const QString userEx = u"callbackBeforeUpdateUserInfoExCommand"_s;
        const QByteArray userExRequest = q("{'userID':'u','nickName':null,'faceURL':null,'ex':null}");
        const QByteArray flatJoin =
            q("{'nickname':'n','faceURL':'f','roleLevel':60,'muteEndTime':0,'ex':'e'}");
        const QByteArray joinRequest = q("{'groupID':'g','userID':'u','ex':'','groupEx':''}");
        for (const auto &p : modern) {
            const bool main = p.profile == Profile::Main;
            // Rows tagged "as before" guard the profiles whose verdict did not change (the old v3.7 or
            // v3.8.4 gave the same); every other row fails on the code before the split.
            auto row = [&](const char *what, bool changed = true) {
                return &QTest::newRow(qPrintable((changed ? QString() : u"as before: "_s)
                    + QString::fromLatin1(p.name) + u' ' + QString::fromLatin1(what)));
            };
            // D2: the code the API caller sees after a denial.
            *row("deny 42") << p.profile << single << QByteArray("{}") << deny42 << 0 << Outcome::Blocked
                            << (main ? 500 : 42) << (main ? u"blocked-caller-500"_s : u"blocked"_s)
                            << u"err-code-low:42"_s;
            *row("deny 0") << p.profile << single << QByteArray("{}") << deny0 << 0 << Outcome::Blocked
                           << (main ? 0 : 500) << (main ? u"blocked-zero-success"_s : u"blocked-caller-500"_s)
                           << u"err-code-low:0"_s;
            *row("deny -3") << p.profile << single << QByteArray("{}") << denyNegative << 0
                            << Outcome::Blocked << 500 << u"blocked-caller-500"_s << u"err-code-low:-3"_s;
            // D3: only main checks that the content is JSON (object) text, and "null" passes there.
            *row("modify plain content", !main)
                << p.profile << modify << msg << q("{'content':'plain'}") << 0
                << (main ? Outcome::Failed : Outcome::Modified) << (main ? 1001 : 0)
                << (main ? u"content-not-object"_s : u"modified"_s) << QString();
            *row("modify content null") << p.profile << modify << msg << q("{'content':'null'}") << 0
                                        << Outcome::Modified << 0 << u"modified"_s << QString();
            // D4: v3.7 calls member join once per member and applies a flat reply.
            const bool flat = p.profile == Profile::V3_7;
            *row("flat member-join reply", flat)
                << p.profile << u"callbackBeforeMemberJoinGroupCommand"_s << joinRequest << flatJoin << 0
                << (flat ? Outcome::Modified : Outcome::Continue) << 0
                << (flat ? u"modified"_s : u"continue"_s)
                << (flat ? u"!fields-ignored"_s : u"fields-ignored"_s);
            *row("flat member-join reply, wrong type", flat)
                << p.profile << u"callbackBeforeMembersJoinGroupCommand"_s << joinRequest
                << q("{'roleLevel':'admin'}") << 0 << (flat ? Outcome::Failed : Outcome::Continue)
                << (flat ? 90007 : 0) << (flat ? u"data-error"_s : u"continue"_s) << QString();
            // D9: userIDList on a one-to-one or notification chat crashes openim-push before v3.8.1.
            const bool crash = p.profile <= Profile::V3_8_0; // and the 100 ms queue wait below
            for (const char *type : {"1", "4"}) {
                *row(type[0] == '1' ? "offline push, single chat" : "offline push, notification chat", crash)
                    << p.profile << offline << QByteArray("{\"sessionType\":") + type + "}" << retarget << 0
                    << (crash ? Outcome::Failed : Outcome::Modified) << (crash ? 500 : 0)
                    << (crash ? u"push-crash-single-chat"_s : u"modified"_s) << QString();
            }
            *row("offline push, group chat", false)
                << p.profile << offline << q("{'sessionType':3}") << retarget << 0 << Outcome::Modified << 0
                << u"modified"_s << u"!push-crash-if-single"_s;
            *row("offline push, no sessionType", crash)
                << p.profile << offline << QByteArray("{}") << retarget << 0 << Outcome::Modified << 0
                << u"modified"_s << (crash ? u"push-crash-if-single"_s : u"!push-crash-if-single"_s);
            // D11: a full after-callback queue blocks the sender 100 ms up to v3.8.0, 3 s from v3.8.1.
            *row("after-callback queue wait")
                << p.profile << u"callbackAfterSendSingleMsgCommand"_s << QByteArray("{}") << q("{}") << 2000
                << Outcome::Ignored << 0 << u"after-ignored"_s
                << (crash ? u"after-queue:2000,100"_s : u"after-queue:2000,3000"_s);
            // D12: a returned ex panics only when the client sent none, which the callback cannot show.
            *row("UpdateUserInfoEx returns ex")
                << p.profile << userEx << userExRequest << q("{'ex':'x'}") << 0 << Outcome::Modified << 0
                << u"modified"_s << u"ex-panic-if-unsent"_s;
        }
    }

    void perVersion()
    {
        QFETCH(Profile, profile);
        QFETCH(QString, command);
        QFETCH(QByteArray, request);
        QFETCH(QByteArray, reply);
        QFETCH(int, delayMs);
        QFETCH(Outcome, outcome);
        QFETCH(int, errCode);
        QFETCH(QString, reasonCode);
        QFETCH(QString, warning);
        VerdictEngine::Input in;
        in.command = command;
        in.requestBody = QJsonDocument::fromJson(request).object();
        in.reply.body = reply;
        in.reply.delayMs = delayMs;
        in.profile = profile;
        const Verdict v = VerdictEngine::compute(in);
        QCOMPARE(Verdict::outcomeName(v.outcome), Verdict::outcomeName(outcome));
        QCOMPARE(v.errCode, errCode);
        QCOMPARE(v.reason.code, reasonCode);
        QVERIFY(!v.reason.text(false).contains(u"%"_s));
        // The reply's code is kept where the caller does not get it.
        QCOMPARE(
            v.replyErrCode.has_value(), reasonCode.startsWith(u"blocked-") && reasonCode != u"blocked-v2"_s);
        if (warning.isEmpty())
            return;
        const bool absent = warning.startsWith(u'!');
        const QStringList parts = warning.mid(absent ? 1 : 0).split(u':');
        const auto found = std::find_if(v.warnings.begin(), v.warnings.end(),
            [&](const CaptureWarning &w) { return w.code == parts.first(); });
        if (absent) {
            QVERIFY2(found == v.warnings.end(), qPrintable(parts.first()));
            return;
        }
        QVERIFY2(found != v.warnings.end(), qPrintable(parts.first()));
        if (parts.size() > 1)
            QCOMPARE(found->args, parts.at(1).split(u','));
        QVERIFY(!found->text(false).contains(u"%"_s));
    }

    // Gui walk F5: a request with no command (a GET / probe) is its own outcome, not an ignored
    // after-callback, through the names that filters, statistics, exports and expectations use.
    void noCommandIsNotACallback()
    {
        VerdictEngine::Input in;
        in.reply.delayMs = 2000; // no after-queue warning either: OpenIM never queued it
        const Verdict v = VerdictEngine::compute(in);
        QCOMPARE(v.outcome, Outcome::NotCallback);
        QCOMPARE(v.reason.code, u"not-callback"_s);
        QVERIFY(v.warnings.isEmpty());
        QCOMPARE(v.toJson().value(u"outcome"_s).toString(), u"notCallback"_s);
        QCOMPARE(Verdict::outcomeFromName(u"notCallback"_s), Outcome::NotCallback);
        QVERIFY(Verdict::outcomes().contains(Outcome::NotCallback));

        CapturedRequest probe;
        probe.method = "GET";
        probe.path = u"/"_s;
        probe.verdict = v;
        CapturedRequest after;
        after.command = u"callbackAfterSendSingleMsgCommand"_s;
        in.command = after.command;
        after.verdict = VerdictEngine::compute(in);
        QCOMPARE(after.verdict.outcome, Outcome::Ignored);
        // A session read back keeps the outcome.
        QCOMPARE(CapturedRequest::fromJson(probe.toJson()).verdict.outcome, Outcome::NotCallback);
        QString error;
        const CaptureFilter notCallback = CaptureFilter::parse(u"verdict:notCallback"_s, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(notCallback.matches(probe));
        QVERIFY(!notCallback.matches(after));
        const CaptureFilter ignored = CaptureFilter::parse(u"verdict:ignored"_s, &error);
        QVERIFY(!ignored.matches(probe));
        QVERIFY(ignored.matches(after));
        CaptureStats stats;
        stats.add(probe);
        stats.add(after);
        QCOMPARE(stats.outcomeCount(Outcome::NotCallback), 1);
        QCOMPARE(stats.outcomeCount(Outcome::Ignored), 1);
        const QJsonObject verdicts = stats.toJson(0).value(u"verdicts"_s).toObject();
        QCOMPARE(verdicts.value(u"notCallback"_s).toInt(), 1);
        QCOMPARE(verdicts.value(u"ignored"_s).toInt(), 1);
        CaptureMatch expectation;
        expectation.command = u"*"_s;
        expectation.outcome = u"notCallback"_s;
        QVERIFY(expectation.matches(probe, {}));
        QVERIFY(!expectation.matches(after, {}));
    }

    void afterCallbackQueueWarning()
    {
        VerdictEngine::Input in;
        in.command = u"callbackAfterSendSingleMsgCommand"_s;
        in.reply.delayMs = 2000;
        const Verdict v = VerdictEngine::compute(in);
        QCOMPARE(v.outcome, Outcome::Ignored);
        QCOMPARE(v.warnings.size(), 1);
        QCOMPARE(v.warnings.first().code, u"after-queue"_s);
    }

    void timeouts()
    {
        QCOMPARE(VerdictEngine::effectiveTimeoutMs(5), 5000);
        QCOMPARE(VerdictEngine::effectiveTimeoutMs(0), 15000); // timeout 0: the client's 15 s cap
        QCOMPARE(VerdictEngine::effectiveTimeoutMs(60), 15000); // OpenIM caps every timeout at 15 s
    }

    void slowDripPastTheTimeout()
    {
        VerdictEngine::Input in;
        in.command = single;
        in.reply.body = QByteArray(200, ' ') + "{}";
        in.reply.fault = Fault::SlowDrip;
        in.reply.dripBytes = 1;
        in.reply.dripIntervalMs = 50; // ~300 bytes * 50 ms = 15 s
        QCOMPARE(VerdictEngine::compute(in).errCode, 90004);
        in.reply.dripIntervalMs = 1;
        QCOMPARE(VerdictEngine::compute(in).outcome, Outcome::Continue);
    }
};

QTEST_GUILESS_MAIN(TestVerdictEngine)
#include "tst_verdictengine.moc"
