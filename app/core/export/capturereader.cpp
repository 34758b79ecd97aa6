// SPDX-License-Identifier: MIT
#include "capturereader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace cbi {

static HeaderList harHeaders(const QJsonArray &array)
{
    HeaderList out;
    for (const auto &v : array)
        out.append({v.toObject().value(QLatin1String("name")).toString().toLatin1(),
            v.toObject().value(QLatin1String("value")).toString().toLatin1()});
    return out;
}

CapturedRequest CaptureReader::fromHarEntry(const QJsonObject &entry)
{
    if (entry.value(QLatin1String("_inspector")).isObject())
        return CapturedRequest::fromJson(entry.value(QLatin1String("_inspector")).toObject());
    CapturedRequest c;
    const QJsonObject request = entry.value(QLatin1String("request")).toObject();
    const QJsonObject response = entry.value(QLatin1String("response")).toObject();
    c.receivedAt =
        QDateTime::fromString(entry.value(QLatin1String("startedDateTime")).toString(), Qt::ISODateWithMs)
            .toUTC();
    c.method = request.value(QLatin1String("method")).toString(QStringLiteral("POST")).toLatin1();
    c.httpVersion =
        request.value(QLatin1String("httpVersion")).toString(QStringLiteral("HTTP/1.1")).toLatin1();
    const QUrl url(request.value(QLatin1String("url")).toString());
    c.path = url.path(QUrl::FullyEncoded);
    c.query = url.query(QUrl::FullyEncoded);
    c.headers = harHeaders(request.value(QLatin1String("headers")).toArray());
    c.body =
        request.value(QLatin1String("postData")).toObject().value(QLatin1String("text")).toString().toUtf8();
    c.reply.status = response.value(QLatin1String("status")).toInt(200);
    c.reply.headers = harHeaders(response.value(QLatin1String("headers")).toArray());
    c.reply.body =
        response.value(QLatin1String("content")).toObject().value(QLatin1String("text")).toString().toUtf8();
    c.reply.delayMs =
        qMax(0, entry.value(QLatin1String("timings")).toObject().value(QLatin1String("wait")).toInt());
    return c;
}

bool CaptureReader::read(const QByteArray &data, QList<CapturedRequest> *captures, QString *error)
{
    const QByteArray trimmed = data.trimmed();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(trimmed, &parseError);
    if (doc.isObject() && doc.object().value(QLatin1String("log")).isObject()) {
        const QJsonArray entries =
            doc.object().value(QLatin1String("log")).toObject().value(QLatin1String("entries")).toArray();
        for (const auto &e : entries)
            captures->append(fromHarEntry(e.toObject()));
        return true;
    }
    if (doc.isObject() && doc.object().value(QLatin1String("captures")).isArray()) {
        for (const auto &c : doc.object().value(QLatin1String("captures")).toArray())
            captures->append(CapturedRequest::fromJson(c.toObject()));
        return true;
    }
    if (doc.isArray()) {
        for (const auto &c : doc.array())
            captures->append(CapturedRequest::fromJson(c.toObject()));
        return true;
    }
    // NDJSON: one object per line.
    const QList<QByteArray> lines = trimmed.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        const QJsonDocument lineDoc = QJsonDocument::fromJson(line, &parseError);
        if (!lineDoc.isObject()) {
            if (error)
                *error =
                    QStringLiteral("line %1: not a HAR, JSON or NDJSON capture file (%2)")
                        .arg(i + 1)
                        .arg(lineDoc.isNull() ? parseError.errorString() : QStringLiteral("not an object"));
            return false;
        }
        captures->append(CapturedRequest::fromJson(lineDoc.object()));
    }
    return true;
}

} // namespace cbi
