// SPDX-License-Identifier: MIT
// OpenImClient against real sockets on port 0: a scripted business server (plain or TLS, in this
// thread) answers with chosen bytes, and the client must report what OpenIM's Go client would.
#include "http/openimclient.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTest>
#include <QTimer>

#include <optional>

using namespace cbi;
using namespace Qt::StringLiterals;

namespace {

// Answers each connection with `reply` once the request's head and body are in; dripBytes > 0
// sends it in pieces every 50 ms; closeAfter closes the connection once it is written.
class ScriptedServer : public QTcpServer
{
public:
    QByteArray reply;
    int dripBytes = 0;
    bool closeAfter = true;
    bool greetFirst = false; // write the reply at once, before reading anything (plain only)
    QByteArray received;

    bool useTls(const QString &cert, const QString &key)
    {
        QFile c(cert), k(key);
        if (!c.open(QIODevice::ReadOnly) || !k.open(QIODevice::ReadOnly))
            return false;
        m_cert = QSslCertificate(c.readAll(), QSsl::Pem);
        m_key = QSslKey(k.readAll(), QSsl::Rsa, QSsl::Pem);
        m_tls = !m_cert.isNull() && !m_key.isNull();
        return m_tls;
    }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QSslSocket(this);
        socket->setSocketDescriptor(descriptor);
        if (greetFirst) {
            socket->write(reply);
            socket->disconnectFromHost();
            return;
        }
        connect(socket, &QSslSocket::readyRead, socket, [this, socket] {
            received += socket->readAll();
            const qsizetype end = received.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QByteArray head = received.left(end).toLower();
            const qsizetype cl = head.indexOf("content-length:");
            const qint64 length =
                cl < 0 ? 0 : head.mid(cl + 15, head.indexOf('\r', cl) - cl - 15).trimmed().toLongLong();
            if (received.size() - end - 4 < length || socket->property("answered").toBool())
                return;
            socket->setProperty("answered", true);
            answer(socket);
        });
        if (m_tls) {
            socket->setLocalCertificate(m_cert);
            socket->setPrivateKey(m_key);
            socket->setPeerVerifyMode(QSslSocket::VerifyNone);
            socket->startServerEncryption();
        }
    }

private:
    void answer(QSslSocket *socket)
    {
        if (dripBytes <= 0) {
            socket->write(reply);
            if (closeAfter)
                socket->disconnectFromHost();
            return;
        }
        auto *timer = new QTimer(socket);
        auto offset = std::make_shared<qsizetype>(0);
        connect(timer, &QTimer::timeout, socket, [this, socket, timer, offset] {
            socket->write(reply.mid(*offset, dripBytes));
            *offset += dripBytes;
            if (*offset >= reply.size()) {
                timer->stop();
                if (closeAfter)
                    socket->disconnectFromHost();
            }
        });
        timer->start(50);
    }

    bool m_tls = false;
    QSslCertificate m_cert;
    QSslKey m_key;
};

const QString certPath = QStringLiteral(CBI_TEST_DATA "/tls-cert.pem");
const QString keyPath = QStringLiteral(CBI_TEST_DATA "/tls-key.pem");
const QString wrongCertPath = QStringLiteral(CBI_TEST_DATA "/tls-wronghost-cert.pem");
const QString wrongKeyPath = QStringLiteral(CBI_TEST_DATA "/tls-wronghost-key.pem");

} // namespace

class TestOpenImClient : public QObject
{
    Q_OBJECT

    std::optional<OpenImClient::Reply> call(ScriptedServer &server, const QString &scheme,
        const OpenImClient::Tls &tls = {}, int timeoutMs = 3000, const QString &host = u"127.0.0.1"_s)
    {
        OpenImClient::Request request;
        request.url = QUrl(u"%1://%2:%3/biz/callbackBeforeSendSingleMsgCommand?k=v"_s.arg(scheme, host)
                               .arg(server.serverPort()));
        request.headers = {{"Content-Type", "application/json; charset=utf-8"}, {"Operationid", "op-1"}};
        request.body = "{\"sendID\":\"u1\"}";
        request.timeoutMs = timeoutMs;
        std::optional<OpenImClient::Reply> result;
        QObject context;
        OpenImClient::send(request, tls, &context, [&](OpenImClient::Reply r) { result = std::move(r); });
        QTest::qWaitFor([&] { return result.has_value(); }, timeoutMs + 3000);
        return result;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(QSslSocket::supportsSsl()); }

    // The request goes out as OpenIM writes it: one connection, the given headers, the body.
    void requestOnTheWire()
    {
        ScriptedServer server;
        server.reply = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-B: 2\r\nX-A: 1\r\n"
                       "Content-Length: 2\r\n\r\n{}";
        QVERIFY(server.listen(QHostAddress::LocalHost));
        const auto reply = call(server, u"http"_s);
        QVERIFY(reply);
        QCOMPARE(int(reply->failure), int(OpenImClient::Failure::None));
        QCOMPARE(reply->status, 200);
        QCOMPARE(reply->body, QByteArray("{}"));
        QCOMPARE(reply->headers.size(), 4);
        QCOMPARE(reply->headers.at(1).first, QByteArray("X-B")); // wire order
        QVERIFY(server.received.startsWith("POST /biz/callbackBeforeSendSingleMsgCommand?k=v HTTP/1.1\r\n"));
        QVERIFY(server.received.contains(
            QByteArray("\r\nHost: 127.0.0.1:" + QByteArray::number(server.serverPort()) + "\r\n")));
        QVERIFY(server.received.contains("\r\nOperationid: op-1\r\n"));
        QVERIFY(server.received.contains("\r\nContent-Length: 15\r\n"));
        QVERIFY(server.received.endsWith("\r\n\r\n{\"sendID\":\"u1\"}"));
    }

    // How the reply arrives, and what OpenIM's client makes of it.
    void replies_data()
    {
        QTest::addColumn<QByteArray>("reply");
        QTest::addColumn<int>("dripBytes");
        QTest::addColumn<bool>("closeAfter");
        QTest::addColumn<int>("timeoutMs");
        QTest::addColumn<int>("failure");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("error");
        using F = OpenImClient::Failure;
        QTest::newRow("content-length, kept open")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello") << 0 << false << 3000
            << int(F::None) << QByteArray("hello") << QString();
        QTest::newRow("chunked") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                                               "3\r\nhel\r\n2;x=y\r\nlo\r\n0\r\n\r\n")
                                 << 0 << false << 3000 << int(F::None) << QByteArray("hello") << QString();
        QTest::newRow("until close") << QByteArray("HTTP/1.0 200 OK\r\n\r\nhello") << 0 << true << 3000
                                     << int(F::None) << QByteArray("hello") << QString();
        QTest::newRow("interim 100 first")
            << QByteArray("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok")
            << 0 << false << 3000 << int(F::None) << QByteArray("ok") << QString();
        QTest::newRow("cut short") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\nhello") << 0
                                   << true << 3000 << int(F::Truncated) << QByteArray()
                                   << u"unexpected EOF"_s;
        QTest::newRow("chunked cut short")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhe") << 0 << true << 3000
            << int(F::Truncated) << QByteArray() << u"unexpected EOF"_s;
        QTest::newRow("closed, no reply")
            << QByteArray() << 0 << true << 3000 << int(F::Closed) << QByteArray() << u"EOF"_s;
        QTest::newRow("not HTTP") << QByteArray("SSH-2.0-OpenSSH_9.2\r\n\r\n") << 0 << true << 3000
                                  << int(F::Closed) << QByteArray() << u"malformed HTTP response"_s;
        // One deadline for the whole exchange: a body dripped past it fails, as Go's Client.Timeout.
        QTest::newRow("dripped past the deadline")
            << QByteArray(
                   "HTTP/1.1 200 OK\r\nContent-Length: 40\r\n\r\n0123456789012345678901234567890123456789")
            << 4 << false << 750 << int(F::Timeout) << QByteArray() << u"while reading body"_s;
        QTest::newRow("no head in time")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok") << 1 << false << 300
            << int(F::Timeout) << QByteArray() << u"awaiting headers"_s;
    }

    void replies()
    {
        QFETCH(QByteArray, reply);
        QFETCH(int, dripBytes);
        QFETCH(bool, closeAfter);
        QFETCH(int, timeoutMs);
        QFETCH(int, failure);
        QFETCH(QByteArray, body);
        QFETCH(QString, error);
        ScriptedServer server;
        server.reply = reply;
        server.dripBytes = dripBytes;
        server.closeAfter = closeAfter;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        QElapsedTimer clock;
        clock.start();
        const auto got = call(server, u"http"_s, {}, timeoutMs);
        QVERIFY(got);
        QCOMPARE(int(got->failure), failure);
        QVERIFY2(got->error.contains(error), qPrintable(got->error));
        if (failure == int(OpenImClient::Failure::None))
            QCOMPARE(got->body, body);
        if (failure == int(OpenImClient::Failure::Timeout))
            QVERIFY2(clock.elapsed() < timeoutMs + 1000, "the deadline is the whole exchange's");
    }

    void tooLargeIsCutOff()
    {
        ScriptedServer server;
        server.reply = "HTTP/1.1 200 OK\r\nContent-Length: 20000000\r\n\r\n" + QByteArray(20'000'000, 'x');
        QVERIFY(server.listen(QHostAddress::LocalHost));
        const auto got = call(server, u"http"_s, {}, 10000);
        QVERIFY(got);
        QCOMPARE(int(got->failure), int(OpenImClient::Failure::TooLarge));
        QVERIFY(got->body.size() <= OpenImClient::maxReplyBytes);
    }

    // TLS as OpenIM's Go client checks it: the certificate's CA and the host name; a handshake that
    // is no handshake fails; each with the real reason, never a plain-text request.
    void tls_data()
    {
        QTest::addColumn<QString>("serverCert");
        QTest::addColumn<QString>("serverKey");
        QTest::addColumn<QString>("caCert");
        QTest::addColumn<bool>("verify");
        QTest::addColumn<QString>("host");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("error");
        QTest::newRow("trusted CA") << certPath << keyPath << certPath << true << u"127.0.0.1"_s << true
                                    << QString();
        QTest::newRow("trusted CA, by name")
            << certPath << keyPath << certPath << true << u"localhost"_s << true << QString();
        QTest::newRow("untrusted certificate")
            << certPath << keyPath << QString() << true << u"127.0.0.1"_s << false << u"TLS: "_s;
        QTest::newRow("wrong host name") << wrongCertPath << wrongKeyPath << wrongCertPath << true
                                         << u"127.0.0.1"_s << false << u"host name"_s;
        QTest::newRow("no verification")
            << certPath << keyPath << QString() << false << u"127.0.0.1"_s << true << QString();
        QTest::newRow("handshake garbage")
            << QString() << QString() << certPath << true << u"127.0.0.1"_s << false << u"TLS: "_s;
    }

    void tls()
    {
        QFETCH(QString, serverCert);
        QFETCH(QString, serverKey);
        QFETCH(QString, caCert);
        QFETCH(bool, verify);
        QFETCH(QString, host);
        QFETCH(bool, ok);
        QFETCH(QString, error);
        ScriptedServer server;
        server.reply = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}";
        if (serverCert.isEmpty()) {
            // A plain server answering at once: what the client reads is no TLS record.
            server.reply = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n";
            server.greetFirst = true;
        } else {
            QVERIFY(server.useTls(serverCert, serverKey));
        }
        QVERIFY(server.listen(QHostAddress::LocalHost));
        const auto got = call(server, u"https"_s, {caCert, verify}, 3000, host);
        QVERIFY(got);
        if (ok) {
            QCOMPARE(int(got->failure), int(OpenImClient::Failure::None));
            QCOMPARE(got->status, 200);
            QCOMPARE(got->body, QByteArray("{}"));
        } else {
            QCOMPARE(int(got->failure), int(OpenImClient::Failure::Tls));
            QVERIFY2(got->error.contains(error, Qt::CaseInsensitive), qPrintable(got->error));
            QCOMPARE(got->status, 0);
            QVERIFY2(!server.received.contains("POST"), "nothing is sent in clear text");
        }
    }

    void refusals()
    {
        for (const QString &url : {u"ftp://127.0.0.1/x"_s, u"http:///nohost"_s}) {
            OpenImClient::Request request;
            request.url = QUrl(url);
            std::optional<OpenImClient::Reply> got;
            QObject context;
            OpenImClient::send(request, {}, &context, [&](OpenImClient::Reply r) { got = std::move(r); });
            QVERIFY2(!got, "asynchronous even when refused");
            QTRY_VERIFY(got);
            QCOMPARE(int(got->failure), int(OpenImClient::Failure::Closed));
            QVERIFY(!got->error.isEmpty());
        }
        QVERIFY(OpenImClient::checkTls({u"/nonexistent.pem"_s, true}).contains(u"no PEM certificate"_s));
        QVERIFY(OpenImClient::checkTls({certPath, true}).isEmpty());
    }

    // The caller went away (a closed dialog): its callback never runs.
    void contextGoneDropsTheCall()
    {
        ScriptedServer server;
        server.reply = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
        server.dripBytes = 1;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        OpenImClient::Request request;
        request.url = QUrl(u"http://127.0.0.1:%1/"_s.arg(server.serverPort()));
        bool called = false;
        auto *context = new QObject;
        OpenImClient::send(request, {}, context, [&](OpenImClient::Reply) { called = true; });
        QTest::qWait(100);
        delete context;
        QTest::qWait(2500);
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestOpenImClient)
#include "tst_openimclient.moc"
