// SPDX-License-Identifier: MIT
// The window offscreen, fed by its real server over real sockets: the flow of a first-time user.
#include "capture/capturestore.h"
#include "capturefiles.h"
#include "dialogs/comparedialog.h"
#include "dialogs/ruleeditordialog.h"
#include "dialogs/simulatordialog.h"
#include "dialogs/timelinedialog.h"
#include "dialogs/tlsdialog.h"
#include "inspector/inspector.h"
#include "integration/webhooksconfig.h"
#include "mainwindow.h"
#include "models/capturefilterproxy.h"
#include "models/capturetablemodel.h"
#include "replayer.h"
#include "rules/scenario.h"
#include "server/serverhost.h"
#include "session/sessionjournal.h"
#include "testhttp.h"
#include "testpalette.h"
#include "widgets/barchart.h"
#include "widgets/capturedetailview.h"
#include "widgets/heldwidget.h"
#include "widgets/jsonhighlighter.h"
#include "widgets/readablecolor.h"
#include "widgets/ruleswidget.h"
#include "widgets/statisticswidget.h"
#include "windowloop.h"

#include <QAbstractSpinBox>
#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>
#include <QTreeWidget>

#include <algorithm>
#include <numeric>

using namespace cbi;
using namespace Qt::StringLiterals;

namespace {
using testhttp::aliceToBob;
using testhttp::carolToDan;
QByteArray post(const QByteArray &command, const QByteArray &body, const QByteArray &operationID)
{
    return testhttp::callbackRequest(command, body, operationID);
}
} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

    static bool bannerSays(const MainWindow &window, const QString &text)
    {
        const auto labels = window.findChildren<QLabel *>();
        return std::any_of(labels.cbegin(), labels.cend(),
            [&](const QLabel *label) { return label->isVisible() && label->text().contains(text); });
    }

    static ServerConfig anyPort()
    {
        ServerConfig config;
        config.port = 0;
        return config;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"cbi-tests"_s);
        QCoreApplication::setApplicationName(u"tst_mainwindow"_s);
    }

    void firstUserFlow()
    {
        Inspector inspector;
        CaptureStore &store = *inspector.store();
        store.setFlushIntervalMs(5);
        ServerHost &host = *inspector.host();
        MainWindow window(&inspector);
        QVERIFY(window.startServer(anyPort()));
        window.show();
        const quint16 port = host.config().port;

        // Callbacks stream in.
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(socket.waitForConnected(2000));
        socket.write(post("callbackBeforeSendSingleMsgCommand", aliceToBob, "op-1"));
        socket.write(post("callbackBeforeSendSingleMsgCommand", carolToDan, "op-2"));
        QTRY_COMPARE(window.model()->rowCount(), 2);
        QTRY_VERIFY(socket.bytesAvailable() > 0);
        socket.readAll();

        // Filter them.
        window.filterEdit()->setText(u"sendID:carol"_s);
        QTRY_COMPARE(window.proxy()->rowCount(), 1);
        window.filterEdit()->setText(u"nosuchfield:x"_s);
        QTest::qWait(400);
        QVERIFY(!window.filterEdit()->toolTip().isEmpty()); // an invalid expression says why
        QCOMPARE(window.proxy()->rowCount(), 1); // and keeps the last valid filter
        window.filterEdit()->setText(u"op-1"_s);
        QTest::qWait(400); // the filter is debounced
        QCOMPARE(window.proxy()->rowCount(), 1);
        QCOMPARE(window.model()
                     ->captureAt(window.proxy()->mapToSource(window.proxy()->index(0, 0)).row())
                     ->operationID,
            u"op-1"_s);

        // Read one.
        window.view()->setCurrentIndex(window.proxy()->index(0, 0));
        QPlainTextEdit *body = nullptr;
        for (auto *edit : window.detail()->findChildren<QPlainTextEdit *>()) {
            if (edit->accessibleName() == u"Request body"_s)
                body = edit;
        }
        QVERIFY(body);
        QTRY_VERIFY(body->toPlainText().contains(u"\"alice\""_s));
        QVERIFY(window.detail()->curlCommand().contains(
            u"/callbackExample/callbackBeforeSendSingleMsgCommand"_s));

        // Make a rule from it: block with errCode 5001 after 2 s.
        const CapturedRequest *capture = window.model()->captureAt(0);
        QVERIFY(capture);
        RuleEditorDialog dialog(MainWindow::ruleFromCapture(*capture), window.rules()->scenario());
        dialog.setSourceCapture(*capture); // prefilled with its sendID: it matches, the sample does not
        dialog.setErrCode(5001);
        dialog.setFixedDelay(2000);
        QVERIFY2(dialog.errorText().isEmpty(), qPrintable(dialog.errorText()));
        QVERIFY2(dialog.predictedVerdict().contains(u"block (5001)</b> after 2000 ms"_s),
            qPrintable(dialog.predictedVerdict()));
        window.rules()->appendRule(dialog.rule());
        QVERIFY(window.rules()->isModified());
        QCOMPARE(window.rules()->list()->count(), 1);

        // The next one is blocked, after the delay.
        QElapsedTimer timer;
        timer.start();
        socket.write(post("callbackBeforeSendSingleMsgCommand", aliceToBob, "op-3"));
        QTRY_VERIFY_WITH_TIMEOUT(socket.bytesAvailable() > 0, 5000);
        QVERIFY(timer.elapsed() >= 2000);
        QVERIFY(socket.readAll().contains(R"("errCode":5001)"));
        window.filterEdit()->clear();
        QTRY_COMPARE(window.proxy()->rowCount(), 3);
        QTRY_COMPARE(
            window.statistics()->table()->rowCount(), 1); // one command so far: 2 continued, 1 blocked
        QCOMPARE(window.statistics()->table()->item(0, 1)->data(Qt::DisplayRole).toInt(), 3);
        QCOMPARE(window.statistics()->table()->item(0, 3)->data(Qt::DisplayRole).toInt(), 1);
        // The rate chart ends with this second (or the one before) and holds the three callbacks.
        const QList<qint64> rate = window.statistics()->rateChart()->bars();
        QCOMPARE(rate.size(), 120);
        QCOMPARE(std::accumulate(rate.begin(), rate.end(), qint64(0)), 3);
        const QList<qint64> waits = window.statistics()->waitChart()->bars();
        QCOMPARE(std::accumulate(waits.begin(), waits.end(), qint64(0)), 3);
        window.statistics()->table()->selectRow(0); // the command's own rate, drawn over the total
        // Screen readers get the numbers the picture shows.
        QVERIFY(window.statistics()->rateChart()->accessibleDescription().contains(
            u"highest %1"_s.arg(*std::max_element(rate.begin(), rate.end()))));
        const CapturedRequest *blocked = window.model()->captureAt(2);
        QCOMPARE(blocked->verdict.outcome, Verdict::Outcome::Blocked);
        QCOMPARE(blocked->verdict.errCode, 5001);
        QCOMPARE(window.model()->data(window.model()->index(2, CaptureTableModel::VerdictColumn)).toString(),
            u"block (5001)"_s);
        window.rules()->setModified(false); // no save prompt on close
    }

    void exportTheFilteredViewAndImportIt()
    {
        Inspector inspector;
        CaptureStore &store = *inspector.store();
        store.setFlushIntervalMs(5);
        ServerHost &host = *inspector.host();
        MainWindow window(&inspector);
        QVERIFY(window.startServer(anyPort()));
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, host.config().port);
        QVERIFY(socket.waitForConnected(2000));
        socket.write(post("callbackBeforeSendSingleMsgCommand", aliceToBob, "op-1"));
        socket.write(post("callbackBeforeSendSingleMsgCommand", carolToDan, "op-2"));
        QTRY_COMPARE(window.model()->rowCount(), 2);
        window.filterEdit()->setText(u"sendID:carol"_s);
        QTRY_COMPARE(window.proxy()->rowCount(), 1);

        QTemporaryDir dir;
        const QString har = dir.filePath(u"view.har"_s);
        QVERIFY(window.files()->exportCaptures(har, u"har"_s));
        QFile file(har);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(int(file.readAll().count("\"startedDateTime\"")), 1);

        Inspector otherInspector;
        MainWindow other(&otherInspector);
        QVERIFY(other.files()->importCaptures(har));
        QCOMPARE(other.model()->rowCount(), 1);
        QCOMPARE(other.model()->captureAt(0)->operationID, u"op-2"_s);
        QCOMPARE(other.model()->captureAt(0)->verdict.outcome, Verdict::Outcome::Continue);

        // The selection (two rows picked in the table), whatever the filter shows.
        window.filterEdit()->clear();
        QTRY_COMPARE(window.proxy()->rowCount(), 2);
        window.view()->selectAll();
        QCOMPARE(window.selectedCaptures().size(), 2);
        const QString selected = dir.filePath(u"selected.ndjson"_s);
        QVERIFY(window.files()->exportCaptures(selected, u"ndjson"_s, CaptureFiles::ExportScope::Selection));
        QFile lines(selected);
        QVERIFY(lines.open(QIODevice::ReadOnly));
        QCOMPARE(lines.readAll().count('\n'), 2);
        // No session file open: nothing to export as a whole session.
        QVERIFY(!window.files()->exportCaptures(
            dir.filePath(u"none.har"_s), u"har"_s, CaptureFiles::ExportScope::Session));
    }

    // One message across its callbacks, and two captures side by side.
    void timelineAndCompare()
    {
        Inspector inspector;
        CaptureStore &store = *inspector.store();
        store.setFlushIntervalMs(5);
        ServerHost &host = *inspector.host();
        MainWindow window(&inspector);
        QVERIFY(window.startServer(anyPort()));
        window.show();
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, host.config().port);
        QVERIFY(socket.waitForConnected(2000));
        socket.write(post(
            "callbackBeforeSendSingleMsgCommand", "{\"clientMsgID\":\"m1\",\"content\":\"hi\"}", "op-a"));
        socket.write(post(
            "callbackBeforeSendSingleMsgCommand", "{\"clientMsgID\":\"m2\",\"content\":\"yo\"}", "op-x"));
        socket.write(
            post("callbackAfterSendSingleMsgCommand", "{\"clientMsgID\":\"m1\",\"content\":\"hi\"}", "op-b"));
        QTRY_COMPARE(window.model()->rowCount(), 3);

        window.view()->selectRow(0);
        TimelineDialog *timeline = window.showTimeline();
        QVERIFY(timeline);
        QCOMPARE(timeline->tree()->topLevelItemCount(), 2); // before and after send of m1, not m2
        QVERIFY(
            timeline->tree()->topLevelItem(0)->text(3).startsWith(u"callbackBeforeSendSingleMsgCommand"_s));
        QVERIFY(
            timeline->tree()->topLevelItem(1)->text(3).startsWith(u"callbackAfterSendSingleMsgCommand"_s));
        timeline->close();

        QVERIFY(!window.compareSelected()); // one row selected: nothing to compare
        window.view()->selectionModel()->select(
            window.proxy()->index(1, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        CompareDialog *compare = window.compareSelected();
        QVERIFY(compare);
        QVERIFY(compare->differences() > 0);
        QVERIFY(compare->leftView()->toPlainText().contains(u"\"content\": \"hi\""_s));
        QVERIFY(compare->rightView()->toPlainText().contains(u"\"content\": \"yo\""_s));
        // Aligned: both sides have as many lines.
        QCOMPARE(
            compare->leftView()->document()->blockCount(), compare->rightView()->document()->blockCount());
        compare->close();
        window.rules()->setModified(false);
    }

    // A breakpoint: the held callback waits for the user's reply, edited in the Held panel.
    void holdAndAnswerByHand()
    {
        Inspector inspector;
        CaptureStore &store = *inspector.store();
        store.setFlushIntervalMs(5);
        ServerHost &host = *inspector.host();
        MainWindow window(&inspector);
        QVERIFY(window.startServer(anyPort()));
        window.show();
        window.held()->holdCommand(u"callbackBeforeSendSingleMsgCommand"_s);
        QCOMPARE(host.heldCommands(), QStringList {u"callbackBeforeSendSingleMsgCommand"_s});
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, host.config().port);
        QVERIFY(socket.waitForConnected(2000));
        socket.write(post("callbackBeforeSendSingleMsgCommand", aliceToBob, "op-held"));
        QTRY_COMPARE(window.held()->waitingCount(), 1);
        QTest::qWait(200);
        QCOMPARE(socket.bytesAvailable(), 0); // OpenIM is still waiting
        QCOMPARE(window.model()->rowCount(), 1); // a paused row at once (gui walk F15)
        QVERIFY(window.model()->index(0, 0).data(CaptureTableModel::HoldIdRole).toULongLong() != 0);
        QVERIFY(
            window.held()->replyEditor()->toPlainText().contains(u"\"nextCode\": 0"_s)); // the rules' reply
        window.held()->replyEditor()->setPlainText(
            u"{\"actionCode\":0,\"errCode\":7777,\"errMsg\":\"by hand\",\"errDlt\":\"\",\"nextCode\":1}"_s);
        QPushButton *send = nullptr;
        for (QPushButton *b : window.held()->findChildren<QPushButton *>())
            send = b->text() == u"Send &Edited"_s ? b : send;
        QVERIFY(send);
        send->click();
        QTRY_VERIFY(socket.bytesAvailable() > 0);
        QVERIFY(socket.readAll().contains("\"errCode\":7777"));
        QTRY_VERIFY(window.model()->captureAt(0)->id != 0); // the answer replaced the paused row
        QCOMPARE(window.model()->rowCount(), 1);
        const CapturedRequest *c = window.model()->captureAt(0);
        QCOMPARE(c->verdict.outcome, Verdict::Outcome::Blocked);
        QCOMPARE(c->verdict.errCode, 7777);
        QVERIFY(c->reply.delayMs >= 200); // how long OpenIM waited
        QTRY_COMPARE(window.held()->waitingCount(), 0);
        // Other commands are not held.
        socket.write(post("callbackAfterSendSingleMsgCommand", aliceToBob, "op-free"));
        QTRY_COMPARE(window.model()->rowCount(), 2);
        window.held()->stopHolding(u"callbackBeforeSendSingleMsgCommand"_s);
        QVERIFY(host.heldCommands().isEmpty());
        window.rules()->setModified(false);
    }

    void replayToABusinessServer()
    {
        Inspector inspector;
        CaptureStore &store = *inspector.store();
        store.setFlushIntervalMs(5);
        ServerHost &host = *inspector.host();
        MainWindow window(&inspector);
        QVERIFY(window.startServer(anyPort()));
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, host.config().port);
        QVERIFY(socket.waitForConnected(2000));
        socket.write(post("callbackBeforeSendSingleMsgCommand", aliceToBob, "op-r"));
        QTRY_COMPARE(window.model()->rowCount(), 1);

        // The "business server": another inspector that blocks everything.
        CaptureStore businessStore;
        businessStore.setFlushIntervalMs(5);
        ServerHost business(&businessStore);
        QVERIFY(business.start(anyPort()));
        QString error;
        business.setScenario(*Scenario::fromJson(
            R"({"scenario":1,"rules":[{"command":"*","respond":{"preset":"block","errCode":6100}}]})",
            &error));
        QSignalSpy replayed(window.replayer(), &Replayer::replayed);
        QSignalSpy finished(window.replayer(), &Replayer::finished);
        QVERIFY(window.replayer()->replayCapture(
            *window.model()->captureAt(0), u"http://127.0.0.1:%1/biz"_s.arg(business.config().port)));
        QTRY_COMPARE(replayed.size(), 1);
        const QJsonObject result = replayed.last().first().toJsonObject();
        QCOMPARE(result.value(u"reply"_s).toObject().value(u"status"_s).toInt(), 200);
        QCOMPARE(result.value(u"verdict"_s).toObject().value(u"errCode"_s).toInt(), 6100);
        QTRY_COMPARE(businessStore.size(), 1);
        const CapturedRequest sent = businessStore.snapshot().first();
        QCOMPARE(sent.path, u"/biz/callbackBeforeSendSingleMsgCommand"_s);
        QCOMPARE(sent.body, aliceToBob);
        QCOMPARE(sent.headerValue("user-agent"), QByteArray("Go-http-client/1.1"));
        // Several at once, in order; each gets its own verdict.
        const CapturedRequest first = *window.model()->captureAt(0);
        QTRY_COMPARE(finished.size(), 1);
        QVERIFY(window.replayer()->replayCaptures(
            {first, first}, u"http://127.0.0.1:%1/biz"_s.arg(business.config().port)));
        QTRY_COMPARE(finished.size(), 2);
        QCOMPARE(finished.last().first().toInt(), 2);
        QCOMPARE(businessStore.size(), 3);
        QCOMPARE(
            replayed.last().first().toJsonObject().value(u"verdict"_s).toObject().value(u"errCode"_s).toInt(),
            6100);
        // A server that is not there: nothing answered, and said so.
        QVERIFY(window.replayer()->replayCaptures({first}, u"http://127.0.0.1:1/biz"_s));
        QTRY_COMPARE(finished.size(), 3);
        QCOMPARE(finished.last().first().toInt(), 0);
    }

    void openimIntegrationScreens()
    {
        // The simulator against a "business server" (another inspector blocking everything).
        CaptureStore businessStore;
        ServerHost business(&businessStore);
        QVERIFY(business.start(anyPort()));
        QString error;
        business.setScenario(*Scenario::fromJson(
            R"({"scenario":1,"rules":[{"command":"*","respond":{"preset":"block","errCode":6200}}]})",
            &error));
        SimulatorDialog simulator;
        simulator.setUrl(u"http://127.0.0.1:%1/biz"_s.arg(business.config().port));
        simulator.setCommand(u"callbackBeforeUserRegisterCommand"_s);
        QSignalSpy simulated(&simulator, &SimulatorDialog::finished);
        QVERIFY(simulator.send());
        QTRY_COMPARE(simulated.size(), 1);
        const QJsonObject result = simulated.last().first().toJsonObject();
        QCOMPARE(result.value(u"verdict"_s).toObject().value(u"errCode"_s).toInt(), 6200);
        QVERIFY2(simulator.resultText().contains(u"6200"_s), qPrintable(simulator.resultText()));

        // webhooks.yml in and out.
        Inspector inspector;
        CaptureStore &store = *inspector.store();
        ServerHost &host = *inspector.host();
        MainWindow window(&inspector);
        QVERIFY(window.startServer(anyPort()));
        const QString report =
            window.files()->importWebhooks(QStringLiteral(CBI_TEST_DATA) + u"/webhooks-v37.yml"_s);
        QVERIFY2(report.contains(u"ends with '/'"_s), qPrintable(report));
        QCOMPARE(host.scenario().timeoutSecondsFor(u"callbackBeforeSendSingleMsgCommand"_s), 30);
        QTemporaryDir dir;
        const QString generated = dir.filePath(u"webhooks.yml"_s);
        QVERIFY(window.files()->generateWebhooks(generated));
        const auto config = WebhooksConfig::load(generated, &error);
        QVERIFY2(config, qPrintable(error));
        QCOMPARE(config->url, host.webhookUrl());
        QCOMPARE(config->enabledCommands().size(), 47); // the served v3.8.2's callbacks
        window.rules()->setModified(false);
    }

    void ruleEditorReportsBadInput()
    {
        Rule rule;
        rule.responses = {ResponseSpec()};
        RuleEditorDialog dialog(rule, Scenario());
        dialog.addCondition(u"body"_s, u"content"_s, u"regex"_s, u"("_s);
        QVERIFY(dialog.errorText().contains(u"regular expression"_s));
        RuleEditorDialog actionCode(rule, Scenario());
        actionCode.setCommand(u"callbackBeforeSendSingleMsgCommand"_s);
        actionCode.setPreset(u"error"_s);
        QVERIFY2(actionCode.predictedVerdict().contains(u"does not block"_s),
            qPrintable(actionCode.predictedVerdict()));
    }

    void scenarioOpensOrExplainsWhyNot()
    {
        Inspector inspector;
        CaptureStore &store = *inspector.store();
        ServerHost &host = *inspector.host();
        MainWindow window(&inspector);
        window.show();
        QVERIFY(window.openScenario(QStringLiteral(CBI_SCENARIO_DIR) + u"/sensitive-word-block.json"_s));
        QCOMPARE(window.rules()->scenario().rules.size(), 1);
        QCOMPARE(host.scenario().rules.size(), 1); // served at once

        QTemporaryDir dir;
        QFile broken(dir.filePath(u"broken.json"_s));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("{\"scenario\": 1, \"profile\": \"v9\"}");
        broken.close();
        QVERIFY(!window.openScenario(broken.fileName()));
        QCOMPARE(host.scenario().rules.size(), 1); // the served rules are untouched
        QMessageBox *box = window.findChild<QMessageBox *>();
        QVERIFY(box);
        QTRY_VERIFY(box->isVisible());
        QVERIFY2(box->text().contains(u"$.profile"_s), qPrintable(box->text()));

        // Save it elsewhere, and it reads back the same.
        const QString saved = dir.filePath(u"saved.json"_s);
        QVERIFY(window.saveScenario(saved));
        QVERIFY(!window.rules()->isModified());
        QString error;
        QCOMPARE(Scenario::load(saved, &error)->rules.size(), 1);
    }

    // HTTPS chosen in the window: the url says https, callbacks arrive over TLS, a bad key is reported.
    void httpsFromTheWindow()
    {
        const QString cert = QStringLiteral(CBI_TEST_DATA "/tls-cert.pem");
        const QString key = QStringLiteral(CBI_TEST_DATA "/tls-key.pem");
        QVERIFY(TlsDialog::check({}, {}).isEmpty()); // plain HTTP
        QVERIFY(TlsDialog::check(cert, key).isEmpty());
        QVERIFY(!TlsDialog::check(cert, {}).isEmpty());
        QVERIFY(!TlsDialog::check(cert, u"/no/such/key.pem"_s).isEmpty());

        Inspector inspector;
        CaptureStore &store = *inspector.store();
        store.setFlushIntervalMs(5);
        ServerHost &host = *inspector.host();
        MainWindow window(&inspector);
        window.show();
        QAction *https = window.findChild<QAction *>(u"httpsAction"_s);
        QVERIFY(https);
        QCOMPARE(https->text(), u"HTTP"_s);
        ServerConfig config = anyPort();
        config.tlsCertPath = cert;
        config.tlsKeyPath = key;
        QVERIFY(window.startServer(config));
        QVERIFY(host.webhookUrl().startsWith(u"https://127.0.0.1:"_s));
        QCOMPARE(https->text(), u"HTTPS"_s);
        QVERIFY(!https->isEnabled()); // like the address: changed while stopped

        QSslSocket openim;
        openim.setPeerVerifyMode(QSslSocket::VerifyNone); // self-signed
        openim.connectToHostEncrypted(u"127.0.0.1"_s, host.config().port);
        QVERIFY(openim.waitForEncrypted(5000));
        openim.write(post("callbackBeforeSendSingleMsgCommand", aliceToBob, "op-tls"));
        QTRY_COMPARE(window.model()->rowCount(), 1);
        // Copy as cURL trusts the inspector's certificate, and the command works as pasted.
        window.view()->selectRow(0);
        const QString curl = window.detail()->curlCommand();
        QVERIFY2(curl.contains(u"--cacert"_s) && curl.contains(u"https://127.0.0.1:"_s), qPrintable(curl));
        QProcess shell;
        shell.start(u"sh"_s, {u"-c"_s, curl + u" -sS"_s});
        QVERIFY(shell.waitForFinished(10000));
        QVERIFY2(
            shell.readAllStandardOutput().contains("\"nextCode\""), shell.readAllStandardError().constData());
        QTRY_COMPARE(window.model()->rowCount(), 2);

        host.stop();
        window.setServerState({}, {});
        QVERIFY(https->isEnabled());
        config.tlsKeyPath = QStringLiteral(CBI_TEST_DATA "/broken.yml");
        QVERIFY(!window.startServer(config));
        QVERIFY(bannerSays(window, u"private key"_s));
    }

    void portErrorIsShownInTheWindow()
    {
        Inspector holder; // another inspector holds the port
        QVERIFY(holder.host()->start(anyPort()));
        Inspector inspector;
        MainWindow window(&inspector);
        ServerConfig busy = anyPort();
        busy.port = holder.host()->config().port;
        window.show();
        QVERIFY(!window.startServer(busy));
        QVERIFY(bannerSays(window, u"Cannot listen"_s));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
