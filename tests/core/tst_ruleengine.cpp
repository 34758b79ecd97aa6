// SPDX-License-Identifier: MIT
// Rules without sockets: operators, presets, sequences, delays, faults, templates, near misses.
#include "catalogue/catalogue.h"
#include "catalogue/commanddetector.h"
#include "rules/ruleengine.h"
#include "verdict/rewriteeffect.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

using namespace cbi;
using namespace Qt::StringLiterals;

namespace {

// Writes JSON with single quotes (moc cannot read raw strings holding \").
QByteArray q(const char *text)
{
    return QByteArray(text).replace('\'', '"');
}

Scenario scenario(const QByteArray &json)
{
    QString error;
    const auto s = Scenario::fromJson(json, &error);
    if (!s)
        qFatal("test scenario does not load: %s", qPrintable(error));
    return *s;
}

CapturedRequest request(
    const QString &command, const QByteArray &body, const HeaderList &headers = {}, const QString &query = {})
{
    CapturedRequest c;
    c.method = "POST";
    c.path = u"/callbackExample/"_s + command;
    c.query = query;
    c.body = body;
    c.headers = headers;
    CommandDetector(Catalogue::instance()).detect(c);
    return c;
}

CapturedRequest answer(RuleEngine &engine, CapturedRequest c)
{
    engine.answer(c, QJsonDocument::fromJson(c.body).object());
    return c;
}

QJsonObject replyJson(const CapturedRequest &c)
{
    return QJsonDocument::fromJson(c.reply.body).object();
}

const QString single = u"callbackBeforeSendSingleMsgCommand"_s;
const QByteArray message =
    q("{'sendID':'alice','recvID':'bob','contentType':101,'content':'{\\'content\\':\\'buy "
      "cheap pills\\'}','atUserList':['x','y'],'seq':7}");

} // namespace

class TestRuleEngine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void operators_data()
    {
        QTest::addColumn<QByteArray>("condition");
        QTest::addColumn<bool>("matches");
        QTest::newRow("equals") << q("{'body':'sendID','equals':'alice'}") << true;
        QTest::newRow("equals number") << q("{'body':'contentType','equals':101}") << true;
        QTest::newRow("equals miss") << q("{'body':'sendID','equals':'bob'}") << false;
        QTest::newRow("contains inside JSON content")
            << q("{'body':'content.content','contains':'pills'}") << true;
        QTest::newRow("contains in array") << q("{'body':'atUserList','contains':'y'}") << true;
        QTest::newRow("array index") << q("{'body':'atUserList[1]','equals':'y'}") << true;
        QTest::newRow("regex") << q("{'body':'recvID','regex':'^b.b$'}") << true;
        QTest::newRow("exists") << q("{'body':'recvID','exists':true}") << true;
        QTest::newRow("exists miss") << q("{'body':'groupID','exists':true}") << false;
        QTest::newRow("not exists") << q("{'body':'groupID','exists':true,'not':true}") << true;
        QTest::newRow("in") << q("{'body':'sendID','in':['carol','alice']}") << true;
        QTest::newRow("lt") << q("{'body':'seq','lt':8}") << true;
        QTest::newRow("le") << q("{'body':'seq','le':7}") << true;
        QTest::newRow("gt") << q("{'body':'seq','gt':7}") << false;
        QTest::newRow("ge") << q("{'body':'seq','ge':7}") << true;
        QTest::newRow("negation") << q("{'body':'sendID','equals':'alice','not':true}") << false;
        QTest::newRow("header any case") << q("{'header':'OPERATIONID','equals':'op-9'}") << true;
        QTest::newRow("query") << q("{'query':'tenant','equals':'t1'}") << true;
        QTest::newRow("numeric compare on a header") << q("{'header':'operationID','gt':3}") << false;
        // Gui walk F16: "CASINO royale" passed a contains-casino rule; ignoreCase is the option.
        QTest::newRow("contains is case-sensitive")
            << q("{'body':'content.content','contains':'PILLS'}") << false;
        QTest::newRow("contains ignoring case")
            << q("{'body':'content.content','contains':'PILLS','ignoreCase':true}") << true;
        QTest::newRow("equals ignoring case")
            << q("{'body':'sendID','equals':'ALICE','ignoreCase':true}") << true;
        QTest::newRow("in ignoring case") << q("{'body':'sendID','in':['Alice'],'ignoreCase':true}") << true;
        QTest::newRow("regex ignoring case")
            << q("{'body':'recvID','regex':'^BOB$','ignoreCase':true}") << true;
        QTest::newRow("regex case-sensitive") << q("{'body':'recvID','regex':'^BOB$'}") << false;
    }

    void operators()
    {
        QFETCH(QByteArray, condition);
        QFETCH(bool, matches);
        RuleEngine engine(scenario("{\"scenario\":1,\"rules\":[{\"command\":\"*\",\"when\":[" + condition
            + "],\"respond\":{\"preset\":\"block\"}}]}"));
        const CapturedRequest c =
            answer(engine, request(single, message, {{"operationID", "op-9"}}, u"tenant=t1"_s));
        QCOMPARE(c.ruleName.isEmpty(), !matches);
        QCOMPARE(replyJson(c).value(u"nextCode"_s).toInt(), matches ? 1 : 0);
    }

    // ignoreCase and enabled are kept by scenario files and the control API's JSON (both toJson).
    void ignoreCaseAndEnabledRoundTrip()
    {
        QString error;
        const auto s = Scenario::fromJson(q("{'scenario':1,'rules':[{'command':'*','enabled':false,'when':["
                                            "{'body':'sendID','contains':'AL','ignoreCase':true}],"
                                            "'respond':{'preset':'block'}}]}"),
            &error);
        QVERIFY2(s, qPrintable(error));
        QVERIFY(s->rules.first().conditions.first().ignoreCase);
        QVERIFY(!s->rules.first().enabled);
        const auto again = Scenario::fromJson(s->toJson(), &error);
        QVERIFY2(again, qPrintable(error));
        QVERIFY(again->rules.first().conditions.first().ignoreCase);
        QVERIFY(!again->rules.first().enabled);
        RuleEngine engine(*again);
        QVERIFY(answer(engine, request(single, message)).ruleName.isEmpty()); // disabled: not served
        QVERIFY(!Scenario::fromJson(q("{'scenario':1,'rules':[{'command':'*','when':["
                                      "{'body':'sendID','equals':'a','ignoreCase':1}],'respond':{}}]}"),
            &error));
        QVERIFY(error.contains(u"ignoreCase"_s));
    }

    void allAndAny()
    {
        const QByteArray conditions =
            q("[{'body':'sendID','equals':'alice'},{'body':'recvID','equals':'nobody'}]");
        RuleEngine all(scenario("{\"scenario\":1,\"rules\":[{\"command\":\"*\",\"when\":" + conditions
            + ",\"respond\":{\"preset\":\"block\"}}]}"));
        QVERIFY(answer(all, request(single, message)).ruleName.isEmpty());
        RuleEngine any(scenario("{\"scenario\":1,\"rules\":[{\"command\":\"*\",\"match\":\"any\",\"when\":"
            + conditions + ",\"respond\":{\"preset\":\"block\"}}]}"));
        QVERIFY(!answer(any, request(single, message)).ruleName.isEmpty());
    }

    void firstMatchWinsAndCommandsFilter()
    {
        RuleEngine engine(
            scenario(q("{'scenario':1,'rules':["
                       "{'name':'groups','command':'callbackBeforeSendGroupMsgCommand','respond':{'preset':'"
                       "block','errCode':6001}},"
                       "{'name':'single','command':'callbackBeforeSendSingleMsgCommand','respond':{'preset':'"
                       "block','errCode':6002}},"
                       "{'name':'all','command':'*','respond':{'preset':'block','errCode':6003}}]}")));
        CapturedRequest c = answer(engine, request(single, message));
        QCOMPARE(c.ruleName, u"single"_s);
        QCOMPARE(replyJson(c).value(u"errCode"_s).toInt(), 6002);
        c = answer(engine, request(u"callbackAfterUserOnlineCommand"_s, "{}"));
        QCOMPARE(c.ruleName, u"all"_s);
        // A legacy name matches a rule written with the current name.
        c = answer(engine, request(u"callbackMsgModifyCommand"_s, "{}"));
        QCOMPARE(c.ruleName, u"all"_s);
    }

    void presets()
    {
        RuleEngine engine(
            scenario(q("{'scenario':1,'rules':["
                       "{'command':'callbackBeforeSendSingleMsgCommand','when':[{'body':'sendID','equals':'"
                       "continue'}],'respond':{'preset':'continue'}},"
                       "{'command':'callbackBeforeSendSingleMsgCommand','when':[{'body':'sendID','equals':'"
                       "block'}],'respond':{'preset':'block','errMsg':'no {{request.recvID}}','errDlt':'d'}},"
                       "{'command':'callbackBeforeSendSingleMsgCommand','when':[{'body':'sendID','equals':'"
                       "error'}],'respond':{'preset':'error','errCode':7001}},"
                       "{'command':'callbackBeforeSendSingleMsgCommand','when':[{'body':'sendID','equals':'"
                       "custom'}],'respond':{'preset':'custom','status':503,'headers':{'Content-Type':'text/"
                       "plain','X-Op':'{{header.operationID}}'},'body':'down for {{command}}'}},"
                       "{'command':'callbackBeforeMsgModifyCommand','respond':{'preset':'rewrite','fields':{'"
                       "content':'{\\'content\\':\\'*** from {{request.sendID}}\\'}'}}},"
                       "{'command':'callbackBeforeOfflinePushCommand','respond':{'preset':'rewrite','fields':"
                       "{'userIDList':'{{request.atUserIDList}}'}}},"
                       "{'command':'callbackBeforeSetGroupInfoCommand','respond':{'preset':'rewrite'}}]}")));
        CapturedRequest c = answer(engine, request(single, R"({"sendID":"continue"})"));
        QCOMPARE(
            c.reply.body, QByteArray(R"({"actionCode":0,"errCode":0,"errMsg":"","errDlt":"","nextCode":0})"));
        QCOMPARE(c.verdict.outcome, Verdict::Outcome::Continue);

        c = answer(engine, request(single, R"({"sendID":"block","recvID":"bob"})"));
        QCOMPARE(c.reply.body,
            QByteArray(R"({"actionCode":0,"errCode":5001,"errMsg":"no bob","errDlt":"d","nextCode":1})"));
        QCOMPARE(c.verdict.outcome, Verdict::Outcome::Blocked);
        QCOMPARE(c.verdict.errCode, 5001);

        c = answer(engine, request(single, R"({"sendID":"error"})"));
        QCOMPARE(replyJson(c).value(u"actionCode"_s).toInt(), 1);
        QCOMPARE(c.verdict.outcome, Verdict::Outcome::Continue); // the surprise: actionCode 1 does not block

        c = answer(engine, request(single, R"({"sendID":"custom"})", {{"operationID", "op-5"}}));
        QCOMPARE(c.reply.status, 503);
        QCOMPARE(c.reply.body, QByteArray("down for callbackBeforeSendSingleMsgCommand"));
        QCOMPARE(c.reply.headers.size(), 2);
        QCOMPARE(c.reply.headers.at(1).second, QByteArray("op-5"));
        QCOMPARE(c.verdict.errCode, 90007);

        c = answer(engine,
            request(u"callbackBeforeMsgModifyCommand"_s,
                q("{'sendID':'alice','content':'{\\'content\\':\\'x\\'}'}")));
        QCOMPARE(QJsonDocument::fromJson(replyJson(c).value(u"content"_s).toString().toUtf8())
                     .object()
                     .value(u"content"_s)
                     .toString(),
            u"*** from alice"_s);
        QCOMPARE(c.verdict.outcome, Verdict::Outcome::Modified);
        QCOMPARE(c.verdict.modifiedFields, QStringList {u"content"_s});

        // A template that is the whole string keeps the value's JSON type (here an array).
        c = answer(engine,
            request(
                u"callbackBeforeOfflinePushCommand"_s, R"({"userIDList":["a"],"atUserIDList":["b","c"]})"));
        QCOMPARE(replyJson(c).value(u"userIDList"_s).toArray(), (QJsonArray {u"b"_s, u"c"_s}));
        QCOMPARE(c.verdict.modifiedFields, QStringList {u"userIDList"_s});

        // Rewrite without fields echoes what OpenIM takes back: SetGroupInfo stays intact.
        c = answer(engine,
            request(u"callbackBeforeSetGroupInfoCommand"_s,
                R"({"groupID":"g1","groupName":"n","introduction":"i","faceURL":"f","notification":"x"})"));
        QCOMPARE(replyJson(c).value(u"groupID"_s).toString(), u"g1"_s);
        QCOMPARE(c.verdict.outcome, Verdict::Outcome::Continue);
    }

    void sequences()
    {
        RuleEngine repeat(scenario(q("{'scenario':1,'rules':[{'command':'*','respond':["
                                     "{'preset':'block','times':3},{'preset':'continue'}]}]}")));
        QStringList outcomes;
        for (int i = 0; i < 6; ++i)
            outcomes.append(Verdict::outcomeName(answer(repeat, request(single, "{}")).verdict.outcome));
        QCOMPARE(outcomes,
            (QStringList {
                u"blocked"_s, u"blocked"_s, u"blocked"_s, u"continue"_s, u"continue"_s, u"continue"_s}));
        QCOMPARE(repeat.callCount(0), 6u);

        RuleEngine cycle(scenario(q("{'scenario':1,'rules':[{'command':'*','then':'cycle','respond':["
                                    "{'preset':'block'},{'preset':'continue','times':2}]}]}")));
        outcomes.clear();
        for (int i = 0; i < 6; ++i)
            outcomes.append(Verdict::outcomeName(answer(cycle, request(single, "{}")).verdict.outcome));
        QCOMPARE(outcomes,
            (QStringList {
                u"blocked"_s, u"continue"_s, u"continue"_s, u"blocked"_s, u"continue"_s, u"continue"_s}));
        cycle.resetCounters();
        QCOMPARE(Verdict::outcomeName(answer(cycle, request(single, "{}")).verdict.outcome), u"blocked"_s);
    }

    void delays()
    {
        RuleEngine engine(
            scenario(
                q("{'scenario':1,'timeouts':{'default':5,'callbackBeforeSendSingleMsgCommand':2},'rules':["
                  "{'command':'callbackBeforeSendSingleMsgCommand','when':[{'body':'d','equals':'fixed'}],'"
                  "respond':{'delay':{'fixed':250}}},"
                  "{'command':'callbackBeforeSendSingleMsgCommand','when':[{'body':'d','equals':'uniform'}],'"
                  "respond':{'delay':{'uniform':[100,200]}}},"
                  "{'command':'callbackBeforeSendSingleMsgCommand','when':[{'body':'d','equals':'lognormal'}]"
                  ",'respond':{'delay':{'lognormal':{'median':100,'sigma':1.5,'max':400}}}},"
                  "{'command':'*','when':[{'body':'d','equals':'past'}],'respond':{'delay':{'pastTimeout':50}"
                  "}}]}")),
            42);
        CapturedRequest c = answer(engine, request(single, R"({"d":"fixed"})"));
        QCOMPARE(c.reply.delayMs, 250);
        for (int i = 0; i < 200; ++i) {
            const int uniform = answer(engine, request(single, R"({"d":"uniform"})")).reply.delayMs;
            QVERIFY(uniform >= 100 && uniform <= 200);
            const int lognormal = answer(engine, request(single, R"({"d":"lognormal"})")).reply.delayMs;
            QVERIFY(lognormal >= 0 && lognormal <= 400);
        }
        // Just past this command's timeout (2 s), and the verdict knows it fails.
        c = answer(engine, request(single, R"({"d":"past"})"));
        QCOMPARE(c.reply.delayMs, 2050);
        QCOMPARE(c.verdict.errCode, 90004);
        // Another command falls back to the default timeout (5 s).
        c = answer(engine, request(u"callbackBeforeSendGroupMsgCommand"_s, R"({"d":"past"})"));
        QCOMPARE(c.reply.delayMs, 5050);
    }

    void faults_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<int>("errCode");
        QTest::newRow("empty body") << u"empty-body"_s << 90007;
        QTest::newRow("malformed JSON") << u"malformed-json"_s << 90007;
        QTest::newRow("wrong types") << u"wrong-types"_s << 90007;
        QTest::newRow("close") << u"close"_s << 90004;
        QTest::newRow("reset") << u"reset"_s << 90004;
        QTest::newRow("hang") << u"hang"_s << 90004;
        QTest::newRow("truncate") << u"truncate"_s << 90004;
    }

    void faults()
    {
        QFETCH(QString, fault);
        QFETCH(int, errCode);
        RuleEngine engine(scenario("{\"scenario\":1,\"rules\":[{\"command\":\"*\",\"respond\":{\"fault\":\""
            + fault.toUtf8() + "\"}}]}"));
        const CapturedRequest c = answer(engine, request(single, "{}"));
        QCOMPARE(c.verdict.outcome, Verdict::Outcome::Failed);
        QCOMPARE(c.verdict.errCode, errCode);
    }

    void faultPercentage()
    {
        RuleEngine engine(
            scenario(
                q("{'scenario':1,'rules':[{'command':'*','respond':{'fault':'reset','faultPercent':30}}]}")),
            7);
        int failed = 0;
        for (int i = 0; i < 1000; ++i)
            failed += answer(engine, request(single, "{}")).reply.fault == Fault::Reset ? 1 : 0;
        QVERIFY2(failed > 240 && failed < 360, qPrintable(QString::number(failed)));
    }

    void nearMiss()
    {
        RuleEngine engine(scenario(
            q("{'scenario':1,'rules':["
              "{'name':'group "
              "only','command':'callbackBeforeSendGroupMsgCommand','respond':{'preset':'block'}},"
              "{'name':'bad words','command':'callbackBeforeSendSingleMsgCommand','when':["
              "{'body':'sendID','equals':'alice'},{'body':'content.content','contains':'forbidden'}],"
              "'respond':{'preset':'block'}}]}")));
        const CapturedRequest c = answer(engine, request(single, message));
        QVERIFY(c.ruleName.isEmpty());
        QCOMPARE(c.nearMiss.code, u"near-miss"_s);
        QCOMPARE(c.nearMiss.args.value(0), u"bad words"_s);
        // Machine output keeps the scenario's keywords; the window words it (operator names translated).
        QCOMPARE(c.nearMiss.text(false),
            u"Closest rule \"bad words\" missed: body content.content contains \"forbidden\" (found: buy cheap pills)"_s);
        QCOMPARE(c.nearMiss.text(),
            u"Closest rule \"bad words\" missed: content.content contains 'forbidden' (found \"buy cheap pills\")"_s);
        // Saved and read back: the same words.
        QCOMPARE(CapturedRequest::fromJson(c.toJson()).nearMiss.text(), c.nearMiss.text());
        // A file from before the condition was kept as data: its English text as written.
        CaptureWarning old {u"near-miss"_s, {u"bad words"_s, u"body sendID equals \"x\" (found: y)"_s}, {}};
        QCOMPARE(old.text(), u"Closest rule \"bad words\" missed: body sendID equals \"x\" (found: y)"_s);
    }

    // The capture records which conditions of the answering rule held, on which text, as data that
    // session files keep (and that files without it still load).
    void matchedConditionsAreRecorded()
    {
        RuleEngine engine(
            scenario(q("{'scenario':1,'rules':[{'name':'casino','command':'*','when':["
                       "{'body':'content.content','contains':'CASINO','ignoreCase':true},"
                       "{'body':'sendID','equals':'alice'},{'body':'groupID','not':true,'exists':true}],"
                       "'respond':{'preset':'block'}}]}")));
        const QByteArray body =
            q("{'sendID':'alice','recvID':'bob','content':'{\\'content\\':\\'a long preamble of words "
              "that goes on and on, then play casino now, and a long tail that goes on and on too\\'}'}");
        CapturedRequest c = answer(engine, request(single, body));
        QCOMPARE(c.ruleName, u"casino"_s);
        QCOMPARE(c.matched.size(), 3);
        const ConditionMatch &m = c.matched.at(0);
        QCOMPARE(m.source, u"body"_s);
        QCOMPARE(m.name, u"content.content"_s);
        QCOMPARE(m.op, u"contains"_s);
        QCOMPARE(m.value, QJsonValue(u"CASINO"_s));
        QVERIFY(m.ignoreCase);
        QVERIFY2(m.found.contains(u"play casino now"_s), qPrintable(m.found));
        QVERIFY2(m.found.startsWith(u"..."_s) && m.found.endsWith(u"..."_s), qPrintable(m.found));
        QVERIFY2(m.found.size() < 90, qPrintable(m.found));
        QCOMPARE(c.matched.at(1).found, u"alice"_s);
        QVERIFY(c.matched.at(2).negate);
        QVERIFY(c.matched.at(2).absent);

        // Saved and read back; a file from before has none and still loads.
        const CapturedRequest back = CapturedRequest::fromJson(c.toJson());
        QCOMPARE(back.matched, c.matched);
        QJsonObject old = c.toJson();
        old.remove(u"matched"_s);
        QVERIFY(CapturedRequest::fromJson(old).matched.isEmpty());
        QCOMPARE(CapturedRequest::fromJson(old).ruleName, u"casino"_s);

        // A rule with "any": only the conditions that held; no rule: nothing.
        RuleEngine any(scenario(q("{'scenario':1,'rules':[{'name':'any','command':'*','match':'any','when':["
                                  "{'body':'sendID','equals':'carol'},{'body':'recvID','in':['bob','dave']}],"
                                  "'respond':{'preset':'block'}}]}")));
        c = answer(any, request(single, body));
        QCOMPARE(c.matched.size(), 1);
        QCOMPARE(c.matched.at(0).op, u"in"_s);
        QCOMPARE(c.matched.at(0).found, u"bob"_s);
        c = answer(any, request(single, q("{'sendID':'x','recvID':'y'}")));
        QVERIFY(c.ruleName.isEmpty());
        QVERIFY(c.matched.isEmpty());
    }

    // Before -> after of a rewrite, and the content OpenIM goes on with, read from the reply as
    // OpenIM decodes it (keys match case-insensitively).
    void rewriteEffect()
    {
        RuleEngine engine(scenario(
            q("{'scenario':1,'rules':[{'command':'callbackBeforeMsgModifyCommand','respond':{'preset':"
              "'rewrite','fields':{'Content':'{\\'content\\':\\'*** masked ***\\'}','ex':'e2'}}}]}")));
        const CapturedRequest c = answer(engine,
            request(u"callbackBeforeMsgModifyCommand"_s,
                q("{'sendID':'a','content':'{\\'content\\':\\'my phone is 555-1234\\'}','ex':'e1'}")));
        QCOMPARE(c.verdict.outcome, Verdict::Outcome::Modified);
        const QList<RewriteEffect::Field> fields = RewriteEffect::of(c);
        QCOMPARE(fields.size(), 2);
        QCOMPARE(fields.at(0).name, u"content"_s);
        QCOMPARE(fields.at(0).before.value_or(QJsonValue()),
            QJsonValue(u"{\"content\":\"my phone is 555-1234\"}"_s));
        QCOMPARE(
            fields.at(0).after.value_or(QJsonValue()), QJsonValue(u"{\"content\":\"*** masked ***\"}"_s));
        QCOMPARE(fields.at(1).name, u"ex"_s);
        QCOMPARE(fields.at(1).before.value_or(QJsonValue()), QJsonValue(u"e1"_s));
        QCOMPARE(fields.at(1).after.value_or(QJsonValue()), QJsonValue(u"e2"_s));
        QCOMPARE(
            RewriteEffect::effectiveContent(c).value_or(QString()), u"{\"content\":\"*** masked ***\"}"_s);

        // Not a rewrite of content: nothing to show instead.
        CapturedRequest other = c;
        other.verdict.modifiedFields = {u"ex"_s};
        QVERIFY(!RewriteEffect::effectiveContent(other));
        other.verdict.outcome = Verdict::Outcome::Continue;
        QVERIFY(RewriteEffect::of(other).isEmpty());
    }

    void disabledRulesAreSkipped()
    {
        RuleEngine engine(scenario(
            q("{'scenario':1,'rules':[{'command':'*','enabled':false,'respond':{'preset':'block'}}]}")));
        QVERIFY(answer(engine, request(single, "{}")).ruleName.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRuleEngine)
#include "tst_ruleengine.moc"
