// SPDX-License-Identifier: MIT
#include "capturewriter.h"

#include "curlcommand.h"
#include "secretmask.h"

#include <QFileInfo>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

namespace cbi {

namespace {
struct FormatName
{
    CaptureWriter::Format format;
    const char *name;
    const char *suffix;
};
constexpr FormatName formats[] = {
    {CaptureWriter::Format::Json, "json", "json"},
    {CaptureWriter::Format::Ndjson, "ndjson", "ndjson"},
    {CaptureWriter::Format::Har, "har", "har"},
    {CaptureWriter::Format::Csv, "csv", "csv"},
    {CaptureWriter::Format::Curl, "curl", "sh"},
};

QJsonArray harHeaders(const HeaderList &headers)
{
    QJsonArray out;
    for (const auto &h : headers)
        out.append(QJsonObject {{QStringLiteral("name"), QString::fromLatin1(h.first)},
            {QStringLiteral("value"), QString::fromLatin1(h.second)}});
    return out;
}

QString mimeOf(const HeaderList &headers, const QString &fallback)
{
    for (const auto &h : headers) {
        if (h.first.compare("content-type", Qt::CaseInsensitive) == 0)
            return QString::fromLatin1(h.second);
    }
    return fallback;
}

QJsonObject harEntry(const CapturedRequest &c)
{
    const QString host = QString::fromLatin1(c.headerValue("host"));
    QString url = QStringLiteral("http://") + (host.isEmpty() ? QStringLiteral("127.0.0.1") : host) + c.path;
    if (!c.query.isEmpty())
        url += QLatin1Char('?') + c.query;
    QJsonArray queryString;
    for (const auto &item : QUrlQuery(c.query).queryItems(QUrl::FullyDecoded))
        queryString.append(
            QJsonObject {{QStringLiteral("name"), item.first}, {QStringLiteral("value"), item.second}});
    QJsonObject request {{QStringLiteral("method"), QString::fromLatin1(c.method)},
        {QStringLiteral("url"), url}, {QStringLiteral("httpVersion"), QString::fromLatin1(c.httpVersion)},
        {QStringLiteral("cookies"), QJsonArray()}, {QStringLiteral("headers"), harHeaders(c.headers)},
        {QStringLiteral("queryString"), queryString}, {QStringLiteral("headersSize"), -1},
        {QStringLiteral("bodySize"), qint64(c.body.size())}};
    if (!c.body.isEmpty())
        request.insert(QStringLiteral("postData"),
            QJsonObject {{QStringLiteral("mimeType"), mimeOf(c.headers, QStringLiteral("application/json"))},
                {QStringLiteral("text"), QString::fromUtf8(c.body)}});
    const bool noReply =
        c.reply.fault == Fault::Close || c.reply.fault == Fault::Reset || c.reply.fault == Fault::Hang;
    QJsonObject response {{QStringLiteral("status"), noReply ? 0 : c.reply.status},
        {QStringLiteral("statusText"), QString()},
        {QStringLiteral("httpVersion"), QStringLiteral("HTTP/1.1")},
        {QStringLiteral("cookies"), QJsonArray()}, {QStringLiteral("headers"), harHeaders(c.reply.headers)},
        {QStringLiteral("content"),
            QJsonObject {{QStringLiteral("size"), qint64(c.reply.body.size())},
                {QStringLiteral("mimeType"), mimeOf(c.reply.headers, QStringLiteral("application/json"))},
                {QStringLiteral("text"), QString::fromUtf8(c.reply.body)}}},
        {QStringLiteral("redirectURL"), QString()}, {QStringLiteral("headersSize"), -1},
        {QStringLiteral("bodySize"), noReply ? -1 : qint64(c.reply.body.size())}};
    if (noReply)
        response.insert(QStringLiteral("_error"), faultName(c.reply.fault));
    return QJsonObject {{QStringLiteral("startedDateTime"), c.receivedAt.toString(Qt::ISODateWithMs)},
        {QStringLiteral("time"), c.reply.delayMs}, {QStringLiteral("request"), request},
        {QStringLiteral("response"), response}, {QStringLiteral("cache"), QJsonObject()},
        {QStringLiteral("timings"),
            QJsonObject {{QStringLiteral("send"), 0}, {QStringLiteral("wait"), c.reply.delayMs},
                {QStringLiteral("receive"), 0}}},
        {QStringLiteral("comment"), c.verdict.reason.text(false)},
        // Custom fields start with "_" in HAR 1.2: the whole capture, for an exact import.
        {QStringLiteral("_inspector"), c.toJson()}};
}
} // namespace

bool CaptureWriter::formatFromName(const QString &name, Format *format)
{
    for (const auto &f : formats) {
        if (name.compare(QLatin1String(f.name), Qt::CaseInsensitive) == 0) {
            *format = f.format;
            return true;
        }
    }
    return false;
}

QStringList CaptureWriter::formatNames()
{
    QStringList out;
    for (const auto &f : formats)
        out.append(QString::fromLatin1(f.name));
    return out;
}

QString CaptureWriter::exportPath(const QString &path, Format *format)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    for (const auto &f : formats) {
        if (suffix == QLatin1String(f.suffix)) {
            *format = f.format;
            return path;
        }
    }
    if (suffix == QLatin1String("jsonl")) {
        *format = Format::Ndjson;
        return path;
    }
    return path + QLatin1Char('.') + fileSuffix(*format);
}

QString CaptureWriter::fileSuffix(Format format)
{
    for (const auto &f : formats) {
        if (f.format == format)
            return QString::fromLatin1(f.suffix);
    }
    return {};
}

CaptureWriter::CaptureWriter(QIODevice *device, Format format, const QString &curlTarget)
    : m_device(device)
    , m_format(format)
    , m_curlTarget(curlTarget)
{
}

QByteArray CaptureWriter::csvField(const QString &text)
{
    QString t = text;
    // A spreadsheet runs a cell that starts like a formula (=HYPERLINK(...), +, -, @, or after a tab or
    // CR): the text of a capture is the caller's, so such cells get a leading quote (OWASP's advice),
    // which makes them plain text in Excel, LibreOffice and Google Sheets.
    static const QString formulaStarts = QStringLiteral("=+-@\t\r");
    if (!t.isEmpty() && formulaStarts.contains(t.front()))
        t.prepend(QLatin1Char('\''));
    if (t.contains(QLatin1Char('"')) || t.contains(QLatin1Char(',')) || t.contains(QLatin1Char('\n'))
        || t.contains(QLatin1Char('\r'))) {
        t.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        t = QLatin1Char('"') + t + QLatin1Char('"');
    }
    return t.toUtf8();
}

void CaptureWriter::begin()
{
    switch (m_format) {
    case Format::Json:
        m_device->write("{\"captures\":[\n");
        break;
    case Format::Har:
        m_device->write(
            R"({"log":{"version":"1.2","creator":{"name":"OpenIM Callback Inspector","version":")" CBI_VERSION_STRING
            R"("},"pages":[],"entries":[)"
            "\n");
        break;
    case Format::Csv:
        m_device->write("id,time,command,verdict,errCode,operationID,sendID,recvID,groupID,status,delayMs,"
                        "rule,method,path\r\n");
        break;
    case Format::Curl:
        m_device->write("#!/bin/sh\n# Replays captured OpenIM callbacks.\n");
        break;
    case Format::Ndjson:
        break;
    }
}

void CaptureWriter::write(const CapturedRequest &capture)
{
    const CapturedRequest c = m_maskSecrets ? SecretMask::masked(capture) : capture;
    switch (m_format) {
    case Format::Json:
    case Format::Har:
        if (m_count > 0)
            m_device->write(",\n");
        m_device->write(
            QJsonDocument(m_format == Format::Har ? harEntry(c) : c.toJson()).toJson(QJsonDocument::Compact));
        break;
    case Format::Ndjson:
        m_device->write(QJsonDocument(c.toJson()).toJson(QJsonDocument::Compact) + '\n');
        break;
    case Format::Csv: {
        const QJsonObject body = QJsonDocument::fromJson(c.body).object();
        const QList<QByteArray> fields = {QByteArray::number(c.id),
            csvField(c.receivedAt.toString(Qt::ISODateWithMs)), csvField(c.command),
            csvField(Verdict::outcomeName(c.verdict.outcome)), QByteArray::number(c.verdict.errCode),
            csvField(c.operationID), csvField(body.value(QLatin1String("sendID")).toString()),
            csvField(body.value(QLatin1String("recvID")).toString()),
            csvField(body.value(QLatin1String("groupID")).toString()), QByteArray::number(c.reply.status),
            QByteArray::number(c.reply.delayMs), csvField(c.ruleName),
            csvField(QString::fromLatin1(c.method)), csvField(c.path)};
        m_device->write(fields.join(',') + "\r\n");
        break;
    }
    case Format::Curl:
        // The command is the caller's text too: one comment line, whatever it holds.
        m_device->write(
            QStringLiteral("# #%1 %2\n").arg(c.id).arg(CurlCommand::commentText(c.command)).toUtf8());
        m_device->write(CurlCommand::forCapture(c, m_curlTarget).toUtf8() + "\n");
        break;
    }
    ++m_count;
}

void CaptureWriter::end()
{
    switch (m_format) {
    case Format::Json:
        m_device->write("\n]}\n");
        break;
    case Format::Har:
        m_device->write("\n]}}\n");
        break;
    default:
        break;
    }
}

} // namespace cbi
