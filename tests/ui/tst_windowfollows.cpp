// SPDX-License-Identifier: MIT
// The window shows what the server serves: changes made through the control API (rules, clears)
// reach it at once, and an edit in the window starts from them instead of overwriting them
// (gui walk 2026-11, findings F1 and F2). The server runs on its thread; requests go over sockets.
#include "capture/capturestore.h"
#include "capturefiles.h"
#include "export/capturewriter.h"
#include "inspector/inspector.h"
#include "mainwindow.h"
#include "models/capturetablemodel.h"
#include "server/serverhost.h"
#include "session/sessionjournal.h"
#include "testhttp.h"
#include "widgets/heldwidget.h"
#include "widgets/ruleswidget.h"
#include "widgets/statisticswidget.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QSettings>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTcpSocket>
#include <QTemporaryDir>
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
QJsonObject getStatus(quint16 port)
{
    return QJsonDocument::fromJson(call(port, "GET", "/__inspector/v1/status").body).object();
}

QList<quint64> listedIds(quint16 port)
{
    QList<quint64> ids;
    const QJsonObject page =
        QJsonDocument::fromJson(call(port, "GET", "/__inspector/v1/captures").body).object();
    for (const QJsonValue &v : page.value(u"captures"_s).toArray())
        ids.append(quint64(v.toObject().value(u"id"_s).toInteger()));
    return ids;
}

QList<quint64> shownIds(MainWindow &window)
{
    QList<quint64> ids;
    for (int row = 0; row < window.model()->rowCount(); ++row)
        ids.append(window.model()->captureAt(row)->id);
    return ids;
}

CapturedRequest recorded(quint64 id, const QByteArray &sendID)
{
    CapturedRequest c;
    c.id = id;
    c.receivedAt = QDateTime::currentDateTimeUtc();
    c.method = "POST";
    c.httpVersion = "HTTP/1.1";
    c.path = u"/callbackExample/callbackBeforeSendSingleMsgCommand"_s;
    c.command = c.canonicalCommand = u"callbackBeforeSendSingleMsgCommand"_s;
    c.operationID = u"op-%1"_s.arg(id);
    c.body = callback(sendID);
    return c;
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
        Inspector inspector;
        CaptureStore &store = *inspector.store();
        store.setFlushIntervalMs(5);
        ServerHost &host = *inspector.host();
        MainWindow window(&inspector);
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
        Inspector inspector;
        CaptureStore &store = *inspector.store();
        store.setFlushIntervalMs(5);
        ServerHost &host = *inspector.host();
        MainWindow window(&inspector);
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

    // Gui walk: after opening a session the window showed its captures while GET status said 0 and
    // GET captures listed none; imports and New Session went by the store the same way.
    void openedSessionAgreesWithTheApi()
    {
        QTemporaryDir dir;
        const QString session = dir.filePath(u"earlier.cbisession"_s);
        {
            SessionJournal journal;
            QString error;
            QVERIFY2(journal.open(session, &error), qPrintable(error));
            for (quint64 id = 1; id <= 5; ++id)
                journal.append(recorded(id, "u" + QByteArray::number(id)));
            journal.sync();
        }
        Inspector inspector;
        CaptureStore &store = *inspector.store();
        store.setFlushIntervalMs(5);
        ServerHost &host = *inspector.host();
        MainWindow window(&inspector);
        ServerConfig config;
        config.port = 0;
        QVERIFY(window.startServer(config));
        const quint16 port = host.config().port;

        QVERIFY(window.openSession(session, true));
        QCOMPARE(window.model()->rowCount(), 5);
        QJsonObject status = getStatus(port);
        QCOMPARE(status.value(u"stored"_s).toInt(), 5);
        QCOMPARE(status.value(u"loaded"_s).toInt(), 5);
        QCOMPARE(listedIds(port), shownIds(window));

        // A live callback after it: both lists grow by the same capture, with the next id. (Its reply
        // waits for the session's commit, delivered by this thread's loop: no blocking call here.)
        QTcpSocket openim;
        openim.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(openim.waitForConnected(2000));
        openim.write(
            testhttp::callbackRequest("callbackBeforeSendSingleMsgCommand", callback("live"), "op-live"));
        QTRY_VERIFY(openim.bytesAvailable() > 0);
        QVERIFY(openim.readAll().startsWith("HTTP/1.1 200"));
        QTRY_COMPARE(window.model()->rowCount(), 6);
        QCOMPARE(listedIds(port), shownIds(window));
        QCOMPARE(shownIds(window).constLast(), quint64(6));

        // An import in the window: shown, listed and counted alike.
        const QString har = dir.filePath(u"two.har"_s);
        {
            QFile out(har);
            QVERIFY(out.open(QIODevice::WriteOnly));
            CaptureWriter writer(&out, CaptureWriter::Format::Har);
            writer.begin();
            writer.write(recorded(100, "imported1"));
            writer.write(recorded(101, "imported2"));
            writer.end();
        }
        QVERIFY(window.files()->importCaptures(har));
        QCOMPARE(window.model()->rowCount(), 8);
        status = getStatus(port);
        QCOMPARE(status.value(u"stored"_s).toInt(), 8);
        QCOMPARE(status.value(u"loaded"_s).toInt(), 7);
        QCOMPARE(listedIds(port), shownIds(window));
        window.rules()->setModified(false);
    }

    // The scenario's file and whether it was changed since: the Rules dock and GET status agree.
    void scenarioFileAgreesWithTheApi()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"filter.json"_s);
        Inspector inspector;
        CaptureStore &store = *inspector.store();
        ServerHost &host = *inspector.host();
        MainWindow window(&inspector);
        ServerConfig config;
        config.port = 0;
        QVERIFY(window.startServer(config));
        const quint16 port = host.config().port;
        Scenario scenario;
        scenario.rules.append(window.rules()->scenario().rules); // none: an empty, unnamed scenario
        window.rules()->setScenario(scenario, file);
        QJsonObject status = getStatus(port);
        QCOMPARE(status.value(u"scenarioFile"_s).toString(), file);
        QCOMPARE(status.value(u"scenarioModified"_s).toBool(), false);

        QCOMPARE(call(port, "POST", "/__inspector/v1/rules",
                     R"({"name":"api","command":"*","respond":{"preset":"continue"}})")
                     .status,
            201);
        QTRY_VERIFY(window.rules()->changedByApi());
        status = getStatus(port);
        QCOMPARE(status.value(u"scenarioFile"_s).toString(), window.rules()->path());
        QCOMPARE(status.value(u"scenarioModified"_s).toBool(), window.rules()->isModified());
        QVERIFY(window.rules()->isModified());
        window.rules()->setModified(false);
    }

    // Gui walk: holds survived a language switch on the server but vanished from the Held panel.
    void holdsOutliveTheWindow()
    {
        Inspector inspector;
        CaptureStore &store = *inspector.store();
        store.setFlushIntervalMs(5);
        ServerHost &host = *inspector.host();
        QTcpSocket openim;
        {
            MainWindow first(&inspector);
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
        MainWindow next(&inspector);
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
