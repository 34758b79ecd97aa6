// SPDX-License-Identifier: MIT
#include "replywriter.h"

#include "capture/httpsyntax.h"

namespace cbi {

QByteArray ReplyWriter::reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return QByteArrayLiteral("Continue");
    case 200:
        return QByteArrayLiteral("OK");
    case 201:
        return QByteArrayLiteral("Created");
    case 202:
        return QByteArrayLiteral("Accepted");
    case 204:
        return QByteArrayLiteral("No Content");
    case 301:
        return QByteArrayLiteral("Moved Permanently");
    case 302:
        return QByteArrayLiteral("Found");
    case 304:
        return QByteArrayLiteral("Not Modified");
    case 307:
        return QByteArrayLiteral("Temporary Redirect");
    case 308:
        return QByteArrayLiteral("Permanent Redirect");
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 401:
        return QByteArrayLiteral("Unauthorized");
    case 403:
        return QByteArrayLiteral("Forbidden");
    case 404:
        return QByteArrayLiteral("Not Found");
    case 408:
        return QByteArrayLiteral("Request Timeout");
    case 413:
        return QByteArrayLiteral("Content Too Large");
    case 429:
        return QByteArrayLiteral("Too Many Requests");
    case 431:
        return QByteArrayLiteral("Request Header Fields Too Large");
    case 500:
        return QByteArrayLiteral("Internal Server Error");
    case 502:
        return QByteArrayLiteral("Bad Gateway");
    case 503:
        return QByteArrayLiteral("Service Unavailable");
    case 504:
        return QByteArrayLiteral("Gateway Timeout");
    default:
        return {};
    }
}

QByteArray ReplyWriter::serialize(const ReplySent &reply, bool keepAlive, bool http10, qint64 declaredLength)
{
    QByteArray out;
    out.reserve(160 + reply.body.size());
    out += "HTTP/1.1 " + QByteArray::number(reply.status);
    const QByteArray reason = ReplyWriter::reasonPhrase(reply.status);
    if (!reason.isEmpty())
        out += ' ' + reason;
    out += "\r\n";
    for (const auto &h : reply.headers) {
        // We frame the body ourselves; a rule's stale length or connection header would lie.
        if (h.first.compare("content-length", Qt::CaseInsensitive) == 0
            || h.first.compare("connection", Qt::CaseInsensitive) == 0)
            continue;
        // The last line of defence: nothing that could end the line gets into the head.
        if (!HttpSyntax::isToken(h.first) || !HttpSyntax::isFieldValue(h.second))
            continue;
        out += h.first + ": " + h.second + "\r\n";
    }
    out += "Content-Length: " + QByteArray::number(declaredLength < 0 ? reply.body.size() : declaredLength)
        + "\r\n";
    if (!keepAlive)
        out += "Connection: close\r\n";
    else if (http10)
        out += "Connection: keep-alive\r\n";
    out += "\r\n";
    out += reply.body;
    return out;
}

} // namespace cbi
