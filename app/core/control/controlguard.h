// SPDX-License-Identifier: MIT
#pragma once

#include "capture/capturedrequest.h"

#include <QStringList>

#include <optional>

namespace cbi {

// Who may drive the control API. A web page the user visits can send requests to 127.0.0.1 too
// (cross-site requests, and DNS rebinding, which makes an attacker's name resolve to 127.0.0.1), so
// loopback alone proves nothing. As Node's inspector and Jupyter do, the guard refuses:
// - a Host that is not "localhost", an IP literal or a name the user allowed (a rebound page
//   always sends its own domain name);
// - any Origin that is not the Host itself ("null" included): browsers send Origin on cross-site
//   writes, and scripts and curl send none;
// - a write (POST, PUT) whose Content-Type is not application/json: a browser can only send that
//   cross-site after a CORS preflight, which this API never grants;
// - with a token: a request without "Authorization: Bearer TOKEN" (scheme in any case).
class ControlGuard
{
public:
    struct Refusal
    {
        int status = 403;
        QString message;
    };

    ControlGuard() = default;
    ControlGuard(const QString &token, const QStringList &allowedHosts);

    std::optional<Refusal> check(const CapturedRequest &request) const;
    // Whether a captured callback's header carries our token (it is then masked before it is kept).
    bool carriesToken(QByteArrayView authorization) const;
    QString token() const { return m_token; }

    // The host part of a Host header or origin authority, lower-case, without port or brackets.
    static QString hostName(QByteArrayView authority);
    static bool isIpLiteral(const QString &host);

private:
    bool tokenMatches(QByteArrayView authorization) const;

    QString m_token;
    QStringList m_allowedHosts; // lower-case
};

} // namespace cbi
