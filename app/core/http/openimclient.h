// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <functional>

namespace cbi {

// The one client that acts as OpenIM towards a business server: `send`, Simulate, Replay and forward
// mode all call through it. It behaves as OpenIM's Go client does, so what it reports is what OpenIM
// would see: one request per connection and no retries (QNetworkAccessManager silently re-sends a
// POST whose connection was reset), one deadline for the whole exchange, body included (Go's
// Client.Timeout), TLS verified against the system's CAs and the host name. Asynchronous: nothing
// blocks the thread it lives on.
class OpenImClient
{
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    struct Request
    {
        QByteArray method = "POST";
        QUrl url; // http:// or https://
        Headers headers; // sent as given; Host, Content-Length and Connection are the client's
        QByteArray body;
        int timeoutMs = 5000;
    };

    struct Tls
    {
        QString caCertPath; // a PEM CA (or self-signed certificate) trusted besides the system's
        bool verify = true; // false: no certificate checks (OpenIM itself would refuse)
    };

    enum class Failure
    {
        None,
        Timeout,
        Closed,
        Truncated,
        TooLarge,
        Tls
    };

    struct Reply
    {
        Failure failure = Failure::None;
        QString error; // why it failed, as Go's client words it where it can
        int status = 0; // 0: no status line arrived
        Headers headers; // wire order
        QByteArray body; // de-chunked
        qint64 elapsedMs = 0;
    };

    // Replies past this are cut off and count as a failed call (a 4 GB reply once took 16.8 GB).
    static constexpr qsizetype maxReplyBytes = 16 * 1024 * 1024;

    // Starts one exchange; done runs once, on the calling thread, unless context is destroyed first.
    static void send(
        const Request &request, const Tls &tls, QObject *context, std::function<void(Reply)> done);
    // For the command line only: blocks with a local event loop (never call it on the GUI thread).
    static Reply sendAndWait(const Request &request, const Tls &tls);
    // Empty, or why the TLS settings cannot be used (an unreadable or empty CA file).
    static QString checkTls(const Tls &tls);
};

} // namespace cbi
