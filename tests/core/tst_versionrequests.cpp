// SPDX-License-Identifier: MIT
#include "catalogue/catalogue.h"
#include "catalogue/versionrequests.h"

#include <QJsonArray>
#include <QTest>

using namespace cbi;
using namespace Qt::StringLiterals;

// What each OpenIM version sends, as the catalogue records it (shared/openim/versions.md's table).
class TestVersionRequests : public QObject
{
    Q_OBJECT
private:
    const Catalogue &m_catalogue = Catalogue::instance();
    const VersionRequests m_versions {Catalogue::instance()};

    QList<QJsonObject> requests(const QString &command, const QString &version)
    {
        const CommandSpec *spec = m_catalogue.find(command);
        return spec ? m_versions.requestsIn(*spec, version, spec->sampleRequest) : QList<QJsonObject>();
    }

private Q_SLOTS:
    void commandsPerVersion()
    {
        QCOMPARE(m_catalogue.versions(),
            (QStringList {u"v3.7"_s, u"v3.8.0"_s, u"v3.8.1"_s, u"v3.8.2"_s, u"main"_s}));
        const QList<int> constants {44, 44, 47, 47, 52};
        for (qsizetype i = 0; i < constants.size(); ++i) {
            int n = 0;
            for (const auto &spec : m_catalogue.commands())
                n += spec.in.contains(m_catalogue.versions().at(i)) ? 1 : 0;
            QCOMPARE(n, constants.at(i));
        }
        for (const QString command : {u"callbackAfterAddFriendAgreeCommand"_s,
                 u"callbackBeforeSetGroupInfoExCommand"_s, u"callbackAfterSetGroupInfoExCommand"_s}) {
            QVERIFY2(requests(command, u"v3.8.0"_s).isEmpty(), qPrintable(command));
            QCOMPARE(requests(command, u"v3.8.1"_s).size(), 1);
        }
        QVERIFY(requests(u"callbackAfterMsgSaveDBCommand"_s, u"v3.8.2"_s).isEmpty());
        QCOMPARE(requests(u"callbackAfterMsgSaveDBCommand"_s, u"main"_s).size(), 1);
        QVERIFY(requests(u"callbackAfterUserKickOffCommand"_s, u"main"_s).isEmpty()); // never sent
    }

    void onlineCallbacks()
    {
        for (const QString command :
            {u"callbackAfterUserOnlineCommand"_s, u"callbackAfterUserOfflineCommand"_s}) {
            QVERIFY(requests(command, u"v3.8.0"_s).isEmpty());
            QVERIFY(requests(command, u"v3.8.1"_s).isEmpty());
            QVERIFY(!requests(command, u"v3.7"_s).value(0).value(u"connID"_s).toString().isEmpty());
            for (const QString version : {u"v3.8.2"_s, u"main"_s}) {
                const QJsonObject r = requests(command, version).value(0);
                QVERIFY(r.contains(u"connID"_s));
                QCOMPARE(r.value(u"connID"_s).toString(), QString());
            }
        }
    }

    void requestFieldsPerVersion()
    {
        const QString msg = u"callbackBeforeSendSingleMsgCommand"_s;
        QVERIFY(!requests(msg, u"v3.8.0"_s).value(0).contains(u"sendTime"_s));
        QVERIFY(requests(msg, u"v3.8.1"_s).value(0).contains(u"sendTime"_s));
        const QString reg = u"callbackBeforeUserRegisterCommand"_s;
        QCOMPARE(requests(reg, u"v3.7"_s).value(0).value(u"secret"_s).toString(), u"openIM123"_s);
        QCOMPARE(requests(reg, u"v3.8.0"_s).value(0).value(u"secret"_s).toString(), u"openIM123"_s);
        QVERIFY(!requests(reg, u"v3.8.1"_s).value(0).contains(u"secret"_s));
        const QString kick = u"callbackAfterKickGroupCommand"_s;
        QCOMPARE(requests(kick, u"v3.8.0"_s).value(0).value(u"reason"_s).toString(), QString());
        QCOMPARE(requests(kick, u"v3.8.1"_s).value(0).value(u"reason"_s).toString(), u"spam"_s);
        // Versions the catalogue does not describe send the newest request.
        QCOMPARE(requests(msg, u"v3.6"_s).value(0), m_catalogue.find(msg)->sampleRequest);
    }

    void memberJoinOncePerMemberOnV37()
    {
        const QString join = u"callbackBeforeMembersJoinGroupCommand"_s;
        const QList<QJsonObject> calls = requests(join, u"v3.7"_s);
        QCOMPARE(calls.size(), 2);
        for (const QJsonObject &call : calls) {
            QStringList keys = call.keys();
            keys.sort();
            QCOMPARE(
                keys, (QStringList {u"callbackCommand"_s, u"ex"_s, u"groupEx"_s, u"groupID"_s, u"userID"_s}));
            QCOMPARE(call.value(u"callbackCommand"_s).toString(), u"callbackBeforeMemberJoinGroupCommand"_s);
        }
        QCOMPARE(calls.at(1).value(u"userID"_s).toString(), u"user_carol"_s);
        QCOMPARE(
            m_versions.nameIn(*m_catalogue.find(join), u"v3.7"_s), u"callbackBeforeMemberJoinGroupCommand"_s);
        const QList<QJsonObject> batch = requests(join, u"v3.8.0"_s);
        QCOMPARE(batch.size(), 1);
        QCOMPARE(batch.first().value(u"memberList"_s).toArray().size(), 2);
    }

    void versionsFitting_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("asSentBy"); // the request as this version sends it
        QTest::addColumn<QStringList>("fitting");
        const QStringList all {u"v3.7"_s, u"v3.8.0"_s, u"v3.8.1"_s, u"v3.8.2"_s, u"main"_s};
        QTest::newRow("register with secret")
            << u"callbackAfterUserRegisterCommand"_s << u"v3.7"_s << QStringList {u"v3.7"_s, u"v3.8.0"_s};
        QTest::newRow("message without sendTime")
            << u"callbackBeforeSendGroupMsgCommand"_s << u"v3.8.0"_s << QStringList {u"v3.7"_s, u"v3.8.0"_s};
        QTest::newRow("message with sendTime") << u"callbackBeforeSendGroupMsgCommand"_s << u"main"_s
                                               << QStringList {u"v3.8.1"_s, u"v3.8.2"_s, u"main"_s};
        QTest::newRow("online with a real connID")
            << u"callbackAfterUserOnlineCommand"_s << u"v3.7"_s << QStringList {u"v3.7"_s};
        QTest::newRow("online with connID \"\"")
            << u"callbackAfterUserOnlineCommand"_s << u"v3.8.2"_s << QStringList {u"v3.8.2"_s, u"main"_s};
        QTest::newRow("kick with a reason") << u"callbackAfterKickGroupCommand"_s << u"v3.8.1"_s
                                            << QStringList {u"v3.8.1"_s, u"v3.8.2"_s, u"main"_s};
        QTest::newRow("set group info ex") << u"callbackAfterSetGroupInfoExCommand"_s << u"v3.8.2"_s
                                           << QStringList {u"v3.8.1"_s, u"v3.8.2"_s, u"main"_s};
        QTest::newRow("unchanged command") << u"callbackAfterDeleteFriendCommand"_s << u"v3.8.2"_s << all;
    }

    void versionsFitting()
    {
        QFETCH(QString, command);
        QFETCH(QString, asSentBy);
        QFETCH(QStringList, fitting);
        const QJsonObject request = requests(command, asSentBy).value(0);
        QVERIFY(!request.isEmpty());
        QCOMPARE(
            m_versions.versionsFitting(request.value(u"callbackCommand"_s).toString(), request), fitting);
    }

    void memberJoinNamesTellTheVersion()
    {
        const QJsonObject v37 = requests(u"callbackBeforeMembersJoinGroupCommand"_s, u"v3.7"_s).value(0);
        QCOMPARE(m_versions.versionsFitting(u"callbackBeforeMemberJoinGroupCommand"_s, v37),
            QStringList {u"v3.7"_s});
        QCOMPARE(m_versions.misfits(u"callbackBeforeMembersJoinGroupCommand"_s, v37, u"v3.7"_s),
            QStringList {u"callbackBeforeMembersJoinGroupCommand"_s});
    }
};

QTEST_GUILESS_MAIN(TestVersionRequests)
#include "tst_versionrequests.moc"
