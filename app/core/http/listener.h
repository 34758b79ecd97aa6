// SPDX-License-Identifier: MIT
#pragma once

#include "connection.h"

#include <QFile>
#include <QSet>
#include <QSocketNotifier>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTimer>

#include <cerrno>
#include <sys/socket.h>

namespace cbi {

// Our own listener: a deep backlog, and every accepted socket gets its Connection at once. With
// TLS each socket starts its server handshake here; there is no pending-connection queue to fill,
// so handshakes that never finish (Qt 6.4's QSslServer stops accepting after 30 of them) only
// cost their own socket until the idle timeout.
class Listener : public QTcpServer
{
public:
    Listener(RequestSink *sink, HttpFramer::Limits limits, int idle)
        : m_sink(sink)
        , m_limits(limits)
    {
        // One sweep for every connection's idle timeout (a timer per connection costs a burst of
        // thousands of connections dearly in Qt 6.4, see ReplyTimers).
        m_sweep.setInterval(qBound(20, idle / 4, 1000));
        connect(&m_sweep, &QTimer::timeout, this, [this, idle] {
            const QSet<Connection *> all = m_connections; // a sweep may close some
            for (Connection *conn : all)
                conn->sweepIdle(idle);
        });
        m_sweep.start();
    }

    ~Listener() override
    {
        // The sockets, and with them their connections, go before the set they are listed in.
        qDeleteAll(findChildren<QTcpSocket *>(Qt::FindDirectChildrenOnly));
    }

    // Every connection that is open now.
    QList<Connection *> connections() const { return m_connections.values(); }

    // Loads the PEM certificate chain and key; false with a message when they cannot be used.
    bool setTls(const QString &certPath, const QString &keyPath, QString *error)
    {
        if (!QSslSocket::supportsSsl()) {
            *error = QStringLiteral("no TLS backend is available (Qt's OpenSSL plugin)");
            return false;
        }
        QFile certFile(certPath);
        QFile keyFile(keyPath);
        if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read %1").arg(certFile.isOpen() ? keyPath : certPath);
            return false;
        }
        const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
        const QByteArray keyData = keyFile.readAll();
        QSslKey key(keyData, QSsl::Rsa, QSsl::Pem);
        if (key.isNull())
            key = QSslKey(keyData, QSsl::Ec, QSsl::Pem);
        if (chain.isEmpty() || chain.first().isNull()) {
            *error = QStringLiteral("%1 holds no PEM certificate").arg(certPath);
            return false;
        }
        if (key.isNull()) {
            *error = QStringLiteral("%1 holds no unencrypted PEM RSA or EC private key").arg(keyPath);
            return false;
        }
        m_tls = QSslConfiguration::defaultConfiguration();
        m_tls.setLocalCertificateChain(chain);
        m_tls.setPrivateKey(key);
        m_tls.setPeerVerifyMode(QSslSocket::VerifyNone); // OpenIM presents no client certificate
        m_useTls = true;
        return true;
    }

    // Qt's accept loop retries at once when accept() fails for want of descriptors, spinning a core
    // while no callback is served (reliability report 5.2). Ours pauses 100 ms then, and the
    // waiting clients stay in the kernel's backlog until descriptors are free again.
    void takeOverAccepting()
    {
        pauseAccepting();
        m_accept = new QSocketNotifier(socketDescriptor(), QSocketNotifier::Read, this);
        connect(m_accept, &QSocketNotifier::activated, this, &Listener::acceptPending);
        m_acceptRetry.setSingleShot(true);
        m_acceptRetry.setInterval(100);
        connect(&m_acceptRetry, &QTimer::timeout, this, [this] {
            m_accept->setEnabled(true);
            acceptPending();
        });
    }

private:
    void acceptPending()
    {
        for (int i = 0; i < 256; ++i) { // then the other sockets get their turn
            const int fd = ::accept4(int(socketDescriptor()), nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
            if (fd >= 0) {
                incomingConnection(fd);
                continue;
            }
            if (errno == EINTR || errno == ECONNABORTED)
                continue;
            if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
                m_accept->setEnabled(false);
                m_acceptRetry.start();
            }
            return; // EAGAIN: nothing more to accept
        }
    }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        QTcpSocket *socket = nullptr;
        if (m_useTls) {
            auto *ssl = new QSslSocket(this);
            ssl->setSslConfiguration(m_tls);
            socket = ssl;
        } else {
            socket = new QTcpSocket(this);
        }
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        new Connection(socket, m_sink, m_limits, &m_connections);
        if (m_useTls)
            static_cast<QSslSocket *>(socket)->startServerEncryption();
    }

private:
    RequestSink *m_sink;
    HttpFramer::Limits m_limits;
    QSet<Connection *> m_connections; // live ones: each adds and removes itself
    QTimer m_sweep;
    bool m_useTls = false;
    QSslConfiguration m_tls;
    QSocketNotifier *m_accept = nullptr;
    QTimer m_acceptRetry;
};

} // namespace cbi
