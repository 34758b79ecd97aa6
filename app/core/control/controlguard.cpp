// SPDX-License-Identifier: MIT
#include "controlguard.h"

#include <QHostAddress>

namespace cbi {

ControlGuard::ControlGuard(const QString &token, const QStringList &allowedHosts)
    : m_token(token)
{
    for (const QString &host : allowedHosts)
        m_allowedHosts.append(host.toLower());
}

QString ControlGuard::hostName(QByteArrayView authority)
{
    QByteArrayView a = authority.trimmed();
    if (a.startsWith('[')) {
        const qsizetype close = a.indexOf(']');
        return close < 0 ? QString() : QString::fromLatin1(a.sliced(1, close - 1)).toLower();
    }
    const qsizetype colon = a.lastIndexOf(':');
    if (colon >= 0)
        a = a.first(colon);
    return QString::fromLatin1(a).toLower();
}

bool ControlGuard::isIpLiteral(const QString &host)
{
    // QHostAddress also takes shorthand such as "127.1" or "2130706433": only dotted quads and
    // IPv6 count, which no DNS name can be.
    QHostAddress address;
    if (!address.setAddress(host))
        return false;
    if (address.protocol() == QAbstractSocket::IPv6Protocol)
        return true;
    return host.count(QLatin1Char('.')) == 3;
}

bool ControlGuard::tokenMatches(QByteArrayView authorization) const
{
    const QByteArrayView value = authorization.trimmed();
    if (value.size() < 7 || QByteArrayView(value.first(7)).compare("bearer ", Qt::CaseInsensitive) != 0)
        return false;
    const QByteArray given = value.sliced(7).trimmed().toByteArray();
    const QByteArray wanted = m_token.toUtf8();
    // Constant time for tokens of the wanted length: no early exit on the first difference.
    if (given.size() != wanted.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < wanted.size(); ++i)
        diff |= static_cast<unsigned char>(given.at(i) ^ wanted.at(i));
    return diff == 0;
}

bool ControlGuard::carriesToken(QByteArrayView authorization) const
{
    return !m_token.isEmpty() && authorization.contains(m_token.toUtf8());
}

std::optional<ControlGuard::Refusal> ControlGuard::check(const CapturedRequest &request) const
{
    const QString host = hostName(request.headerValue("host"));
    if (host.isEmpty()
        || !(host == QLatin1String("localhost") || isIpLiteral(host) || m_allowedHosts.contains(host)))
        return Refusal {403,
            QStringLiteral("the control API answers only requests addressed to localhost or an IP address "
                           "(Host: %1); allow a name with --allow-host")
                .arg(host.isEmpty() ? QStringLiteral("(none)") : host)};
    const QByteArray origin = request.headerValue("origin");
    if (!origin.isNull()) {
        const qsizetype scheme = origin.indexOf("://");
        const QByteArray authority = scheme < 0 ? QByteArray() : origin.mid(scheme + 3);
        const QByteArray ownHost = request.headerValue("host").trimmed().toLower();
        if (authority.isEmpty() || authority.toLower() != ownHost)
            return Refusal {403,
                QStringLiteral("cross-site request refused (Origin: %1): the control API is for scripts, "
                               "not web pages")
                    .arg(QString::fromLatin1(origin.left(200)))};
    }
    if (request.headerValue("sec-fetch-site") == "cross-site")
        return Refusal {403, QStringLiteral("cross-site request refused (Sec-Fetch-Site: cross-site)")};
    if (!m_token.isEmpty() && !tokenMatches(request.headerValue("authorization")))
        return Refusal {401,
            QStringLiteral("this inspector wants a token: send \"Authorization: Bearer TOKEN\" with the "
                           "token given by --token or printed at start")};
    if (request.method == "POST" || request.method == "PUT") {
        const QByteArray type = request.headerValue("content-type");
        const qsizetype semicolon = type.indexOf(';');
        const QByteArray mime = (semicolon < 0 ? type : type.first(semicolon)).trimmed().toLower();
        if (mime != "application/json")
            return Refusal {415,
                QStringLiteral("writes need \"Content-Type: application/json\" (got %1)")
                    .arg(type.isEmpty() ? QStringLiteral("none") : QString::fromLatin1(type.left(100)))};
    }
    return std::nullopt;
}

} // namespace cbi
