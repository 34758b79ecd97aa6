// SPDX-License-Identifier: MIT
#include "forwarder.h"

#include <algorithm>

namespace cbi {

Forwarder::Forwarder(const QString &basePath, const OpenImClient::Tls &tls)
    : m_basePath(basePath)
    , m_tls(tls)
{
}

Forwarder::~Forwarder() = default;

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
    OpenImClient::Request request;
    request.method = c.method;
    request.url = target(c.reply.forwardUrl, c.path, c.query);
    request.body = c.body;
    request.timeoutMs = timeoutMs;
    for (const auto &h : std::as_const(c.headers)) {
        static const QByteArrayView hopByHop[] = {"host", "content-length", "connection", "transfer-encoding",
            "expect", "keep-alive", "te", "upgrade", "proxy-connection",
            "accept-encoding"}; // the business server would compress; the reply goes to OpenIM's verdict raw
        if (std::none_of(std::begin(hopByHop), std::end(hopByHop),
                [&](QByteArrayView name) { return name.compare(h.first, Qt::CaseInsensitive) == 0; }))
            request.headers.append(h);
    }
    const QUrl url = request.url;
    if (!m_inFlight) // on first use, so it lives on the server's thread
        m_inFlight = std::make_unique<QObject>();
    OpenImClient::send(request, m_tls, m_inFlight.get(),
        [c = std::move(c), done = std::move(done), url](const OpenImClient::Reply &reply) mutable {
            using Failure = OpenImClient::Failure;
            Forwarded &f = c.forward;
            f.url = url.toString();
            f.elapsedMs = reply.elapsedMs;
            f.overridden = c.reply.forwardOverride;
            // A body cut short or past the deadline is no answer: OpenIM's client fails on it too.
            const bool answered = reply.failure == Failure::None && reply.status > 0;
            if (answered) {
                f.status = reply.status;
                f.headers = reply.headers;
                f.body = reply.body;
            } else {
                f.error = reply.error;
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
                if (!answered)
                    c.reply.fault = reply.failure == Failure::Timeout ? Fault::Hang : Fault::Close;
            }
            done(std::move(c));
        });
}

} // namespace cbi
