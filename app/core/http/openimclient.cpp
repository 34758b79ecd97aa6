// SPDX-License-Identifier: MIT
#include "openimclient.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTimer>

namespace cbi {

namespace {

// One exchange: its socket, its deadline and the reply read so far. Deletes itself when done.
class Exchange : public QObject
{
public:
    Exchange(const OpenImClient::Request &request, std::function<void(OpenImClient::Reply)> done)
        : m_request(request)
        , m_done(std::move(done))
        , m_socket(new QSslSocket(this))
    {
        m_clock.start();
        m_deadline.setSingleShot(true);
        m_deadline.setTimerType(Qt::PreciseTimer);
        connect(&m_deadline, &QTimer::timeout, this, [this] {
            // Go's Client.Timeout covers the whole exchange: a reply still dripping in when it runs
            // out is an error (90004), however much of it came.
            fail(OpenImClient::Failure::Timeout,
                m_headEnd < 0 ? QStringLiteral(
                    "context deadline exceeded (Client.Timeout exceeded while awaiting headers)")
                              : QStringLiteral(
                                  "context deadline exceeded (Client.Timeout or context cancellation while "
                                  "reading body)"));
        });
        connect(m_socket, &QSslSocket::readyRead, this, &Exchange::read);
        connect(m_socket, &QSslSocket::disconnected, this, [this] { end(); });
        connect(m_socket, &QSslSocket::errorOccurred, this, [this](QAbstractSocket::SocketError e) {
            if (e == QAbstractSocket::RemoteHostClosedError)
                return end();
            if (e == QAbstractSocket::SslHandshakeFailedError || e == QAbstractSocket::SslInternalError
                || e == QAbstractSocket::SslInvalidUserDataError)
                return fail(
                    OpenImClient::Failure::Tls, QStringLiteral("TLS: %1").arg(m_socket->errorString()));
            fail(OpenImClient::Failure::Closed, m_socket->errorString());
        });
        connect(m_socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
            QStringList reasons;
            for (const QSslError &e : errors)
                reasons.append(e.errorString());
            fail(OpenImClient::Failure::Tls,
                QStringLiteral("TLS: %1").arg(reasons.join(QStringLiteral("; "))));
        });
    }

    void start(const OpenImClient::Tls &tls)
    {
        const bool https = m_request.url.scheme() == QLatin1String("https");
        connect(
            m_socket, https ? &QSslSocket::encrypted : &QSslSocket::connected, this, &Exchange::writeRequest);
        m_deadline.start(qMax(1, m_request.timeoutMs));
        const QString host = m_request.url.host();
        if (!https)
            return m_socket->connectToHost(host, quint16(m_request.url.port(80)));
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        if (!tls.caCertPath.isEmpty())
            config.addCaCertificates(QSslCertificate::fromPath(tls.caCertPath, QSsl::Pem));
        if (!tls.verify)
            config.setPeerVerifyMode(QSslSocket::VerifyNone);
        m_socket->setSslConfiguration(config);
        m_socket->connectToHostEncrypted(host, quint16(m_request.url.port(443)));
    }

    void cancel()
    {
        m_done = nullptr;
        m_socket->abort();
        deleteLater();
    }

private:
    void writeRequest()
    {
        const QUrl &url = m_request.url;
        QByteArray target = url.path(QUrl::FullyEncoded).toLatin1();
        if (target.isEmpty())
            target = "/";
        if (url.hasQuery())
            target += '?' + url.query(QUrl::FullyEncoded).toLatin1();
        QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
        if (host.contains(':'))
            host = '[' + host + ']';
        if (url.port() != -1)
            host += ':' + QByteArray::number(url.port());
        QByteArray head = m_request.method + ' ' + target + " HTTP/1.1\r\nHost: " + host + "\r\n";
        for (const auto &h : std::as_const(m_request.headers))
            head += h.first + ": " + h.second + "\r\n";
        if (!m_request.body.isEmpty() || m_request.method == "POST" || m_request.method == "PUT")
            head += "Content-Length: " + QByteArray::number(m_request.body.size()) + "\r\n";
        // One request per connection: a fresh connection for every call, as Go with a fresh pool.
        head += "Connection: close\r\n\r\n";
        m_socket->write(head + m_request.body);
    }

    void read()
    {
        if (!m_done)
            return;
        const qsizetype before = m_received.size();
        m_received += m_socket->read(OpenImClient::maxReplyBytes + 1 - m_received.size());
        if (m_received.size() > OpenImClient::maxReplyBytes) {
            // OpenIM decodes a few fields of a small JSON object; a reply this large only costs memory.
            m_received.truncate(OpenImClient::maxReplyBytes);
            return fail(OpenImClient::Failure::TooLarge,
                QStringLiteral("reply larger than %1 bytes: stopped reading")
                    .arg(OpenImClient::maxReplyBytes));
        }
        if (m_headEnd < 0 && !parseHead(before))
            return;
        if (bodyComplete())
            finish();
    }

    // Finds and parses the head in the new bytes (linear over a reply arriving in many pieces).
    bool parseHead(qsizetype before)
    {
        for (;;) {
            const qsizetype end = m_received.indexOf("\r\n\r\n", qMax<qsizetype>(0, before - 3));
            if (end < 0)
                return false;
            const QList<QByteArray> lines = m_received.left(end).split('\n');
            const QList<QByteArray> status = lines.first().trimmed().split(' ');
            bool ok = false;
            m_reply.status = status.value(1).toInt(&ok);
            if (!status.first().startsWith("HTTP/1.") || !ok || m_reply.status < 100
                || m_reply.status > 999) {
                m_reply.status = 0;
                fail(OpenImClient::Failure::Closed,
                    QStringLiteral("malformed HTTP response \"%1\"")
                        .arg(QString::fromLatin1(lines.first().trimmed())));
                return false;
            }
            if (m_reply.status >= 100 && m_reply.status < 200) { // an interim reply: the real one follows
                m_received.remove(0, end + 4);
                before = 0;
                continue;
            }
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const QByteArray line = lines.at(i).trimmed();
                const qsizetype colon = line.indexOf(':');
                if (colon <= 0)
                    continue;
                const QByteArray name = line.left(colon).trimmed();
                const QByteArray value = line.mid(colon + 1).trimmed();
                m_reply.headers.append({name, value});
                if (name.compare("content-length", Qt::CaseInsensitive) == 0)
                    m_length = value.toLongLong();
                else if (name.compare("transfer-encoding", Qt::CaseInsensitive) == 0)
                    m_chunked = value.toLower().contains("chunked");
            }
            m_headEnd = end + 4;
            m_chunkPos = m_headEnd;
            if (m_request.method == "HEAD" || m_reply.status == 204 || m_reply.status == 304)
                m_length = 0;
            return true;
        }
    }

    // Whether the body is all there by its framing (chunked, Content-Length); otherwise it ends
    // where the connection does.
    bool bodyComplete()
    {
        if (m_chunked) {
            for (;;) {
                const qsizetype nl = m_received.indexOf("\r\n", m_chunkPos);
                if (nl < 0)
                    return false;
                bool ok = false;
                const qint64 size = m_received.mid(m_chunkPos, nl - m_chunkPos)
                                        .split(';')
                                        .first()
                                        .trimmed()
                                        .toLongLong(&ok, 16);
                if (!ok || size < 0)
                    return false; // ends with the connection: unexpected EOF then
                if (size == 0)
                    return true; // trailers are not read: OpenIM ignores them
                if (m_received.size() < nl + 2 + size + 2)
                    return false;
                m_reply.body += m_received.mid(nl + 2, size);
                m_chunkPos = nl + 2 + size + 2;
            }
        }
        return m_length >= 0 && m_received.size() - m_headEnd >= m_length;
    }

    void end()
    {
        if (!m_done)
            return;
        if (m_socket->bytesAvailable())
            read();
        if (!m_done)
            return;
        if (m_headEnd < 0)
            return fail(OpenImClient::Failure::Closed,
                m_received.isEmpty() ? QStringLiteral("EOF")
                                     : QStringLiteral("malformed HTTP response (no end of head)"));
        if (m_chunked || (m_length >= 0 && m_received.size() - m_headEnd < m_length)) {
            // The body was cut short: Go fails reading it.
            return fail(OpenImClient::Failure::Truncated, QStringLiteral("unexpected EOF"));
        }
        finish();
    }

    void fail(OpenImClient::Failure failure, const QString &error)
    {
        if (!m_done)
            return;
        m_reply.failure = failure;
        m_reply.error = error;
        finish();
    }

    void finish()
    {
        if (!m_done)
            return;
        if (m_headEnd >= 0 && !m_chunked)
            m_reply.body = m_received.mid(m_headEnd, m_length >= 0 ? m_length : -1);
        m_reply.elapsedMs = m_clock.elapsed();
        m_deadline.stop();
        auto done = std::move(m_done);
        m_done = nullptr;
        m_socket->abort();
        deleteLater();
        done(std::move(m_reply));
    }

    OpenImClient::Request m_request;
    std::function<void(OpenImClient::Reply)> m_done;
    QSslSocket *m_socket;
    QTimer m_deadline;
    QElapsedTimer m_clock;
    QByteArray m_received;
    OpenImClient::Reply m_reply;
    qsizetype m_headEnd = -1;
    qint64 m_length = -1;
    bool m_chunked = false;
    qsizetype m_chunkPos = 0;
};

} // namespace

QString OpenImClient::checkTls(const Tls &tls)
{
    if (tls.caCertPath.isEmpty())
        return {};
    if (QSslCertificate::fromPath(tls.caCertPath, QSsl::Pem).isEmpty())
        return QStringLiteral("%1 holds no PEM certificate").arg(tls.caCertPath);
    return {};
}

void OpenImClient::send(
    const Request &request, const Tls &tls, QObject *context, std::function<void(Reply)> done)
{
    const QString scheme = request.url.scheme();
    QString refusal = checkTls(tls);
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        refusal = QStringLiteral("unsupported protocol scheme \"%1\"").arg(scheme);
    else if (request.url.host().isEmpty())
        refusal = QStringLiteral("no host in the URL");
    else if (scheme == QLatin1String("https") && !QSslSocket::supportsSsl())
        refusal = QStringLiteral("no TLS backend is available (Qt's OpenSSL plugin)");
    if (!refusal.isEmpty()) {
        // Still asynchronous, so callers see one behaviour.
        QTimer::singleShot(0, context, [done = std::move(done), refusal] {
            Reply reply;
            reply.failure = Failure::Closed;
            reply.error = refusal;
            done(std::move(reply));
        });
        return;
    }
    auto *exchange = new Exchange(request, std::move(done));
    QObject::connect(context, &QObject::destroyed, exchange, [exchange] { exchange->cancel(); });
    exchange->start(tls);
}

OpenImClient::Reply OpenImClient::sendAndWait(const Request &request, const Tls &tls)
{
    QObject context;
    QEventLoop loop;
    Reply result;
    send(request, tls, &context, [&](Reply reply) {
        result = std::move(reply);
        loop.quit();
    });
    loop.exec();
    return result;
}

} // namespace cbi
