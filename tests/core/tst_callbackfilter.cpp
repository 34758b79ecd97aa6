// SPDX-License-Identifier: MIT
// Why a message callback did not fire, per OpenIM version (versions.md D10): enable, notifications,
// typing, main's always-skipped types, beforeMsgModify's text-only rule, attentionIds, type filters.
#include "integration/callbackfilter.h"
#include "integration/webhooksconfig.h"

#include <QTest>

using namespace cbi;
using namespace Qt::StringLiterals;
using Reason = CallbackFilter::Reason;

Q_DECLARE_METATYPE(cbi::Profile)
Q_DECLARE_METATYPE(cbi::CallbackFilter::Reason)

// Filters written as each version reads them: ranges as strings (main weakly decodes "105" too).
static const char config[] = "url: http://x/cb\n"
                             "beforeSendSingleMsg:\n  enable: true\n  allowedTypes: [\"101-110\"]\n"
                             "  deniedTypes: [\"105\"]\n"
                             "afterSendSingleMsg:\n  enable: true\n  attentionIds: [alice]\n"
                             "beforeSendGroupMsg:\n  enable: true\n"
                             "afterSendGroupMsg:\n  enable: true\n  attentionIds: [alice]\n"
                             "beforeMsgModify:\n  enable: true\n"
                             "afterMsgSaveDB:\n  enable: true\n  deniedTypes: [\"105\"]\n";

class TestCallbackFilter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void explain_data()
    {
        QTest::addColumn<Profile>("profile");
        QTest::addColumn<int>("contentType");
        QTest::addColumn<int>("sessionType");
        QTest::addColumn<QString>("sendID");
        QTest::addColumn<QString>("recvID");
        QTest::addColumn<bool>("notification");
        QTest::addColumn<QString>("key");
        QTest::addColumn<Reason>("reason");
        auto row = [](const char *name, Profile p, int type, int session, const char *send, const char *recv,
                       bool notification, const char *key, Reason reason) {
            QTest::newRow(name) << p << type << session << QString::fromLatin1(send)
                                << QString::fromLatin1(recv) << notification << QString::fromLatin1(key)
                                << reason;
        };
        const auto V382 = Profile::V3_8_2;
        const auto Main = Profile::Main;
        row("text fires before send", V382, 101, 1, "bob", "carol", false, "beforeSendSingleMsg",
            Reason::Fires);
        row("v3.8.2: 105 denied", V382, 105, 1, "bob", "carol", false, "beforeSendSingleMsg",
            Reason::DeniedTypes);
        row("v3.8.2: 120 not allowed", V382, 120, 1, "bob", "carol", false, "beforeSendSingleMsg",
            Reason::AllowedTypes);
        row("v3.8.1: no type filters", Profile::V3_8_1, 120, 1, "bob", "carol", false, "beforeSendSingleMsg",
            Reason::Fires);
        row("main: no allowedTypes", Main, 120, 1, "bob", "carol", false, "beforeSendSingleMsg",
            Reason::Fires);
        row("main: 105 denied", Main, 105, 1, "bob", "carol", false, "beforeSendSingleMsg",
            Reason::DeniedTypes);
        row("v3.8.2: neither is alice", V382, 101, 1, "bob", "carol", false, "afterSendSingleMsg",
            Reason::AttentionIds);
        row("v3.8.2: alice sends", V382, 101, 1, "alice", "carol", false, "afterSendSingleMsg",
            Reason::Fires);
        row("v3.8.0: alice receives", Profile::V3_8_0, 101, 1, "bob", "alice", false, "afterSendSingleMsg",
            Reason::Fires);
        row("v3.8.0: neither is alice", Profile::V3_8_0, 101, 1, "bob", "carol", false, "afterSendSingleMsg",
            Reason::AttentionIds);
        row("v3.7: no attentionIds", Profile::V3_7, 101, 1, "bob", "carol", false, "afterSendSingleMsg",
            Reason::Fires);
        row("main: recvID only", Main, 101, 1, "alice", "carol", false, "afterSendSingleMsg",
            Reason::AttentionIds);
        row("main: alice receives", Main, 101, 1, "bob", "alice", false, "afterSendSingleMsg", Reason::Fires);
        row("v3.8.0: group attentionIds unread", Profile::V3_8_0, 101, 3, "bob", "", false,
            "afterSendGroupMsg", Reason::Fires);
        row("v3.8.2: group sender alice", V382, 101, 3, "alice", "", false, "afterSendGroupMsg",
            Reason::Fires);
        row("main: group recvID empty", Main, 101, 3, "alice", "", false, "afterSendGroupMsg",
            Reason::AttentionIds);
        row("v3.8.2: typing", V382, 113, 1, "bob", "carol", false, "beforeSendSingleMsg", Reason::Typing);
        row("main: typing", Main, 113, 1, "bob", "carol", false, "beforeSendSingleMsg", Reason::AlwaysDenied);
        row("main: 1501", Main, 1501, 3, "bob", "", false, "beforeSendGroupMsg", Reason::AlwaysDenied);
        row("v3.8.2: group notification", V382, 1501, 3, "im", "", true, "beforeSendGroupMsg", Reason::Fires);
        row("v3.8.2: group notification after", V382, 1501, 3, "alice", "", true, "afterSendGroupMsg",
            Reason::Fires);
        row("main: group notification", Main, 1501, 3, "im", "", true, "beforeSendGroupMsg",
            Reason::NotificationSkipped);
        row("v3.8.2: single notification before", V382, 1201, 1, "im", "alice", true, "beforeSendSingleMsg",
            Reason::NotificationSkipped);
        row("v3.8.2: single notification after", V382, 1201, 1, "im", "alice", true, "afterSendSingleMsg",
            Reason::Fires);
        row("notification session", V382, 1201, 4, "im", "alice", true, "afterSendSingleMsg",
            Reason::NotificationSession);
        row("single callback, group message", V382, 101, 3, "bob", "", false, "beforeSendSingleMsg",
            Reason::OtherSession);
        row("v3.8.2: modify text only", V382, 102, 1, "bob", "carol", false, "beforeMsgModify",
            Reason::TextOnly);
        row("main: modify any type", Main, 102, 1, "bob", "carol", false, "beforeMsgModify", Reason::Fires);
        row("v3.8.2: no afterMsgSaveDB", V382, 101, 1, "bob", "carol", false, "afterMsgSaveDB",
            Reason::NotInVersion);
        row("main: afterMsgSaveDB denied", Main, 105, 1, "bob", "carol", false, "afterMsgSaveDB",
            Reason::DeniedTypes);
        row("main: afterMsgSaveDB notification session", Main, 101, 4, "im", "alice", false, "afterMsgSaveDB",
            Reason::Fires);
        row("v3.6: not modelled", Profile::V3_6, 101, 1, "bob", "carol", false, "beforeSendSingleMsg",
            Reason::NotModelled);
    }

    void explain()
    {
        QFETCH(Profile, profile);
        QFETCH(int, contentType);
        QFETCH(int, sessionType);
        QFETCH(QString, sendID);
        QFETCH(QString, recvID);
        QFETCH(bool, notification);
        QFETCH(QString, key);
        QFETCH(Reason, reason);
        QString error;
        const auto webhooks = WebhooksConfig::parse(config, &error);
        QVERIFY2(webhooks, qPrintable(error));
        const auto outcomes = CallbackFilter::explain(*webhooks, profile,
            CallbackFilter::Message {contentType, sessionType, sendID, recvID, notification});
        QCOMPARE(outcomes.size(), 6);
        for (const auto &o : outcomes) {
            if (o.configKey != key)
                continue;
            QVERIFY2(!o.text.isEmpty() && !o.text.contains(u'%'), qPrintable(o.text));
            QCOMPARE(CallbackFilter::reasonName(o.reason), CallbackFilter::reasonName(reason));
            return;
        }
        QFAIL("no outcome for the key");
    }

    void disabledAndMissing()
    {
        QString error;
        const auto webhooks =
            WebhooksConfig::parse("url: http://x/cb\nbeforeSendSingleMsg:\n  enable: false\n", &error);
        QVERIFY2(webhooks, qPrintable(error));
        const auto outcomes = CallbackFilter::explain(*webhooks, Profile::V3_8_2, {});
        QCOMPARE(outcomes.at(0).reason, Reason::Disabled);
        QCOMPARE(outcomes.at(1).reason, Reason::NotConfigured);
    }

    // main reads deniedTypes as []int32: a "200-500" range stops the whole file from loading.
    void rangeStopsMain()
    {
        QString error;
        const auto webhooks = WebhooksConfig::parse(
            "url: http://x/cb\nbeforeSendSingleMsg:\n  enable: true\n  deniedTypes: [\"200-500\"]\n", &error);
        QVERIFY2(webhooks, qPrintable(error));
        QCOMPARE(CallbackFilter::explain(*webhooks, Profile::Main, {}).at(0).reason, Reason::ConfigNotLoaded);
        QCOMPARE(CallbackFilter::explain(*webhooks, Profile::V3_8_2, {}).at(0).reason, Reason::Fires);
    }
};

QTEST_GUILESS_MAIN(TestCallbackFilter)
#include "tst_callbackfilter.moc"
