// SPDX-License-Identifier: MIT
#include "capture/capturestore.h"
#include "dialogs/replayresultsdialog.h"
#include "dialogs/simulatordialog.h"
#include "inspector/scenariodocument.h"
#include "replayer.h"
#include "rules/scenario.h"
#include "server/serverhost.h"
#include "widgets/capturedetailview.h"
#include "widgets/tlsoptionswidget.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace cbi;
using namespace Qt::StringLiterals;

// Capture > Simulate OpenIM posts what the chosen version posts; Copy as cURL masks the admin secret.
class TestSimulatorDialog : public QObject
{
    Q_OBJECT
private:
    // A business server over HTTPS with the test certificate (127.0.0.1, localhost).
    static ServerConfig tlsConfig()
    {
        ServerConfig config;
        config.port = 0;
        config.tlsCertPath = u"" CBI_TEST_DATA "/tls-cert.pem"_s;
        config.tlsKeyPath = u"" CBI_TEST_DATA "/tls-key.pem"_s;
        return config;
    }

    // Capture #7: a before-send callback, to replay.
    static CapturedRequest sentCapture()
    {
        CapturedRequest capture;
        capture.id = 7;
        capture.command = u"callbackBeforeSendSingleMsgCommand"_s;
        capture.canonicalCommand = capture.command;
        capture.body = serverBody();
        return capture;
    }

    static QByteArray serverBody()
    {
        return "{\"sendID\":\"u1\",\"recvID\":\"u2\",\"callbackCommand\":"
               "\"callbackBeforeSendSingleMsgCommand\",\"contentType\":101,\"content\":\"{}\"}";
    }

    static QJsonObject lastBody(const CaptureStore &store)
    {
        const QList<CapturedRequest> captures = store.snapshot();
        return captures.isEmpty() ? QJsonObject() : QJsonDocument::fromJson(captures.last().body).object();
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void sendsWhatTheVersionSends()
    {
        CaptureStore store;
        ServerHost business(&store);
        ServerConfig config;
        config.port = 0;
        QVERIFY(business.start(config));
        SimulatorDialog simulator;
        simulator.setUrl(u"http://127.0.0.1:%1/callbackExample"_s.arg(business.config().port));

        QSignalSpy finished(&simulator, &SimulatorDialog::finished);
        simulator.setCommand(u"callbackBeforeUserRegisterCommand"_s);
        simulator.setProfile(u"v3.7"_s);
        QVERIFY(simulator.send());
        QTRY_COMPARE(finished.size(), 1);
        QVERIFY2(!finished.last().first().toJsonObject().contains(u"error"_s),
            QJsonDocument(finished.last().first().toJsonObject()).toJson().constData());
        QTRY_COMPARE(store.snapshot().size(), 1);
        QCOMPARE(lastBody(store).value(u"secret"_s).toString(), u"openIM123"_s);
        simulator.setProfile(u"v3.8.1"_s);
        QVERIFY(simulator.send());
        QTRY_COMPARE(store.snapshot().size(), 2);
        QTRY_COMPARE(finished.size(), 2);
        QVERIFY(!lastBody(store).contains(u"secret"_s));

        // v3.7's member join: its own name and the flat per-member request.
        simulator.setCommand(u"callbackBeforeMembersJoinGroupCommand"_s);
        simulator.setProfile(u"v3.7"_s);
        QVERIFY(simulator.resultText().contains(u"once per member"_s));
        QVERIFY(simulator.send());
        QTRY_COMPARE(store.snapshot().size(), 3);
        QTRY_COMPARE(finished.size(), 3);
        QCOMPARE(store.snapshot().last().command, u"callbackBeforeMemberJoinGroupCommand"_s);
        QCOMPARE(lastBody(store).value(u"userID"_s).toString(), u"user_bob"_s);
        QVERIFY(!lastBody(store).contains(u"memberList"_s));

        // A command the version never sends goes nowhere.
        simulator.setCommand(u"callbackAfterUserOnlineCommand"_s);
        simulator.setProfile(u"v3.8.0"_s);
        QVERIFY(!simulator.send());
        QVERIFY(simulator.resultText().contains(u"never sends"_s));
        QTest::qWait(200);
        QCOMPARE(store.snapshot().size(), 3);
        simulator.setProfile(u"v3.8.2"_s);
        QVERIFY(simulator.send());
        QTRY_COMPARE(store.snapshot().size(), 4);
        QCOMPARE(lastBody(store).value(u"connID"_s).toString(), QString());

        // OpenIM's Operationid header carries the body's operationID (gui walk F24); send says which.
        QTRY_COMPARE(finished.size(), 4);
        simulator.setCommand(u"callbackBeforeSendSingleMsgCommand"_s);
        QVERIFY(simulator.send());
        QTRY_COMPARE(store.snapshot().size(), 5);
        QTRY_COMPARE(finished.size(), 5);
        const QString operationId = lastBody(store).value(u"operationID"_s).toString();
        QVERIFY(!operationId.isEmpty());
        QCOMPARE(store.snapshot().last().operationID, operationId);
        QCOMPARE(finished.last().first().toJsonObject().value(u"operationID"_s).toString(), operationId);
    }

    // Simulate to an https:// business server: real TLS, checked as OpenIM checks it unless the
    // "verify certificate" switch is off; a refused certificate shows the reason and 90004.
    void simulatesOverTls_data()
    {
        QTest::addColumn<bool>("verify");
        QTest::addColumn<QString>("caCert");
        QTest::addColumn<bool>("answered");
        const QString cert = u"" CBI_TEST_DATA "/tls-cert.pem"_s;
        QTest::newRow("trusted CA") << true << cert << true;
        QTest::newRow("untrusted") << true << QString() << false;
        QTest::newRow("verify off") << false << QString() << true;
    }

    void simulatesOverTls()
    {
        QFETCH(bool, verify);
        QFETCH(QString, caCert);
        QFETCH(bool, answered);
        CaptureStore store;
        ServerHost business(&store);
        QVERIFY(business.start(tlsConfig()));
        SimulatorDialog simulator;
        QSignalSpy finished(&simulator, &SimulatorDialog::finished);
        simulator.setUrl(u"https://127.0.0.1:%1/callbackExample"_s.arg(business.config().port));
        simulator.setCommand(u"callbackBeforeSendSingleMsgCommand"_s);
        simulator.tlsOptions()->setVerify(verify);
        simulator.tlsOptions()->setCaCertPath(caCert);
        QVERIFY(simulator.send());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 8000);
        const QJsonObject result = finished.last().first().toJsonObject();
        if (answered) {
            QCOMPARE(result.value(u"reply"_s).toObject().value(u"status"_s).toInt(), 200);
            QTRY_COMPARE(store.snapshot().size(), 1);
        } else {
            QVERIFY(result.value(u"error"_s).toString().startsWith(u"TLS: "_s));
            QCOMPARE(result.value(u"verdict"_s).toObject().value(u"errCode"_s).toInt(), 90004);
            QVERIFY(simulator.resultText().contains(u"TLS: "_s));
            QCOMPARE(store.snapshot().size(), 0);
        }
    }

    // Replay to Business Server over TLS, with the remembered "verify certificate" choice; the
    // window goes on while the business server answers (finished comes later).
    void replaysOverTls()
    {
        CaptureStore store;
        ServerHost business(&store);
        QVERIFY(business.start(tlsConfig()));
        const QString url = u"https://127.0.0.1:%1/callbackExample"_s.arg(business.config().port);
        CaptureStore ownStore;
        ServerHost own(&ownStore);
        ScenarioDocument document(&own);
        QWidget window;
        Replayer replayer(&document, &window);
        QSignalSpy replayed(&replayer, &Replayer::replayed);
        const CapturedRequest capture = sentCapture();

        TlsOptionsWidget choice;
        choice.setVerify(true);
        choice.setCaCertPath({});
        choice.save();
        QVERIFY(replayer.replayCapture(capture, url));
        QVERIFY(replayer.isBusy());
        QVERIFY(!replayer.replayCapture(capture, url)); // one replay at a time
        QTRY_COMPARE_WITH_TIMEOUT(replayed.size(), 1, 8000);
        QVERIFY(replayed.last().first().toJsonObject().value(u"error"_s).toString().startsWith(u"TLS: "_s));
        QCOMPARE(store.snapshot().size(), 0);

        choice.setCaCertPath(tlsConfig().tlsCertPath);
        choice.save();
        QVERIFY(replayer.replayCaptures({capture, capture}, url));
        QTRY_COMPARE_WITH_TIMEOUT(replayed.size(), 3, 8000);
        QCOMPARE(
            replayed.last().first().toJsonObject().value(u"reply"_s).toObject().value(u"status"_s).toInt(),
            200);
        QTRY_COMPARE(store.snapshot().size(), 2);
        QTRY_VERIFY(!replayer.isBusy());
    }

    // Gui walk F24: replays land in a "Replay results" window that does not block the window: the
    // request pretty, the reply with status, headers and body, the verdict, an error as an error,
    // and the run's history newest first.
    void replayResultsWindow()
    {
        CaptureStore store;
        ServerHost business(&store);
        ServerConfig config;
        config.port = 0;
        QVERIFY(business.start(config));
        const QString url = u"http://127.0.0.1:%1/callbackExample"_s.arg(business.config().port);
        CaptureStore ownStore;
        ServerHost own(&ownStore);
        ScenarioDocument document(&own);
        QWidget window;
        Replayer replayer(&document, &window);
        QSignalSpy replayed(&replayer, &Replayer::replayed);
        const CapturedRequest capture = sentCapture();

        QVERIFY(replayer.replayCapture(capture, url));
        QCOMPARE(replayed.size(), 0); // asynchronous: nothing waited for the reply
        QTRY_COMPARE(replayed.size(), 1);
        ReplayResultsDialog *results = replayer.results();
        QVERIFY(results);
        QVERIFY(results->isVisible());
        QVERIFY(!results->isModal());
        QVERIFY(window.findChildren<QMessageBox *>().isEmpty());
        QCOMPARE(results->count(), 1);
        const QString request = results->requestView()->toPlainText();
        QVERIFY2(request.contains(u"POST "_s + url + u"/callbackBeforeSendSingleMsgCommand"_s),
            qPrintable(request));
        QVERIFY2(request.contains(u"\n    \"sendID\": \"u1\""_s), qPrintable(request)); // pretty-printed
        const QString reply = results->replyView()->toPlainText();
        QVERIFY2(reply.startsWith(u"HTTP 200"_s), qPrintable(reply));
        QVERIFY2(reply.contains(u"Content-Type: "_s, Qt::CaseInsensitive), qPrintable(reply));
        QVERIFY2(reply.contains(u"\n    \"actionCode\""_s), qPrintable(reply));
        QVERIFY(results->verdictLabel()->text().contains(u"OpenIM would:"_s));
        QVERIFY(results->errorLabel()->isHidden());

        // Nobody listens there: an error, shown as one, on top of the history.
        QVERIFY(replayer.replayCapture(capture, u"http://127.0.0.1:1/callbackExample"_s));
        QTRY_COMPARE_WITH_TIMEOUT(replayed.size(), 2, 8000);
        QCOMPARE(results->count(), 2);
        QCOMPARE(results->history()->currentRow(), 0);
        QVERIFY(results->history()->item(0)->text().contains(u"error"_s));
        QVERIFY(!results->errorLabel()->isHidden());
        QVERIFY(results->errorLabel()->text().startsWith(u"Error after"_s));
        QCOMPARE(results->replyView()->toPlainText(), u"(no reply)"_s);
        QVERIFY(results->verdictLabel()->text().contains(u"OpenIM would:"_s));
        // The older replay, selected again.
        results->history()->setCurrentRow(1);
        QVERIFY(results->errorLabel()->isHidden());
        QVERIFY(results->replyView()->toPlainText().startsWith(u"HTTP 200"_s));

        // Several at once: each in the history, and how the run went above it.
        QVERIFY(replayer.replayCaptures({capture, capture}, url));
        QTRY_VERIFY(!replayer.isBusy());
        QCOMPARE(results->count(), 4);
        QCOMPARE(replayer.results(), results); // one window for the run
    }

    void copyAsCurlMasksTheSecret()
    {
        CapturedRequest c;
        c.method = "POST";
        c.path = u"/callbackExample/callbackAfterUserRegisterCommand"_s;
        c.body = QJsonDocument(QJsonObject {{u"callbackCommand"_s, u"callbackAfterUserRegisterCommand"_s},
                                   {u"secret"_s, u"openIM123"_s}})
                     .toJson(QJsonDocument::Compact);
        CaptureDetailView view;
        view.setCapture(c);
        const QString curl = view.curlCommand();
        QVERIFY2(curl.contains(u"\"secret\":\"***\""_s), qPrintable(curl));
        QVERIFY(!curl.contains(u"openIM123"_s));
    }
};

QTEST_MAIN(TestSimulatorDialog)
#include "tst_simulatordialog.moc"
