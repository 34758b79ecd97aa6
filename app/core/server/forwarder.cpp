// SPDX-License-Identifier: MIT
#include "forwarder.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

#include <algorithm>

namespace cbi {

Forwarder::Forwarder(const QString &basePath)
    : m_basePath(basePath)
{
}

Forwarder::~Forwarder()
{
    if (m_network) {
        for (QNetworkReply *reply : m_network->findChildren<QNetworkReply *>())
            reply->disconnect();
    }
}

QUrl Forwarder::target(const QString &base, const QString &path, const QString &query) const
{
    QString suffix = path;
    if (!m_basePath.isEmpty() && (path == m_basePath || path.startsWith(m_basePath + QLatin1Char('/'))))
        suffix = path.mid(m_basePath.size());
    QString url = base;
    while (url.endsWith(QLatin1Char('/')))
        url.chop(1);
    url += suffix;
    if (!query.isEmpty())
        url += QLatin1Char('?') + query;
    return QUrl(url, QUrl::StrictMode);
}

void Forwarder::forward(CapturedRequest c, int timeoutMs, std::function<void(CapturedRequest)> done)
{
    if (!m_network)
        m_network = std::make_unique<QNetworkAccessManager>();
    const QUrl url = target(c.reply.forwardUrl, c.path, c.query);
    QNetworkRequest request(url);
    request.setTransferTimeout(timeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    for (const auto &h : c.headers) {
        static const QByteArrayView hopByHop[] = {"host", "content-length", "connection", "transfer-encoding",
            "expect", "keep-alive", "te", "upgrade", "proxy-connection",
            "accept-encoding"}; // Qt then decompresses; a gzip body would reach OpenIM's verdict raw
        if (std::none_of(std::begin(hopByHop), std::end(hopByHop),
                [&](QByteArrayView name) { return name.compare(h.first, Qt::CaseInsensitive) == 0; }))
            request.setRawHeader(h.first, h.second);
    }
    QNetworkReply *reply = m_network->sendCustomRequest(request, c.method, c.body);
    QElapsedTimer clock;
    clock.start();
    // OpenIM's client has one deadline for the whole exchange, body included (Go's Client.Timeout);
    // Qt's transfer timeout only counts silence, so a dripping reply outlived it.
    auto overrun = std::make_shared<QString>();
    QTimer::singleShot(timeoutMs, reply, [reply, overrun, timeoutMs] {
        *overrun = QStringLiteral("no complete reply within %1 ms").arg(timeoutMs);
        reply->abort();
    });
    QObject::connect(reply, &QNetworkReply::readyRead, reply, [reply, overrun] {
        if (reply->bytesAvailable() > maxReplyBytes && overrun->isEmpty()) {
            *overrun = QStringLiteral("reply larger than %1 bytes: the inspector stopped reading it")
                           .arg(maxReplyBytes);
            reply->abort();
        }
    });
    QObject::connect(reply, &QNetworkReply::finished, reply,
        [reply, c = std::move(c), done = std::move(done), clock, url, timeoutMs, overrun]() mutable {
            reply->deleteLater();
            Forwarded &f = c.forward;
            f.url = url.toString();
            f.elapsedMs = clock.elapsed();
            f.overridden = c.reply.forwardOverride;
            const bool tooLarge = overrun->startsWith(QLatin1String("reply larger"));
            const bool timedOut = !tooLarge
                && (!overrun->isEmpty() || reply->error() == QNetworkReply::OperationCanceledError
                    || reply->error() == QNetworkReply::TimeoutError);
            f.status =
                overrun->isEmpty() ? reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() : 0;
            if (f.status > 0) {
                f.headers = reply->rawHeaderPairs();
                f.body = reply->readAll();
            } else if (!overrun->isEmpty()) {
                f.error = *overrun;
            } else {
                f.error =
                    timedOut ? QStringLiteral("no reply within %1 ms").arg(timeoutMs) : reply->errorString();
            }
            if (!f.overridden) {
                c.reply.status = f.status;
                c.reply.headers.clear();
                c.reply.body = f.body;
                for (const auto &h : std::as_const(f.headers)) {
                    if (h.first.compare("content-type", Qt::CaseInsensitive) == 0)
                        c.reply.headers.append(h); // our writer frames the body itself
                }
                // OpenIM sees what it would see of the real server: no reply in time, or none at all.
                if (f.status == 0)
                    c.reply.fault = timedOut ? Fault::Hang : Fault::Close;
            }
            done(std::move(c));
        });
}

} // namespace cbi
