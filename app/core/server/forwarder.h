// SPDX-License-Identifier: MIT
#pragma once

#include "capture/capturedrequest.h"
#include "http/openimclient.h"

#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

class QObject;

namespace cbi {

// Forward mode: asks, through OpenImClient (TLS checked as OpenIM does), the real business server (the rule's
// forward URL plus what follows the base path, as OpenIM would have called it) and records its answer in the
// capture. Bounded as OpenIM's client is: one deadline for the whole exchange, and at most maxReplyBytes of
// reply.
class Forwarder
{
public:
    // 1.5 GB read whole once took 12.8 GB.
    static constexpr qint64 maxReplyBytes = OpenImClient::maxReplyBytes;

    Forwarder(const QString &basePath, const OpenImClient::Tls &tls);
    ~Forwarder(); // forwards still in flight are dropped, never finished into a dead owner

    // done(capture): c.forward holds the business server's answer (or why there is none); unless the
    // rule overrides it, c.reply becomes that answer, or the fault OpenIM would see of a failure.
    void forward(CapturedRequest c, int timeoutMs, std::function<void(CapturedRequest)> done);
    QUrl target(const QString &base, const QString &path, const QString &query) const;

private:
    QString m_basePath;
    OpenImClient::Tls m_tls;
    std::unique_ptr<QObject> m_inFlight; // the calls' context: deleting it drops them
};

} // namespace cbi
