// SPDX-License-Identifier: MIT
// The window shows what the server serves: changes made through the control API (rules, clears)
// reach it at once, and an edit in the window starts from them instead of overwriting them
// (gui walk 2026-11, findings F1 and F2). The server runs on its thread; requests go over sockets.
#include "capture/capturestore.h"
#include "mainwindow.h"
#include "models/capturetablemodel.h"
#include "server/serverhost.h"
#include "testhttp.h"
#include "widgets/heldwidget.h"
#include "widgets/ruleswidget.h"
#include "widgets/statisticswidget.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QSettings>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTcpSocket>
#include <QTest>

using namespace cbi;
using namespace Qt::StringLiterals;
using testhttp::call;

namespace {
// Outside the class: moc's lexer misreads this raw string inside a class body.
QByteArray callback(const QByteArray &sendID)
{
    return R"({"sendID":")" + sendID
        + R"(","recvID":"bob","callbackCommand":"callbackBeforeSendSingleMsgCommand"})";
}
} // namespace

class TestWindowFollows : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"cbi-tests"_s);
        QSettings().clear();
    }

    void controlApiRulesReachTheRulesDock()
    {
        CaptureStore store;
        store.setFlushIntervalMs(5);
        ServerHost host(&store);
        MainWindow window(&store, &host);
        ServerConfig config;
        config.port = 0;
        QVERIFY(window.startServer(config));
        const quint16 port = host.config().port;
        RulesWidget *rules = window.rules();

        auto r = call(port, "PUT", "/__inspector/v1/scenario",
            R"({"scenario":1,"name":"from the api","rules":[{"name":"api block","command":"*","respond":{"preset":"block","errCode":5002}}]})");
        QCOMPARE(r.status, 200);
        QTRY_COMPARE(rules->scenario().rules.size(), 1);
        QCOMPARE(rules->scenario().name, u"from the api"_s);
        QCOMPARE(rules->list()->count(), 1);
        QVERIFY(rules->changedByApi());
        QVERIFY(rules->isModified()); // Save offers to keep it
        const auto labels = rules->findChildren<QLabel *>();
        QVERIFY(std::any_of(labels.cbegin(), labels.cend(),
            [](const QLabel *l) { return l->text().contains(u"changed by the control API"_s); }));

        r = call(port, "POST", "/__inspector/v1/rules?position=first",
            R"({"name":"api posted","command":"callbackAfterUserOnlineCommand","respond":{"preset":"continue"}})");
        QCOMPARE(r.status, 201);
        QTRY_COMPARE(rules->scenario().rules.size(), 2);
        QCOMPARE(rules->scenario().rules.first().name, u"api posted"_s);

        // An edit in the window starts from what is served: the API's rules stay.
        Rule mine;
        mine.name = u"window rule"_s;
        mine.command = u"*"_s;
        mine.responses = {ResponseSpec()};
        rules->appendRule(mine);
        const QJsonObject served =
            QJsonDocument::fromJson(call(port, "GET", "/__inspector/v1/scenario").body).object();
        QStringList names;
        for (const auto &rule : served.value(u"rules"_s).toArray())
            names.append(rule.toObject().value(u"name"_s).toString());
        QCOMPARE(names, (QStringList {u"api posted"_s, u"api block"_s, u"window rule"_s}));
        QCOMPARE(served.value(u"name"_s).toString(), u"from the api"_s);

        QCOMPARE(call(port, "DELETE", "/__inspector/v1/rules/0").status, 200);
        QTRY_COMPARE(rules->scenario().rules.size(), 2);
        QCOMPARE(host.scenario().rules.size(), 2);
        rules->setModified(false);
    }

    void controlApiClearEmptiesTheWindow()
    {
        CaptureStore store;
        store.setFlushIntervalMs(5);
        ServerHost host(&store);
        MainWindow window(&store, &host);
        ServerConfig config;
        config.port = 0;
        QVERIFY(window.startServer(config));
        const quint16 port = host.config().port;
        for (const QByteArray &who : {"alice", "carol", "erin"})
            QCOMPARE(call(port, "POST", "/callbackExample/callbackBeforeSendSingleMsgCommand", callback(who))
                         .status,
                200);
        QTRY_COMPARE(window.model()->rowCount(), 3);
        QTRY_COMPARE(window.statistics()->table()->rowCount() > 0, true);

        QCOMPARE(call(port, "DELETE", "/__inspector/v1/captures").status, 200);
        QTRY_COMPARE(window.model()->rowCount(), 0);
        QCOMPARE(window.statistics()->table()->rowCount(), 0);
        const QJsonObject stats =
            QJsonDocument::fromJson(call(port, "GET", "/__inspector/v1/stats").body).object();
        QCOMPARE(stats.value(u"total"_s).toInt(), 0);

        // After the clear both sides count the same, and ids go on.
        QCOMPARE(call(port, "POST", "/callbackExample/callbackBeforeSendSingleMsgCommand", callback("frank"))
                     .status,
            200);
        QTRY_COMPARE(window.model()->rowCount(), 1);
        QCOMPARE(window.model()->captureAt(0)->id, 4u);
        const QJsonObject status =
            QJsonDocument::fromJson(call(port, "GET", "/__inspector/v1/status").body).object();
        QCOMPARE(status.value(u"stored"_s).toInt(), window.model()->rowCount());
        window.rules()->setModified(false);
    }

    // Gui walk: holds survived a language switch on the server but vanished from the Held panel.
    void holdsOutliveTheWindow()
    {
        CaptureStore store;
        store.setFlushIntervalMs(5);
        ServerHost host(&store);
        QTcpSocket openim;
        {
            MainWindow first(&store, &host);
            ServerConfig config;
            config.port = 0;
            QVERIFY(first.startServer(config));
            first.held()->holdCommand(u"callbackBeforeSendSingleMsgCommand"_s);
            openim.connectToHost(QHostAddress::LocalHost, host.config().port);
            QVERIFY(openim.waitForConnected(2000));
            openim.write(testhttp::callbackRequest(
                "callbackBeforeSendSingleMsgCommand", callback("alice"), "op-held-across"));
            QTRY_COMPARE(first.held()->waitingCount(), 1);
            first.rules()->setModified(false);
        } // the window goes, as on a language switch; the server and its hold stay
        MainWindow next(&store, &host);
        next.adoptServer();
        QCOMPARE(next.held()->heldCommands(), QStringList {u"callbackBeforeSendSingleMsgCommand"_s});
        QCOMPARE(next.held()->waitingCount(), 1);
        next.held()->waitingList()->setCurrentRow(0);
        QVERIFY(next.held()->answerSelected(std::nullopt)); // answerable from the new window
        QTRY_VERIFY(openim.bytesAvailable() > 0);
        QVERIFY(openim.readAll().startsWith("HTTP/1.1 200"));
        QTRY_COMPARE(next.held()->waitingCount(), 0);
        next.held()->stopHolding(u"callbackBeforeSendSingleMsgCommand"_s);
        next.rules()->setModified(false);
    }
};

QTEST_MAIN(TestWindowFollows)
#include "tst_windowfollows.moc"
