// SPDX-License-Identifier: MIT
#include "catalogue/catalogue.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace cbi;
using namespace Qt::StringLiterals;

class TestCatalogue : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void hasAll52Commands()
    {
        const Catalogue &c = Catalogue::instance();
        QCOMPARE(c.commands().size(), 52);
        int before = 0;
        QSet<QString> names;
        QSet<QString> keys;
        for (const auto &spec : c.commands()) {
            names.insert(spec.command);
            keys.insert(spec.configKey);
            before += spec.isBefore() ? 1 : 0;
            QVERIFY2(spec.command.startsWith(QLatin1String("callback")), qPrintable(spec.command));
            QVERIFY2(!spec.requestFields.isEmpty(), qPrintable(spec.command));
            QVERIFY2(!spec.sampleRequest.isEmpty(), qPrintable(spec.command));
            // Every sample is a request OpenIM would send: it names its own command.
            QCOMPARE(spec.sampleRequest.value(QLatin1String("callbackCommand")).toString(), spec.command);
        }
        QCOMPARE(names.size(), 52);
        QCOMPARE(keys.size(), 52);
        QCOMPARE(before, 23); // 23 synchronous before-callbacks, 29 after-callbacks
    }

    void honouredFields_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QStringList>("mustHonour");
        QTest::addColumn<QStringList>("mustNotHonour");
        QTest::newRow("single message: deny only")
            << u"callbackBeforeSendSingleMsgCommand"_s
            << QStringList {u"actionCode"_s, u"nextCode"_s, u"errCode"_s} << QStringList {u"content"_s};
        QTest::newRow("msg modify rewrites content")
            << u"callbackBeforeMsgModifyCommand"_s << QStringList {u"content"_s, u"offlinePushInfo"_s}
            << QStringList {};
        QTest::newRow("offline push retargets")
            << u"callbackBeforeOfflinePushCommand"_s << QStringList {u"userIDList"_s, u"offlinePushInfo"_s}
            << QStringList {};
        QTest::newRow("register rewrites users")
            << u"callbackBeforeUserRegisterCommand"_s << QStringList {u"users"_s} << QStringList {};
        QTest::newRow("after-callback honours nothing")
            << u"callbackAfterSendSingleMsgCommand"_s << QStringList {} << QStringList {u"actionCode"_s};
    }

    void honouredFields()
    {
        QFETCH(QString, command);
        QFETCH(QStringList, mustHonour);
        QFETCH(QStringList, mustNotHonour);
        const CommandSpec *spec = Catalogue::instance().find(command);
        QVERIFY(spec);
        const QStringList honoured = spec->honouredResponseFields();
        for (const auto &f : mustHonour)
            QVERIFY2(honoured.contains(f), qPrintable(f));
        for (const auto &f : mustNotHonour)
            QVERIFY2(!honoured.contains(f), qPrintable(f));
    }

    void legacyNames_data()
    {
        QTest::addColumn<QString>("legacy");
        QTest::addColumn<QString>("current");
        QTest::newRow("v3.4 msg modify")
            << u"callbackMsgModifyCommand"_s << u"callbackBeforeMsgModifyCommand"_s;
        QTest::newRow("v3.4 super group push")
            << u"callbackSuperGroupOnlinePushCommand"_s << u"callbackBeforeGroupOnlinePushCommand"_s;
        QTest::newRow("v3.7 member join")
            << u"callbackBeforeMemberJoinGroupCommand"_s << u"callbackBeforeMembersJoinGroupCommand"_s;
        QTest::newRow("v3.0 capital C")
            << u"CallbackBeforeSetGroupMemberInfoCommand"_s << u"callbackBeforeSetGroupMemberInfoCommand"_s;
        QTest::newRow("docs push name")
            << u"callbackBeforePushCommand"_s << u"callbackBeforeOfflinePushCommand"_s;
        QTest::newRow("v2 word filter has no successor") << u"callbackWordFilterCommand"_s << QString();
        QTest::newRow("current name maps to itself")
            << u"callbackAfterUserOnlineCommand"_s << u"callbackAfterUserOnlineCommand"_s;
        QTest::newRow("unknown") << u"callbackSomethingElse"_s << QString();
    }

    void legacyNames()
    {
        QFETCH(QString, legacy);
        QFETCH(QString, current);
        QCOMPARE(Catalogue::instance().canonicalName(legacy), current);
    }

    void keyQueryCommands()
    {
        QStringList withKey;
        for (const auto &spec : Catalogue::instance().commands()) {
            if (spec.hasKeyQuery)
                withKey.append(spec.command);
        }
        withKey.sort();
        QCOMPARE(withKey,
            (QStringList {u"callbackAfterMsgSaveDBCommand"_s, u"callbackAfterSendGroupMsgCommand"_s,
                u"callbackAfterSendSingleMsgCommand"_s}));
    }

    void brokenDocumentIsReported()
    {
        QString error;
        const Catalogue c = Catalogue::fromJson("{ not json", &error);
        QVERIFY(c.commands().isEmpty());
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCatalogue)
#include "tst_catalogue.moc"
