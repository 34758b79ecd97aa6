// SPDX-License-Identifier: MIT
// What each OpenIM version makes of a webhooks.yml (versions.md D10 and "Behaviour by version"): its
// commands, the settings it would fail to load or ignore, and generated files per version.
#include "catalogue/catalogue.h"
#include "integration/webhooksconfig.h"
#include "integration/webhooksversioncheck.h"

#include <QTest>

using namespace cbi;
using namespace Qt::StringLiterals;

using Kind = WebhooksVersionCheck::Finding::Kind;

static QStringList findings(const WebhooksConfig &config, Profile profile, Kind kind)
{
    QStringList out;
    for (const auto &f : WebhooksVersionCheck::check(config, profile)) {
        if (f.kind == kind)
            out.append(f.key.isEmpty() ? f.text : f.key);
    }
    return out;
}

static WebhooksConfig load(const QString &path)
{
    QString error;
    auto config = WebhooksConfig::load(path, &error);
    if (!config)
        qFatal("%s", qPrintable(error));
    return *config;
}

class TestWebhooksVersionCheck : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void commandsPerVersion()
    {
        QCOMPARE(WebhooksVersionCheck::commandCount(Profile::V3_6), 0);
        QCOMPARE(WebhooksVersionCheck::commandCount(Profile::V3_7), 44);
        QCOMPARE(WebhooksVersionCheck::commandCount(Profile::V3_8_0), 44);
        QCOMPARE(WebhooksVersionCheck::commandCount(Profile::V3_8_1), 47);
        QCOMPARE(WebhooksVersionCheck::commandCount(Profile::V3_8_2), 47);
        QCOMPARE(WebhooksVersionCheck::commandCount(Profile::Main), 52);
    }

    void rangesAndInts()
    {
        QVERIFY(WebhooksVersionCheck::inIntervals(300, {u"x"_s, u"200-500"_s}));
        QVERIFY(WebhooksVersionCheck::inIntervals(105, {u"105"_s}));
        QVERIFY(!WebhooksVersionCheck::inIntervals(501, {u"200-500"_s, u"1-2-3"_s}));
        QVERIFY(!WebhooksVersionCheck::isInterval(u"-5"_s)); // Go's Split gives "" and "5": skipped
        QVERIFY(!WebhooksVersionCheck::goInt(u"200-500"_s));
        QCOMPARE(WebhooksVersionCheck::goInt(u"103"_s), 103);
    }

    // The shared sample is main's layout: main loads it; v3.8.2 lacks five of its commands.
    void sampleOnMainAndV382()
    {
        const auto config = load(QStringLiteral(CBI_SHARED_OPENIM) + u"/webhooks.yml"_s);
        QVERIFY(findings(config, Profile::Main, Kind::FailsToLoad).isEmpty());
        QCOMPARE(findings(config, Profile::V3_8_2, Kind::Ignored).filter(u"Conversations"_s).size(), 4);
        const QStringList ignored = findings(config, Profile::V3_8_2, Kind::Ignored);
        QVERIFY(ignored.contains(u"afterMsgSaveDB"_s));
        QVERIFY(ignored.last().startsWith(u"failedContinue (beforeSendSingleMsg"_s));
        // v3.8.0 has no afterAddFriendAgree and no SetGroupInfoEx callbacks either.
        const QStringList v380 = findings(config, Profile::V3_8_0, Kind::Ignored);
        QVERIFY(v380.contains(u"afterAddFriendAgree"_s));
        QVERIFY(v380.contains(u"beforeSetGroupInfoEx"_s));
        // The sample's deniedTypes on v3.8.0: no filter reads them before v3.8.2.
        QVERIFY(v380.contains(u"beforeMsgModify"_s));
        QVERIFY(!ignored.contains(u"beforeMsgModify"_s));
    }

    void rangesOnMain()
    {
        const auto config = load(QStringLiteral(CBI_TEST_DATA) + u"/webhooks-v382.yml"_s);
        QVERIFY(findings(config, Profile::V3_8_2, Kind::FailsToLoad).isEmpty());
        // "105" weakly decodes into an int32; "200-500" and "x" do not.
        QCOMPARE(findings(config, Profile::Main, Kind::FailsToLoad),
            (QStringList {u"afterSendGroupMsg"_s, u"afterSendGroupMsg"_s}));
        // main has no allowedTypes; before-callbacks have no attentionIds on any version.
        const QStringList mainIgnored = findings(config, Profile::Main, Kind::Ignored);
        QVERIFY(mainIgnored.contains(u"beforeSendSingleMsg"_s));
        QVERIFY(mainIgnored.contains(u"beforeSendGroupMsg"_s));
        // v3.8.2 skips the unreadable "x"; v3.8.0 reads attentionIds on afterSendSingleMsg only.
        QVERIFY(findings(config, Profile::V3_8_2, Kind::Ignored).contains(u"afterSendGroupMsg"_s));
        QVERIFY(!findings(config, Profile::V3_8_0, Kind::Ignored).contains(u"afterSendSingleMsg"_s));
        QVERIFY(findings(config, Profile::V3_7, Kind::Ignored).contains(u"afterSendSingleMsg"_s));
    }

    void legacyLayouts()
    {
        const auto legacy = load(QStringLiteral(CBI_TEST_DATA) + u"/config-v34.yaml"_s);
        QVERIFY(findings(legacy, Profile::V3_4_2, Kind::Ignored).isEmpty());
        QCOMPARE(findings(legacy, Profile::V3_8_2, Kind::Ignored).size(), 1);
        const auto newest = load(QStringLiteral(CBI_SHARED_OPENIM) + u"/webhooks.yml"_s);
        QCOMPARE(findings(newest, Profile::V3_6, Kind::Ignored).size(), 1);
    }

    // v3.7 and later ignore failedContinue: generate writes none, and only the version's keys.
    void generatePerVersion()
    {
        const QStringList chosen {u"callbackBeforeSendSingleMsgCommand"_s};
        for (const Profile p :
            {Profile::V3_7, Profile::V3_8_0, Profile::V3_8_1, Profile::V3_8_2, Profile::Main}) {
            const QByteArray yaml = WebhooksConfig::generate(u"http://h/cb"_s, chosen, 5, false, p);
            QVERIFY2(!yaml.contains("failedContinue"), yaml.constData());
            QString error;
            const auto config = WebhooksConfig::parse(yaml, &error);
            QVERIFY2(config, qPrintable(error));
            QCOMPARE(config->entries.size(), WebhooksVersionCheck::commandCount(p));
            QVERIFY(WebhooksVersionCheck::check(*config, p).isEmpty());
            QCOMPARE(config->enabledCommands(), chosen);
        }
        QVERIFY(!WebhooksConfig::generate(u"http://h/cb"_s, chosen, 5, false).contains("afterMsgSaveDB"));
        QVERIFY(!WebhooksConfig::generate(u"http://h/cb"_s, chosen, 5, true, Profile::V3_8_0)
                     .contains("AFTERADDFRIENDAGREE"));
    }
};

QTEST_GUILESS_MAIN(TestWebhooksVersionCheck)
#include "tst_webhooksversioncheck.moc"
