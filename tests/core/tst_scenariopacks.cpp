// SPDX-License-Identifier: MIT
// Every scenario pack under resources/scenarios, fed with the catalogue's realistic requests: its
// rules answer and its own expectations hold.
#include "catalogue/catalogue.h"
#include "catalogue/commanddetector.h"
#include "rules/ruleengine.h"

#include <QDir>
#include <QJsonDocument>
#include <QTest>

using namespace cbi;
using namespace Qt::StringLiterals;

namespace {
struct Send
{
    const char *command;
    const char *overrides; // JSON object merged into the catalogue's sample request
    int times = 1;
};

QByteArray requestBody(const QString &command, const QByteArray &overrides)
{
    QJsonObject body = Catalogue::instance().find(command)->sampleRequest;
    const QJsonObject extra = QJsonDocument::fromJson(overrides).object();
    for (auto it = extra.begin(); it != extra.end(); ++it)
        body.insert(it.key(), it.value());
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}
} // namespace

Q_DECLARE_METATYPE(QList<Send>)

class TestScenarioPacks : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyPackIsTested()
    {
        const QStringList files = QDir(QStringLiteral(CBI_SCENARIO_DIR)).entryList({u"*.json"_s});
        QCOMPARE(files.size(), 8);
    }

    void pack_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QList<Send>>("sends");
        // (no raw string here: moc cannot read raw strings holding \")
        const char *casino = "{\"content\":\"{\\\"content\\\":\\\"win at the Casino\\\"}\"}";
        QTest::newRow("sensitive-word-block") << u"sensitive-word-block.json"_s
                                              << QList<Send> {{"callbackBeforeSendSingleMsgCommand", "{}"},
                                                     {"callbackBeforeSendSingleMsgCommand", casino},
                                                     {"callbackBeforeSendGroupMsgCommand", casino},
                                                     {"callbackAfterSendSingleMsgCommand", "{}"}};
        QTest::newRow("message-modify")
            << u"message-modify.json"_s
            << QList<Send> {{"callbackBeforeMsgModifyCommand", R"({"contentType":101})"},
                   {"callbackBeforeMsgModifyCommand", R"({"contentType":102})"}};
        QTest::newRow("offline-push-retarget")
            << u"offline-push-retarget.json"_s << QList<Send> {{"callbackBeforeOfflinePushCommand", "{}"}};
        QTest::newRow("registration-veto")
            << u"registration-veto.json"_s
            << QList<Send> {{"callbackBeforeUserRegisterCommand", R"({"users":[{"userID":"test_1"}]})"},
                   {"callbackBeforeUserRegisterCommand", R"({"users":[{"userID":"alice"}]})"}};
        QTest::newRow("group-approval")
            << u"group-approval.json"_s
            << QList<Send> {{"callbackBeforeCreateGroupCommand", R"({"groupName":"forbidden club"})"},
                   {"callbackBeforeCreateGroupCommand", R"({"groupName":"book club"})"},
                   {"callbackBeforeJoinGroupCommand", R"({"groupID":"vip_group"})"},
                   {"callbackBeforeInviteJoinGroupCommand", "{}"}};
        QTest::newRow("slow-business-server") << u"slow-business-server.json"_s
                                              << QList<Send> {{"callbackBeforeSendSingleMsgCommand", "{}"},
                                                     {"callbackBeforeSendGroupMsgCommand", "{}"}};
        QTest::newRow("flaky-server") << u"flaky-server.json"_s
                                      << QList<Send> {{"callbackBeforeSendGroupMsgCommand", "{}", 5},
                                             {"callbackBeforeSendSingleMsgCommand", "{}", 20}};
        QTest::newRow("after-callback-backlog") << u"after-callback-backlog.json"_s
                                                << QList<Send> {{"callbackAfterSendSingleMsgCommand", "{}"},
                                                       {"callbackBeforeSendSingleMsgCommand", "{}"}};
    }

    void pack()
    {
        QFETCH(QString, file);
        QFETCH(QList<Send>, sends);
        QString error;
        const auto scenario = Scenario::load(QStringLiteral(CBI_SCENARIO_DIR) + u"/"_s + file, &error);
        QVERIFY2(scenario, qPrintable(error));
        QVERIFY2(!scenario->expectations.isEmpty(), "every pack says what it expects");
        RuleEngine engine(*scenario, 1);
        CommandDetector detector(Catalogue::instance());
        QList<CapturedRequest> captures;
        quint64 id = 0;
        for (const Send &send : std::as_const(sends)) {
            for (int i = 0; i < send.times; ++i) {
                CapturedRequest c;
                c.id = ++id;
                c.method = "POST";
                c.path = u"/callbackExample/"_s + QString::fromLatin1(send.command);
                c.headers = {{"operationID", "op-" + QByteArray::number(id)}};
                c.body = requestBody(QString::fromLatin1(send.command), send.overrides);
                const RequestBody body = detector.detect(c);
                engine.answer(c, body);
                captures.append(c);
            }
        }
        for (const Expectation &e : scenario->expectations) {
            const auto result = e.evaluate(captures);
            QVERIFY2(result.passed, qPrintable(result.name + u": "_s + result.detail));
        }
    }
};

QTEST_GUILESS_MAIN(TestScenarioPacks)
#include "tst_scenariopacks.moc"
