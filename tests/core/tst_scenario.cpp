// SPDX-License-Identifier: MIT
#include "rules/scenario.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace cbi;
using namespace Qt::StringLiterals;

static QByteArray q(const char *text)
{
    return QByteArray(text).replace('\'', '"');
}

class TestScenario : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void errorsNameWhereAndWhy_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("error");
        QTest::newRow("syntax error has a line and column")
            << QByteArray("{\n  \"scenario\": 1,\n  \"rules\": [,]\n}") << u"line 3, column"_s;
        QTest::newRow("not an object") << QByteArray("[]") << u"$: expected a JSON object"_s;
        QTest::newRow("no version") << q("{'rules':[]}") << u"$.scenario: missing format version"_s;
        QTest::newRow("future version")
            << q("{'scenario':2}") << u"$.scenario: format version 2 is not supported"_s;
        QTest::newRow("unknown key") << q("{'scenario':1,'rulez':[]}") << u"$: unknown key \"rulez\""_s;
        QTest::newRow("unknown profile")
            << q("{'scenario':1,'profile':'v9'}") << u"$.profile: unknown OpenIM profile \"v9\""_s;
        QTest::newRow("unknown timeout command") << q("{'scenario':1,'timeouts':{'callbackNope':3}}")
                                                 << u"$.timeouts.callbackNope: unknown OpenIM command"_s;
        QTest::newRow("bad preset") << q(
            "{'scenario':1,'rules':[{'command':'*','respond':{'preset':'deny'}}]}")
                                    << u"$.rules[0].respond.preset: unknown preset \"deny\""_s;
        QTest::newRow("bad delay") << q("{'scenario':1,'rules':[{'command':'*','respond':[{'preset':'"
                                        "continue'},{'delay':{'uniform':[5,1]}}]}]}")
                                   << u"$.rules[0].respond[1].delay.uniform: expected [min, max]"_s;
        QTest::newRow("bad operator")
            << q("{'scenario':1,'rules':[{'command':'*','when':[{'body':'x','like':'y'}],'respond':{}}]}")
            << u"$.rules[0].when[0]: unknown operator \"like\""_s;
        QTest::newRow("bad regex") << q(
            "{'scenario':1,'rules':[{'command':'*','when':[{'body':'x','regex':'('}],'respond':{}}]}")
                                   << u"$.rules[0].when[0].regex: invalid regular expression"_s;
        QTest::newRow("bad path") << q(
            "{'scenario':1,'rules':[{'command':'*','when':[{'body':'a[x]','exists':true}],'respond':{}}]}")
                                  << u"$.rules[0].when[0]: invalid JSON path"_s;
        QTest::newRow("no reply") << q("{'scenario':1,'rules':[{'command':'*'}]}")
                                  << u"$.rules[0].respond: expected a reply"_s;
        QTest::newRow("bad fault") << q(
            "{'scenario':1,'rules':[{'command':'*','respond':{'fault':'explode'}}]}")
                                   << u"$.rules[0].respond.fault: unknown fault \"explode\""_s;
        QTest::newRow("status out of range")
            << q("{'scenario':1,'rules':[{'command':'*','respond':{'status':42}}]}")
            << u"$.rules[0].respond.status: expected a whole number from 100 to 999"_s;
        QTest::newRow("forward not http")
            << q("{'scenario':1,'rules':[{'command':'*','respond':{'forward':'ftp://biz/x'}}]}")
            << u"$.rules[0].respond.forward.url: expected the business server's http:// URL, as in webhooks.yml"_s;
        QTest::newRow("forward override not bool") << q(
            "{'scenario':1,'rules':[{'command':'*','respond':{'forward':{'url':'http://"
            "b','override':1}}}]}") << u"$.rules[0].respond.forward.override: expected true or false"_s;
        // Reliability report 4.1.4: a header value that would end the line in the reply head.
        QTest::newRow("CRLF in a header")
            << QByteArray(
                   R"({"scenario":1,"rules":[{"command":"*","respond":{"headers":{"X":"a\r\nInjected: 1"}}}]})")
            << u"$.rules[0].respond.headers.X: a header value cannot hold CR, LF"_s;
        QTest::newRow("header name not a token")
            << q("{'scenario':1,'rules':[{'command':'*','respond':{'headers':{'X Y':'1'}}}]}")
            << u"$.rules[0].respond.headers.X Y: a header name is a token"_s;
        QByteArray many = "{\"scenario\":1,\"rules\":[";
        for (int i = 0; i < 10001; ++i)
            many += QByteArray(i ? "," : "") + R"({"command":"*","respond":{}})";
        QTest::newRow("too many rules") << QByteArray(many + "]}") << u"$.rules: 10001 rules"_s;
    }

    void errorsNameWhereAndWhy()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        QString message;
        QVERIFY(!Scenario::fromJson(json, &message));
        QVERIFY2(message.startsWith(error), qPrintable(message));
    }

    void profileNames()
    {
        QString error;
        QCOMPARE(Scenario().profile, Profile::V3_8_2); // what most users run (v3.8.3-patch.x)
        const auto alias = Scenario::fromJson(q("{'scenario':1,'profile':'v3.8.4'}"), &error);
        QVERIFY2(alias, qPrintable(error));
        QCOMPARE(alias->profile, Profile::Main);
        QVERIFY(alias->notices.isEmpty());
        QVERIFY(alias->toJson().contains("\"profile\": \"main\""));
        for (const char *name : {"v3.8.0", "v3.8.1", "v3.8.2", "main"}) {
            const auto s = Scenario::fromJson(q("{'scenario':1,'profile':'%1'}").replace("%1", name), &error);
            QVERIFY2(s, qPrintable(error));
            QCOMPARE(profileName(s->profile), QString::fromLatin1(name));
            QVERIFY(s->notices.isEmpty());
        }
    }

    void roundTrip()
    {
        const QByteArray json =
            q("{'scenario':1,'name':'n','description':'d','profile':'v3.7','failedContinue':false,"
              "'timeouts':{'default':3,'callbackMsgModifyCommand':8},'rules':[{'name':'r1',"
              "'command':'callbackBeforeSendSingleMsgCommand','match':'any','when':[{'body':'a','equals':1},"
              "{'header':'h','regex':'^x','not':true}],'then':'cycle','respond':[{'preset':'block',"
              "'errCode':6000,'errMsg':'m','errDlt':'','times':2,'delay':{'uniform':[1,2]}},"
              "{'preset':'custom','status':500,'headers':{'X':'y'},'body':'b','fault':'slow-drip',"
              "'faultPercent':50,'dripIntervalMs':10,'dripBytes':2,'delay':{'lognormal':{'median':5,"
              "'sigma':0.5,'max':9}}},{'preset':'rewrite','fields':{'content':'{{request.content}}'},"
              "'delay':{'pastTimeout':20},'forward':{'url':'http://biz:8080/cb','override':true}}]}]}");
        QString error;
        const auto first = Scenario::fromJson(json, &error);
        QVERIFY2(first, qPrintable(error));
        QCOMPARE(first->profile, Profile::V3_7);
        // v3.7 narrowed to 3.7.0 - 3.7.1 when the 3.8 releases got profiles of their own.
        QCOMPARE(first->notices.size(), 1);
        QCOMPARE(first->notices.first().code, u"profile-v37-narrowed"_s);
        QVERIFY(first->notices.first().text(false).contains(u"v3.8.2"_s));
        QCOMPARE(first->timeoutSecondsFor(u"callbackBeforeMsgModifyCommand"_s), 8); // legacy key resolved
        QCOMPARE(first->timeoutSecondsFor(u"callbackBeforeSendSingleMsgCommand"_s), 3);
        const auto second = Scenario::fromJson(first->toJson(), &error);
        QVERIFY2(second, qPrintable(error));
        QCOMPARE(second->toJson(), first->toJson());
        QCOMPARE(second->rules.first().responses.size(), 3);
        QCOMPARE(second->rules.first().responses.at(1).fault, ResponseSpec::FaultKind::SlowDrip);
        QVERIFY(!second->failedContinue);
    }

    void saveAndLoad()
    {
        QTemporaryDir dir;
        Scenario s;
        s.name = u"saved"_s;
        const QString path = dir.filePath(u"s.json"_s);
        QString error;
        QVERIFY2(s.save(path, &error), qPrintable(error));
        const auto loaded = Scenario::load(path, &error);
        QVERIFY2(loaded, qPrintable(error));
        QCOMPARE(loaded->name, u"saved"_s);
        QVERIFY(!Scenario::load(dir.filePath(u"missing.json"_s), &error));
        QVERIFY(!error.isEmpty());
    }

    void shippedScenariosLoad()
    {
        const QDir dir(QStringLiteral(CBI_SCENARIO_DIR));
        const QStringList files = dir.entryList({u"*.json"_s});
        QVERIFY(files.size() >= 3);
        for (const auto &file : files) {
            QString error;
            QVERIFY2(Scenario::load(dir.filePath(file), &error), qPrintable(file + u": "_s + error));
        }
    }
};

QTEST_GUILESS_MAIN(TestScenario)
#include "tst_scenario.moc"
