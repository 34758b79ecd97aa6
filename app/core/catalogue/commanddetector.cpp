// SPDX-License-Identifier: MIT
#include "commanddetector.h"

#include "catalogue.h"
#include "versionrequests.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>
#include <QUrlQuery>

namespace cbi {

CommandDetector::CommandDetector(const Catalogue &catalogue, const QString &basePath)
    : m_catalogue(catalogue)
    , m_basePath(normalizeBasePath(basePath))
{
}

QString CommandDetector::normalizeBasePath(const QString &path)
{
    QString p = path.trimmed();
    while (p.endsWith(QLatin1Char('/')))
        p.chop(1);
    if (!p.isEmpty() && !p.startsWith(QLatin1Char('/')))
        p.prepend(QLatin1Char('/'));
    return p;
}

static CaptureWarning warning(const char *code, QStringList args = {})
{
    return CaptureWarning {QString::fromLatin1(code), std::move(args)};
}

RequestBody CommandDetector::detect(CapturedRequest &c, const QString &version) const
{
    c.warnings.clear();

    // 1. Path: v3.4.2+ posts to {url}/{command}; the command is the last segment.
    QString pathCommand;
    const QString path = c.path;
    const bool underBase =
        m_basePath.isEmpty() || path == m_basePath || path.startsWith(m_basePath + QLatin1Char('/'));
    const qsizetype lastSlash = path.lastIndexOf(QLatin1Char('/'));
    const QString lastRaw = lastSlash < 0 ? path : path.mid(lastSlash + 1);
    const QString last =
        lastRaw.contains(QLatin1Char('%')) ? QUrl::fromPercentEncoding(lastRaw.toUtf8()) : lastRaw;
    if (path.contains(QLatin1String("//")))
        c.warnings.append(warning("double-slash"));
    if (underBase) {
        if (path.size() > m_basePath.size() + 1)
            pathCommand = last;
    } else if (!last.isEmpty() && m_catalogue.looksLikeCommand(last)) {
        pathCommand = last;
        c.warnings.append(
            warning("outside-base-path", {path, m_basePath.isEmpty() ? QStringLiteral("/") : m_basePath}));
    }

    // 2. Query: v3.0 - v3.4.0 posted to {url}?command={command}.
    const QUrlQuery query = c.query.isEmpty() ? QUrlQuery() : QUrlQuery(c.query);
    const QString queryCommand = query.queryItemValue(QStringLiteral("command"), QUrl::FullyDecoded);

    // 3. Body: every version puts callbackCommand in the body; v2 put it nowhere else.
    const RequestBody body(c.body);
    const RequestBody::Summary summary = body.summary();
    const QString bodyCommand = summary.callbackCommand;
    if (!summary.empty && !summary.isObject)
        c.warnings.append(warning("body-not-json", {summary.error}));

    const QString pathWord = QStringLiteral("path");
    const QString queryWord = QStringLiteral("query");
    const QString bodyWord = QStringLiteral("body");
    QString chosenWhere;
    if (!pathCommand.isEmpty()) {
        c.command = pathCommand;
        c.urlStyle = UrlStyle::PathSegment;
        chosenWhere = pathWord;
        if (!queryCommand.isEmpty() && queryCommand != pathCommand)
            c.warnings.append(warning("styles-disagree", {pathWord, pathCommand, queryWord, queryCommand}));
    } else if (!queryCommand.isEmpty()) {
        c.command = queryCommand;
        c.urlStyle = UrlStyle::QueryParameter;
        chosenWhere = queryWord;
    } else if (!bodyCommand.isEmpty()) {
        c.command = bodyCommand;
        c.urlStyle = UrlStyle::BodyField;
        chosenWhere = bodyWord;
    } else {
        c.command.clear();
        c.urlStyle = UrlStyle::None;
        c.warnings.append(warning("no-command"));
    }
    if (!bodyCommand.isEmpty() && chosenWhere != bodyWord && bodyCommand != c.command)
        c.warnings.append(warning("styles-disagree", {chosenWhere, c.command, bodyWord, bodyCommand}));

    c.canonicalCommand = c.command.isEmpty() ? QString() : m_catalogue.canonicalName(c.command);
    if (const LegacyName *legacy = m_catalogue.findLegacy(c.command)) {
        if (legacy->current.isEmpty())
            c.warnings.append(warning("legacy-name-retired", {legacy->versions}));
        else
            c.warnings.append(warning("legacy-name", {legacy->versions, legacy->current}));
    } else if (!c.command.isEmpty() && c.canonicalCommand.isEmpty()) {
        c.warnings.append(warning("unknown-command", {c.command}));
    }

    // operationID: Go canonicalises the header to "Operationid"; match any case.
    c.operationID = QString::fromUtf8(c.headerValue("operationID"));
    if (c.operationID.isEmpty()) {
        c.operationID = summary.operationID;
        if (!c.command.isEmpty())
            c.warnings.append(warning("no-operation-id"));
    }

    // ?key=base64(JSON {sendID, recvID, groupID}) on the newest servers' after-send callbacks.
    c.keyData = {};
    if (query.hasQueryItem(QStringLiteral("key"))) {
        const QByteArray raw = query.queryItemValue(QStringLiteral("key"), QUrl::FullyDecoded).toLatin1();
        auto decoded = QByteArray::fromBase64Encoding(raw, QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            decoded = QByteArray::fromBase64Encoding(
                raw, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
        QJsonParseError error;
        const QJsonDocument doc = decoded ? QJsonDocument::fromJson(*decoded, &error) : QJsonDocument();
        if (doc.isObject())
            c.keyData = doc.object();
        else
            c.warnings.append(warning(
                "key-undecodable", {decoded ? error.errorString() : QStringLiteral("invalid base64")}));
    }
    checkRequest(c, body, version);
    return body;
}

void CommandDetector::checkRequest(CapturedRequest &c, const RequestBody &body, const QString &version) const
{
    const CommandSpec *spec = c.canonicalCommand.isEmpty() ? nullptr : m_catalogue.find(c.canonicalCommand);
    if (!spec)
        return;
    // The admin secret some versions put in the user-register callbacks: the business server should
    // never learn it, and exports mask it.
    for (const FieldSpec &f : spec->requestFields) {
        if (f.name == QLatin1String("secret") && body.value(f.name).isString()
            && !body.value(f.name).toString().isEmpty())
            c.warnings.append(warning("secret-leaked", {f.in.join(QStringLiteral(", "))}));
    }
    if (!version.isEmpty())
        VersionRequests(m_catalogue).check(c, body, version);
}

} // namespace cbi
