// SPDX-License-Identifier: MIT
// Black-box tests of the capture server over real sockets on port 0: URL styles, HTTP framing,
// limits, delays, connections, HTTPS. Replies, faults, forward mode and holds: tst_serverreplies.
#include "serverfixture.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSslSocket>

#include <cerrno>
#include <poll.h>
#include <sys/socket.h>

using namespace cbi;
using namespace Qt::StringLiterals;
using namespace serverfixture;

class TestCaptureServer : public QObject, protected serverfixture::ServerFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { setUpServer(); }
    void cleanup() { tearDownServer(); }

    void everyUrlStyle_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QString>("style");
        QTest::newRow("path segment (v3.4.2+)")
            << QByteArray("/callbackExample/callbackBeforeSendSingleMsgCommand") << u"path"_s;
        QTest::newRow("command query (v3.0-3.4.0)")
            << QByteArray("/callbackExample?command=callbackBeforeSendSingleMsgCommand") << u"query"_s;
        QTest::newRow("body only (v2)") << QByteArray("/callback") << u"body"_s;
    }

    void everyUrlStyle()
    {
        QFETCH(QByteArray, target);
        QFETCH(QString, style);
        QTcpSocket socket;
        const auto replies = exchange(socket, post(target, sampleBody, "Operationid: op-7\r\n"), 1);
        QCOMPARE(replies.size(), 1);
        QCOMPARE(replies.first().status, 200);
        QCOMPARE(replies.first().header("content-type"), QByteArray("application/json"));
        const QJsonObject reply = QJsonDocument::fromJson(replies.first().body).object();
        QCOMPARE(reply.value(u"actionCode"_s).toInt(-1), 0);
        QCOMPARE(reply.value(u"nextCode"_s).toInt(-1), 0);
        QCOMPARE(reply.value(u"errMsg"_s).toString(), QString());

        const auto captures = waitForCaptures(1);
        QCOMPARE(captures.size(), 1);
        const CapturedRequest &c = captures.first();
        QCOMPARE(c.command, u"callbackBeforeSendSingleMsgCommand"_s);
        QCOMPARE(urlStyleName(c.urlStyle), style);
        QCOMPARE(c.operationID, u"op-7"_s);
        QCOMPARE(c.method, QByteArray("POST"));
        QCOMPARE(c.httpVersion, QByteArray("HTTP/1.1"));
        QCOMPARE(c.body, sampleBody);
        QCOMPARE(c.reply.status, 200);
    }

    void rawRequestLineIsKept()
    {
        QTcpSocket socket;
        // Qt calls PROPFIND "Unknown" and reads "//" as an authority: we keep what was sent.
        const auto replies = exchange(socket,
            "PROPFIND //callbackExample//callbackAfterUserOnlineCommand?x=1 HTTP/1.1\r\nHost: x\r\n\r\n", 1);
        QCOMPARE(replies.size(), 1);
        const auto captures = waitForCaptures(1);
        QCOMPARE(captures.first().method, QByteArray("PROPFIND"));
        QCOMPARE(captures.first().path, u"//callbackExample//callbackAfterUserOnlineCommand"_s);
        QCOMPARE(captures.first().query, u"x=1"_s);
        QVERIFY(captures.first().hasWarning(u"double-slash"_s));
    }

    void keepAliveServesManyRequests()
    {
        QTcpSocket socket;
        for (int i = 0; i < 5; ++i) {
            const auto replies =
                exchange(socket, post("/callbackExample/callbackAfterUserOnlineCommand", "{}"), 1);
            QCOMPARE(replies.size(), 1);
            QVERIFY(replies.first().header("connection").isEmpty());
            QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
        }
        waitForCaptures(5);
    }

    void connectionCloseIsHonoured()
    {
        QTcpSocket socket;
        const auto replies = exchange(socket, post("/callbackExample/x", "{}", "Connection: close\r\n"), 1);
        QCOMPARE(replies.size(), 1);
        QCOMPARE(replies.first().header("connection"), QByteArray("close"));
        QVERIFY(socket.state() == QAbstractSocket::UnconnectedState || socket.waitForDisconnected(2000));
    }

    void http10()
    {
        QTcpSocket plain;
        auto replies = exchange(plain, post("/callbackExample/x", "{}", {}, "HTTP/1.0"), 1);
        QCOMPARE(replies.size(), 1);
        QCOMPARE(replies.first().header("connection"), QByteArray("close"));
        QVERIFY(plain.state() == QAbstractSocket::UnconnectedState || plain.waitForDisconnected(2000));

        QTcpSocket keepAlive;
        replies = exchange(
            keepAlive, post("/callbackExample/x", "{}", "Connection: keep-alive\r\n", "HTTP/1.0"), 1);
        QCOMPARE(replies.size(), 1);
        QCOMPARE(replies.first().header("connection"), QByteArray("keep-alive"));
        replies = exchange(
            keepAlive, post("/callbackExample/y", "{}", "Connection: keep-alive\r\n", "HTTP/1.0"), 1);
        QCOMPARE(replies.size(), 1);
        const auto captures = waitForCaptures(3);
        QCOMPARE(captures.last().httpVersion, QByteArray("HTTP/1.0"));
    }

    void expectContinueIsAnswered()
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        QVERIFY(socket.waitForConnected(2000));
        const QByteArray body = QByteArray(10000, 'x');
        socket.write("POST /callbackExample/x HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\n\r\n");
        QElapsedTimer timer;
        timer.start();
        QVERIFY(socket.waitForReadyRead(900)); // curl would wait 1 s before sending the body anyway
        QVERIFY(socket.readAll().startsWith("HTTP/1.1 100 Continue\r\n\r\n"));
        const auto replies = exchange(socket, body, 1);
        QCOMPARE(replies.size(), 1);
        QCOMPARE(replies.first().status, 200);
        QCOMPARE(waitForCaptures(1).first().body.size(), body.size());
    }

    void bodyLimit()
    {
        QTcpSocket socket;
        const QByteArray big(64 * 1024 + 1, 'x');
        const auto replies = exchange(socket,
            post("/callbackExample/callbackBeforeSendSingleMsgCommand", big, "operationID: too-big\r\n"), 1);
        QCOMPARE(replies.size(), 1);
        QCOMPARE(replies.first().status, 413);
        QCOMPARE(replies.first().header("connection"), QByteArray("close"));
        QVERIFY(replies.first().body.contains("larger than 65536 bytes"));
        const auto captures = waitForCaptures(1);
        QCOMPARE(captures.first().rejection, Rejection::BodyTooLarge);
        QCOMPARE(captures.first().command, u"callbackBeforeSendSingleMsgCommand"_s);
        QCOMPARE(captures.first().operationID, u"too-big"_s);
        QCOMPARE(captures.first().reply.status, 413);
        QVERIFY(captures.first().hasWarning(u"body-too-large"_s));

        // Exactly at the limit is fine.
        QTcpSocket second;
        const auto ok = exchange(second, post("/callbackExample/x", QByteArray(64 * 1024, 'y')), 1);
        QCOMPARE(ok.size(), 1);
        QCOMPARE(ok.first().status, 200);
    }

    void chunkedBodyLimit()
    {
        QTcpSocket socket;
        QByteArray request =
            "POST /callbackExample/x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
        for (int i = 0; i < 20; ++i)
            request += "1000\r\n" + QByteArray(0x1000, 'z') + "\r\n";
        const auto replies = exchange(socket, request, 1);
        QCOMPARE(replies.size(), 1);
        QCOMPARE(replies.first().status, 413);
        QCOMPARE(waitForCaptures(1).first().rejection, Rejection::BodyTooLarge);
    }

    void headerLimit()
    {
        QTcpSocket socket;
        const auto replies =
            exchange(socket, post("/callbackExample/x", "{}", "X-Big: " + QByteArray(5000, 'h') + "\r\n"), 1);
        QCOMPARE(replies.size(), 1);
        QCOMPARE(replies.first().status, 431);
        const auto captures = waitForCaptures(1);
        QCOMPARE(captures.first().rejection, Rejection::HeaderTooLarge);
        QCOMPARE(captures.first().path, u"/callbackExample/x"_s);
    }

    void malformedIsAnsweredAndCaptured()
    {
        QTcpSocket socket;
        const auto replies =
            exchange(socket, QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11), 1);
        QCOMPARE(replies.size(), 1);
        QCOMPARE(replies.first().status, 400);
        QCOMPARE(waitForCaptures(1).first().rejection, Rejection::Malformed);
        // The server is still fine.
        QTcpSocket next;
        QCOMPARE(exchange(next, post("/callbackExample/x", "{}"), 1).size(), 1);
    }

    void delayIsNeverEarly()
    {
        QTcpSocket socket;
        QElapsedTimer timer;
        timer.start();
        const auto replies = exchange(socket, post("/callbackExample/x", "{}", "x-test-delay: 300\r\n"), 1);
        const qint64 elapsed = timer.elapsed();
        QCOMPARE(replies.size(), 1);
        QVERIFY2(elapsed >= 300, qPrintable(QString::number(elapsed)));
        QCOMPARE(waitForCaptures(1).first().reply.delayMs, 300);
    }

    void pipelinedDelayedRepliesStayInOrder()
    {
        QTcpSocket socket;
        const QByteArray requests =
            post("/callbackExample/first", "{}", "x-test-delay: 400\r\nx-test-status: 201\r\n")
            + post("/callbackExample/second", "{}", "x-test-delay: 0\r\nx-test-status: 202\r\n")
            + post("/callbackExample/third", "{}", "x-test-delay: 100\r\nx-test-status: 203\r\n");
        QElapsedTimer timer;
        timer.start();
        const auto replies = exchange(socket, requests, 3);
        QCOMPARE(replies.size(), 3);
        QCOMPARE(replies.at(0).status, 201);
        QCOMPARE(replies.at(1).status, 202);
        QCOMPARE(replies.at(2).status, 203);
        QVERIFY(timer.elapsed() >= 400);
        const auto captures = waitForCaptures(3);
        QCOMPARE(captures.at(0).command, u"first"_s);
        QCOMPARE(captures.at(2).command, u"third"_s);
    }

    void clientHangsUpDuringDelay()
    {
        {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, m_port);
            QVERIFY(socket.waitForConnected(2000));
            socket.write(post("/callbackExample/x", "{}", "x-test-delay: 300\r\n"));
            QVERIFY(socket.waitForBytesWritten(2000));
            waitForCaptures(1);
            socket.abort();
        }
        QTest::qWait(500); // the delayed reply's moment passes with its socket gone
        QTcpSocket next;
        const auto replies = exchange(next, post("/callbackExample/y", "{}"), 1);
        QCOMPARE(replies.size(), 1);
        QCOMPARE(replies.first().status, 200);
    }

    void idleConnectionsAreClosed()
    {
        QMetaObject::invokeMethod(
            m_server, [this] { m_server->stop(); }, Qt::BlockingQueuedConnection);
        ServerConfig config = testConfig();
        config.idleTimeoutMs = 300;
        QVERIFY(startServer(config));

        QTcpSocket idle;
        idle.connectToHost(QHostAddress::LocalHost, m_port);
        QVERIFY(idle.waitForConnected(2000));
        idle.write(
            "POST /callbackExample/x HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc"); // never finished
        QVERIFY(idle.waitForDisconnected(3000));

        // A pending delayed reply longer than the idle timeout still arrives.
        QTcpSocket waiting;
        const auto replies = exchange(waiting, post("/callbackExample/x", "{}", "x-test-delay: 700\r\n"), 1);
        QCOMPARE(replies.size(), 1);
        QCOMPARE(replies.first().status, 200);
    }

    void busyPortIsReported()
    {
        ServerConfig config = testConfig();
        config.port = m_port;
        CaptureStore store;
        CaptureServer second(&store);
        QVERIFY(!second.start(config));
        QVERIFY(!second.errorString().isEmpty());
        QVERIFY(!second.isListening());
    }

    // HTTPS with --tls-cert/--tls-key: answered over TLS, and handshakes that never finish (Qt 6.4's
    // QSslServer stops accepting after 30) do not stop the listener.
    void httpsAndAbortedHandshakes()
    {
        ServerConfig config = testConfig();
        config.tlsCertPath = QStringLiteral(CBI_TEST_DATA "/tls-cert.pem");
        config.tlsKeyPath = QStringLiteral(CBI_TEST_DATA "/tls-key.pem");
        QVERIFY(startServer(config));
        auto tlsExchange = [this](const QByteArray &request) {
            QSslSocket socket;
            socket.setPeerVerifyMode(QSslSocket::VerifyNone); // the test certificate is self-signed
            socket.connectToHostEncrypted(u"127.0.0.1"_s, m_port);
            if (!socket.waitForEncrypted(5000))
                return QByteArray("handshake failed: " + socket.errorString().toUtf8());
            socket.write(request);
            QByteArray got;
            while (!got.contains("nextCode") && socket.waitForReadyRead(5000))
                got += socket.readAll();
            return got;
        };
        QByteArray reply =
            tlsExchange(post("/callbackExample/callbackBeforeSendSingleMsgCommand", sampleBody));
        QVERIFY2(reply.startsWith("HTTP/1.1 200"), reply.constData());
        for (int i = 0; i < 40; ++i) {
            QTcpSocket probe;
            probe.connectToHost(QHostAddress::LocalHost, m_port);
            QVERIFY(probe.waitForConnected(2000));
            probe.write(QByteArray("\x16\x03\x01\x00", 4)); // the start of a ClientHello, then nothing
            probe.waitForBytesWritten(1000);
            probe.abort();
        }
        reply = tlsExchange(post("/callbackExample/callbackAfterSendSingleMsgCommand", sampleBody));
        QVERIFY2(reply.startsWith("HTTP/1.1 200"), reply.constData());
        QCOMPARE(waitForCaptures(2).size(), 2);

        // A key that cannot be read: a clear error, nothing listening.
        config.tlsKeyPath = QStringLiteral(CBI_TEST_DATA "/no-such-key.pem");
        CaptureStore store;
        CaptureServer broken(&store);
        QVERIFY(!broken.start(config));
        QVERIFY2(broken.errorString().contains(u"no-such-key.pem"_s), qPrintable(broken.errorString()));
    }
};

QTEST_GUILESS_MAIN(TestCaptureServer)
#include "tst_captureserver.moc"
