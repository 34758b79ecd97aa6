// SPDX-License-Identifier: MIT
#include "capturereader.h"

#include "capture/httpsyntax.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

#include <cmath>

namespace cbi {

namespace {
// The JSON types a field may have.
enum Kind
{
    String = 1,
    Number = 2,
    WholeNumber = 4, // an integer >= 0 that a double holds exactly
    Bool = 8,
    Object = 16,
    Array = 32,
    Null = 64,
};

struct Field
{
    const char *name;
    int kinds;
    bool required = false;
};

QString describe(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Double:
        return QStringLiteral("the number %1").arg(v.toDouble());
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Null:
        return QStringLiteral("null");
    default:
        return QStringLiteral("missing");
    }
}

QString expected(int kinds)
{
    QStringList out;
    if (kinds & String)
        out << QStringLiteral("a string");
    if (kinds & Number)
        out << QStringLiteral("a number");
    if (kinds & WholeNumber)
        out << QStringLiteral("a whole number");
    if (kinds & Bool)
        out << QStringLiteral("true or false");
    if (kinds & Object)
        out << QStringLiteral("an object");
    if (kinds & Array)
        out << QStringLiteral("an array");
    if (kinds & Null)
        out << QStringLiteral("null");
    return out.join(QStringLiteral(" or "));
}

bool hasKind(const QJsonValue &v, int kinds)
{
    if (v.isDouble() && (kinds & WholeNumber)) {
        const double d = v.toDouble();
        if (d >= 0 && d <= 9007199254740992.0 && std::floor(d) == d)
            return true;
    }
    return ((kinds & String) && v.isString()) || ((kinds & Number) && v.isDouble())
        || ((kinds & Bool) && v.isBool()) || ((kinds & Object) && v.isObject())
        || ((kinds & Array) && v.isArray()) || ((kinds & Null) && v.isNull());
}

// Checks the types of the fields present (and that the required ones are); other keys are ignored.
bool checkFields(
    const QJsonObject &o, std::initializer_list<Field> fields, const QString &where, QString *error)
{
    for (const Field &f : fields) {
        const QString name = QLatin1String(f.name);
        if (!o.contains(name)) {
            if (!f.required)
                continue;
            *error = QStringLiteral("%1: \"%2\" is missing").arg(where, name);
            return false;
        }
        const QJsonValue v = o.value(name);
        if (!hasKind(v, f.kinds)) {
            *error = QStringLiteral("%1: \"%2\" is %3, expected %4")
                         .arg(where, name, describe(v), expected(f.kinds));
            return false;
        }
    }
    return true;
}

// A header line that held CR, LF or NUL would be a different request (or several) when sent again.
bool checkHeaders(const QJsonObject &o, const QString &where, QString *error)
{
    const QJsonArray headers = o.value(QLatin1String("headers")).toArray();
    for (qsizetype i = 0; i < headers.size(); ++i) {
        const QString at = QStringLiteral("%1: header %2").arg(where).arg(i + 1);
        if (!headers.at(i).isObject()) {
            *error = QStringLiteral("%1 is %2, expected an object").arg(at, describe(headers.at(i)));
            return false;
        }
        const QJsonObject h = headers.at(i).toObject();
        if (!checkFields(h, {{"name", String, true}, {"value", String, true}}, at, error))
            return false;
        for (const char *key : {"name", "value"}) {
            const QString text = h.value(QLatin1String(key)).toString();
            if (text.contains(QLatin1Char('\r')) || text.contains(QLatin1Char('\n'))
                || text.contains(QLatin1Char('\0'))) {
                *error = QStringLiteral("%1: the %2 contains CR, LF or NUL").arg(at, QLatin1String(key));
                return false;
            }
        }
    }
    return true;
}

bool checkMethod(const QJsonObject &o, const QString &where, QString *error)
{
    if (!o.contains(QLatin1String("method")))
        return true;
    const QString method = o.value(QLatin1String("method")).toString();
    if (method.size() > 64 || !HttpSyntax::isToken(method.toLatin1())
        || method.toLatin1() != method.toUtf8()) {
        *error =
            QStringLiteral("%1: the method %2 is not an HTTP method token")
                .arg(where,
                    QString::fromLatin1(QJsonDocument(QJsonArray {method}).toJson(QJsonDocument::Compact)));
        return false;
    }
    return true;
}

// Our own form: CapturedRequest::toJson().
bool checkCapture(const QJsonValue &value, const QString &where, QString *error)
{
    if (!value.isObject()) {
        *error = QStringLiteral("%1 is %2, expected a capture object").arg(where, describe(value));
        return false;
    }
    const QJsonObject o = value.toObject();
    const int text = String;
    const int body = String | Null;
    if (!checkFields(o,
            {{"id", WholeNumber}, {"time", text}, {"method", text, true}, {"httpVersion", text},
                {"path", text, true}, {"query", text}, {"command", String | Null}, {"canonicalCommand", text},
                {"knownCommand", Bool}, {"urlStyle", text}, {"operationID", text}, {"key", Object},
                {"warnings", Array}, {"peer", text}, {"headers", Array}, {"body", body}, {"bodyBase64", text},
                {"bodySize", Number}, {"rejected", text}, {"response", Object}, {"rule", text},
                {"nearMiss", text}, {"verdict", Object}, {"forward", Object}, {"matched", Array}},
            where, error)
        || !checkMethod(o, where, error) || !checkHeaders(o, where, error))
        return false;
    const QJsonObject response = o.value(QLatin1String("response")).toObject();
    const QString inResponse = where + QStringLiteral(": response");
    if (!checkFields(response,
            {{"status", WholeNumber}, {"headers", Array}, {"body", body}, {"bodyBase64", text},
                {"delayMs", Number}, {"fault", text}},
            inResponse, error)
        || !checkHeaders(response, inResponse, error))
        return false;
    const QString inForward = where + QStringLiteral(": forward");
    const QJsonObject forward = o.value(QLatin1String("forward")).toObject();
    if (!checkFields(forward,
            {{"url", text}, {"status", Number}, {"headers", Array}, {"body", body}, {"bodyBase64", text},
                {"elapsedMs", Number}, {"error", text}, {"overridden", Bool}},
            inForward, error)
        || !checkHeaders(forward, inForward, error))
        return false;
    return checkFields(o.value(QLatin1String("verdict")).toObject(),
        {{"outcome", text}, {"errCode", Number}, {"modifiedFields", Array}, {"ignoredFields", Array},
            {"reason", text}, {"warnings", Array}},
        where + QStringLiteral(": verdict"), error);
}

// A HAR 1.2 entry: ours (with "_inspector") or a browser's.
bool checkHarEntry(const QJsonValue &value, const QString &where, QString *error)
{
    if (!value.isObject()) {
        *error = QStringLiteral("%1 is %2, expected an object").arg(where, describe(value));
        return false;
    }
    const QJsonObject entry = value.toObject();
    if (entry.contains(QLatin1String("_inspector")))
        return checkCapture(
            entry.value(QLatin1String("_inspector")), where + QStringLiteral(": _inspector"), error);
    if (!checkFields(entry,
            {{"startedDateTime", String}, {"request", Object, true}, {"response", Object},
                {"timings", Object}},
            where, error))
        return false;
    const QJsonObject request = entry.value(QLatin1String("request")).toObject();
    const QString inRequest = where + QStringLiteral(": request");
    if (!checkFields(request,
            {{"method", String}, {"url", String, true}, {"httpVersion", String}, {"headers", Array},
                {"postData", Object}},
            inRequest, error)
        || !checkMethod(request, inRequest, error) || !checkHeaders(request, inRequest, error)
        || !checkFields(request.value(QLatin1String("postData")).toObject(), {{"text", String}},
            inRequest + QStringLiteral(": postData"), error))
        return false;
    const QJsonObject response = entry.value(QLatin1String("response")).toObject();
    const QString inResponse = where + QStringLiteral(": response");
    return checkFields(
               response, {{"status", Number}, {"headers", Array}, {"content", Object}}, inResponse, error)
        && checkHeaders(response, inResponse, error)
        && checkFields(response.value(QLatin1String("content")).toObject(), {{"text", String}},
            inResponse + QStringLiteral(": content"), error)
        && checkFields(entry.value(QLatin1String("timings")).toObject(), {{"wait", Number}},
            where + QStringLiteral(": timings"), error);
}

HeaderList harHeaders(const QJsonArray &array)
{
    HeaderList out;
    for (const auto &v : array)
        out.append({v.toObject().value(QLatin1String("name")).toString().toLatin1(),
            v.toObject().value(QLatin1String("value")).toString().toLatin1()});
    return out;
}
} // namespace

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

bool CaptureReader::readFile(const QString &path, QList<CapturedRequest> *captures, QString *error)
{
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly)) {
        *error = in.errorString();
        return false;
    }
    // A sequential file (a pipe) has no size: it is read, and read() gets what arrived.
    if (!in.isSequential() && in.size() > maxFileSize) {
        *error = QStringLiteral("the file is %1 MiB; imports are limited to %2 MiB")
                     .arg(in.size() >> 20)
                     .arg(maxFileSize >> 20);
        return false;
    }
    const QByteArray data = in.read(maxFileSize + 1);
    if (data.size() > maxFileSize) {
        *error = QStringLiteral("the input is over %1 MiB, the limit of an import").arg(maxFileSize >> 20);
        return false;
    }
    if (in.error() != QFileDevice::NoError) {
        *error = in.errorString();
        return false;
    }
    return read(data, captures, error);
}

bool CaptureReader::read(const QByteArray &data, QList<CapturedRequest> *captures, QString *error)
{
    QString message;
    const auto fail = [&](const QString &text) {
        if (error)
            *error = text;
        return false;
    };
    const QByteArray trimmed = data.trimmed();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(trimmed, &parseError);
    QList<CapturedRequest> out; // all or nothing
    if (doc.isObject() && doc.object().contains(QLatin1String("log"))) {
        const QJsonValue log = doc.object().value(QLatin1String("log"));
        const QJsonValue entries = log.toObject().value(QLatin1String("entries"));
        if (!entries.isArray())
            return fail(QStringLiteral("HAR: log.entries is %1, expected an array").arg(describe(entries)));
        const QJsonArray array = entries.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (!checkHarEntry(array.at(i), QStringLiteral("HAR entry %1").arg(i + 1), &message))
                return fail(message);
            out.append(fromHarEntry(array.at(i).toObject()));
        }
    } else if (doc.isObject() && doc.object().contains(QLatin1String("captures"))) {
        const QJsonValue list = doc.object().value(QLatin1String("captures"));
        if (!list.isArray())
            return fail(QStringLiteral("\"captures\" is %1, expected an array").arg(describe(list)));
        const QJsonArray array = list.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (!checkCapture(array.at(i), QStringLiteral("capture %1").arg(i + 1), &message))
                return fail(message);
            out.append(CapturedRequest::fromJson(array.at(i).toObject()));
        }
    } else if (doc.isArray()) {
        const QJsonArray array = doc.array();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (!checkCapture(array.at(i), QStringLiteral("capture %1").arg(i + 1), &message))
                return fail(message);
            out.append(CapturedRequest::fromJson(array.at(i).toObject()));
        }
    } else {
        // NDJSON: one object per line.
        const QList<QByteArray> lines = trimmed.split('\n');
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            if (line.isEmpty())
                continue;
            const QJsonDocument lineDoc = QJsonDocument::fromJson(line, &parseError);
            if (!lineDoc.isObject())
                return fail(
                    QStringLiteral("line %1: not a HAR, JSON or NDJSON capture file (%2)")
                        .arg(i + 1)
                        .arg(lineDoc.isNull() ? parseError.errorString() : QStringLiteral("not an object")));
            if (!checkCapture(lineDoc.object(), QStringLiteral("line %1").arg(i + 1), &message))
                return fail(message);
            out.append(CapturedRequest::fromJson(lineDoc.object()));
        }
    }
    captures->append(out);
    return true;
}

} // namespace cbi
