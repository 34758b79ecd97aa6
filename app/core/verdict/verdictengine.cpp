// SPDX-License-Identifier: MIT
#include "verdictengine.h"

#include "capture/continuereply.h"
#include "catalogue/catalogue.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <cmath>
#include <limits>

namespace cbi {

namespace {

constexpr int networkError = 90004;
constexpr int dataError = 90007;
constexpr int panicError = 500;
constexpr int argsError = 1001;
constexpr int clientCapSeconds = 15;

const QStringList commonFields = {QStringLiteral("actionCode"), QStringLiteral("errCode"),
    QStringLiteral("errMsg"), QStringLiteral("errDlt"), QStringLiteral("nextCode")};

CaptureWarning note(const char *code, QStringList args = {})
{
    return CaptureWarning {QString::fromLatin1(code), std::move(args)};
}

// The reply's fields matched to the response struct the way Go's encoding/json does:
// keys case-insensitively, the last duplicate wins.
struct Decoded
{
    bool ok = false;
    QString error; // Go-like message when !ok
    QJsonObject fields; // canonical field name -> value (known fields only)
    QStringList unknown; // keys the struct does not have
};

bool isInt32(const QJsonValue &v)
{
    if (!v.isDouble())
        return false;
    const double d = v.toDouble();
    return std::floor(d) == d && d >= std::numeric_limits<qint32>::min()
        && d <= std::numeric_limits<qint32>::max();
}

// Does `value` decode into a Go field of catalogue type `type`? (null decodes into anything.)
bool fitsType(const QJsonValue &value, QString type)
{
    if (value.isNull())
        return true;
    type.remove(QLatin1String("|null"));
    if (type == QLatin1String("int32") || type == QLatin1String("int") || type == QLatin1String("int64"))
        return isInt32(value)
            || (type != QLatin1String("int32") && value.isDouble()
                && std::floor(value.toDouble()) == value.toDouble());
    if (type == QLatin1String("string") || type == QLatin1String("base64 string"))
        return value.isString();
    if (type == QLatin1String("bool"))
        return value.isBool();
    if (type == QLatin1String("string[]")) {
        if (!value.isArray())
            return false;
        for (const auto &e : value.toArray()) {
            if (!e.isString() && !e.isNull())
                return false;
        }
        return true;
    }
    if (type == QLatin1String("object[]")) {
        if (!value.isArray())
            return false;
        for (const auto &e : value.toArray()) {
            if (!e.isObject() && !e.isNull())
                return false;
        }
        return true;
    }
    if (type.startsWith(QLatin1String("object<string,bool>"))) {
        if (!value.isObject())
            return false;
        for (const auto &e : value.toObject()) {
            if (!e.isBool() && !e.isNull())
                return false;
        }
        return true;
    }
    if (type.startsWith(QLatin1String("object")))
        return value.isObject();
    return true;
}

QString jsonTypeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::String:
        return QStringLiteral("string");
    case QJsonValue::Double:
        return QStringLiteral("number");
    case QJsonValue::Bool:
        return QStringLiteral("bool");
    case QJsonValue::Array:
        return QStringLiteral("array");
    case QJsonValue::Object:
        return QStringLiteral("object");
    default:
        return QStringLiteral("null");
    }
}

Decoded decode(const QByteArray &body, const QList<FieldSpec> &responseFields)
{
    // The default reply, on every unmatched request: decoded once.
    static const Decoded continueDecoded = [] {
        Decoded c;
        c.ok = true;
        c.fields = QJsonDocument::fromJson(continueReplyBody()).object();
        return c;
    }();
    if (body == continueReplyBody())
        return continueDecoded;
    Decoded d;
    const QByteArray trimmed = body.trimmed();
    if (trimmed.isEmpty()) {
        d.error = QStringLiteral("unexpected end of JSON input");
        return d;
    }
    QJsonParseError parseError;
    // QJsonDocument wants an array or object at the top; Go also accepts null (zero struct).
    if (trimmed == "null") {
        d.ok = true;
        return d;
    }
    const QJsonDocument doc = QJsonDocument::fromJson(trimmed, &parseError);
    if (doc.isNull()) {
        d.error = QStringLiteral("invalid JSON: %1 at offset %2")
                      .arg(parseError.errorString())
                      .arg(parseError.offset);
        return d;
    }
    if (!doc.isObject()) {
        d.error = QStringLiteral("json: cannot unmarshal array into Go value of type struct");
        return d;
    }
    const QJsonObject object = doc.object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const FieldSpec *spec = nullptr;
        for (const auto &f : responseFields) {
            if (f.name.compare(it.key(), Qt::CaseInsensitive) == 0) {
                spec = &f;
                break;
            }
        }
        if (!spec) {
            d.unknown.append(it.key());
            continue;
        }
        if (!fitsType(it.value(), spec->type)) {
            d.error = QStringLiteral("json: cannot unmarshal %1 into Go struct field .%2 of type %3")
                          .arg(jsonTypeName(it.value()), spec->name,
                              QString(spec->type).remove(QLatin1String("|null")));
            return d;
        }
        d.fields.insert(spec->name, it.value());
    }
    // QJsonDocument reads 1.0 as 1, but Go refuses a fraction or exponent for an integer field.
    static const QRegularExpression fractional(QStringLiteral("\"(\\w+)\"\\s*:\\s*-?\\d+[.eE]"));
    bool mayHaveFraction = false;
    for (qsizetype i = 1; i < trimmed.size() && !mayHaveFraction; ++i) {
        const char c = trimmed.at(i);
        mayHaveFraction =
            (c == '.' || c == 'e' || c == 'E') && trimmed.at(i - 1) >= '0' && trimmed.at(i - 1) <= '9';
    }
    if (mayHaveFraction) {
        auto it = fractional.globalMatch(QString::fromUtf8(trimmed));
        while (it.hasNext()) {
            const QString key = it.next().captured(1);
            for (const auto &f : responseFields) {
                if (f.type.startsWith(QLatin1String("int"))
                    && f.name.compare(key, Qt::CaseInsensitive) == 0) {
                    d.error =
                        QStringLiteral("json: cannot unmarshal number with a fraction or exponent into Go "
                                       "struct field .%1 of type int32")
                            .arg(f.name);
                    return d;
                }
            }
        }
    }
    d.ok = true;
    return d;
}

bool isListReplacement(const QString &field)
{
    return field == QLatin1String("users") || field == QLatin1String("friendUserIDs")
        || field == QLatin1String("userIDList");
}

// beforeSetGroupInfo(Ex) copies these back whatever the reply says (non-pointer fields, or the
// addresses of the reply's pointers): a reply that does not echo them changes the group.
QStringList alwaysCopiedFields(const QString &command)
{
    if (command == QLatin1String("callbackBeforeSetGroupInfoCommand"))
        return {QStringLiteral("groupID"), QStringLiteral("groupName"), QStringLiteral("introduction"),
            QStringLiteral("faceURL")};
    if (command == QLatin1String("callbackBeforeSetGroupInfoExCommand"))
        return {QStringLiteral("groupID"), QStringLiteral("groupName"), QStringLiteral("introduction"),
            QStringLiteral("faceURL"), QStringLiteral("ex"), QStringLiteral("needVerification"),
            QStringLiteral("lookMemberInfo"), QStringLiteral("applyMemberFriend")};
    return {};
}

QString profileWord(Profile p)
{
    return profileName(p);
}

} // namespace

int VerdictEngine::effectiveTimeoutMs(int timeoutSeconds)
{
    const int seconds = timeoutSeconds <= 0 ? clientCapSeconds : qMin(timeoutSeconds, clientCapSeconds);
    return seconds * 1000;
}

Verdict VerdictEngine::compute(const Input &in)
{
    Verdict v;
    const Catalogue &catalogue = Catalogue::instance();
    const QString canonical = catalogue.canonicalName(in.command);
    const CommandSpec *spec = canonical.isEmpty() ? nullptr : catalogue.find(canonical);
    // Unknown names: judge by the name; v2's word filter was a synchronous before-callback.
    const bool before = spec ? spec->isBefore()
                             : in.command.contains(QLatin1String("Before"))
            || in.command == QLatin1String("callbackWordFilterCommand");
    QList<FieldSpec> responseFields;
    if (spec) {
        responseFields = spec->responseFields;
        // A version that read another reply for this command (v3.7's flat, per-member join).
        const LegacyName *legacy = catalogue.legacyFor(spec->command, profileName(in.profile));
        if (legacy && !legacy->responseFields.isEmpty())
            responseFields = legacy->responseFields;
    } else {
        for (const auto &name : commonFields)
            responseFields.append({name,
                name.startsWith(QLatin1String("err")) && name != QLatin1String("errCode")
                    ? QStringLiteral("string")
                    : QStringLiteral("int32"),
                true});
    }
    const bool modern = in.profile >= Profile::V3_7; // async after-callbacks, failedContinue ignored
    const bool v3 = in.profile != Profile::V2;
    const int timeoutMs = effectiveTimeoutMs(in.timeoutSeconds);
    const ReplySent &r = in.reply;

    if (!before) {
        v.outcome = Verdict::Outcome::Ignored;
        v.reason = modern ? note("after-ignored") : note("after-ignored-sync");
        // Two workers and a queue of 100 per OpenIM process: slow replies back it up.
        const int held = qMin(r.delayMs, timeoutMs);
        // A full queue blocks the sender up to pushWait: 100 ms up to v3.8.0 (tools <= v0.0.49-alpha.55),
        // 3 s from v3.8.1.
        const int pushWaitMs = in.profile >= Profile::V3_8_1 ? 3000 : 100;
        if (modern && (held >= 100 || r.fault == Fault::Hang))
            v.warnings.append(note("after-queue",
                {QString::number(r.fault == Fault::Hang ? timeoutMs : held), QString::number(pushWaitMs)}));
        return v;
    }

    // 1. Transport: what Go's http.Client sees.
    CaptureWarning transportError;
    switch (r.fault) {
    case Fault::Close:
        transportError = note("net-closed");
        break;
    case Fault::Reset:
        transportError = note("net-reset");
        break;
    case Fault::Hang:
        transportError = note("net-timeout", {QString::number(timeoutMs)});
        break;
    case Fault::Truncate:
        transportError = note("net-truncated");
        break;
    case Fault::SlowDrip: {
        const qint64 size = r.body.size() + 100; // the head too, roughly
        const qint64 dripMs = (size + qMax(1, r.dripBytes) - 1) / qMax(1, r.dripBytes) * r.dripIntervalMs;
        if (r.delayMs + dripMs >= timeoutMs)
            transportError =
                note("net-drip-timeout", {QString::number(r.delayMs + dripMs), QString::number(timeoutMs)});
        break;
    }
    case Fault::None:
        break;
    }
    if (transportError.code.isEmpty() && r.delayMs >= timeoutMs)
        transportError = note("net-late", {QString::number(r.delayMs), QString::number(timeoutMs)});

    auto failOrContinue = [&](int code, const CaptureWarning &why) {
        if (!modern && in.failedContinue) {
            v.outcome = Verdict::Outcome::Continue;
            v.reason = note("failed-continue", {why.text(false), profileWord(in.profile)});
            return v;
        }
        v.outcome = Verdict::Outcome::Failed;
        v.errCode = v3 ? code : 0;
        v.reason = why;
        if (!modern)
            v.warnings.append(note("failed-continue-false"));
        return v;
    };
    if (!transportError.code.isEmpty())
        return failOrContinue(networkError, transportError);

    // 2. Decoding: the HTTP status is never looked at.
    if (r.status != 200)
        v.warnings.append(note("status-ignored", {QString::number(r.status)}));
    const Decoded d = decode(r.body, responseFields);
    if (!d.ok)
        return failOrContinue(dataError, note("data-error", {d.error}));

    const QJsonObject &f = d.fields;
    const int actionCode = f.value(QLatin1String("actionCode")).toInt();
    const int nextCode = f.value(QLatin1String("nextCode")).toInt();
    const int errCode = f.value(QLatin1String("errCode")).toInt();
    const QString errMsg = f.value(QLatin1String("errMsg")).toString();

    // 3. The stop rule of the version.
    bool stop = false;
    switch (in.profile) {
    case Profile::V2:
        stop = actionCode != 0;
        break;
    case Profile::V3_0:
        stop = actionCode != 0 || errCode != 0;
        break;
    case Profile::V3_4_2:
        stop = actionCode != 0 || nextCode == 1;
        break;
    case Profile::V3_6:
        stop = false;
        if (actionCode != 0 || nextCode == 1)
            v.warnings.append(note("v36-cannot-deny"));
        break;
    case Profile::V3_7:
    case Profile::V3_8_0:
    case Profile::V3_8_1:
    case Profile::V3_8_2:
    case Profile::Main:
        stop = actionCode == 0 && nextCode == 1;
        if (actionCode != 0 && nextCode == 1)
            v.warnings.append(note("action-code-not-zero", {QString::number(actionCode)}));
        break;
    }
    if (stop) {
        v.outcome = Verdict::Outcome::Blocked;
        v.errCode = errCode;
        if (!v3) {
            v.reason = note("blocked-v2", {QString::number(errCode == 0 ? 201 : errCode)});
            return v;
        }
        if (errCode < 100)
            v.warnings.append(note("err-code-low", {QString::number(errCode)}));
        if (!modern) {
            v.reason = errCode < 100 ? note("blocked-low-code", {QString::number(errCode)})
                                     : note("blocked", {QString::number(errCode), errMsg});
            return v;
        }
        // The caller sees what the gRPC error interceptors make of the code. v3.7 - v3.8.3 (tools
        // mw.GrpcServer): <= 0 -> 500, 1-99 kept. main (GrpcServerErrorConvert): 1-99 -> 500, and 0 is
        // status OK, so the caller gets success although the operation did not run.
        const bool onMain = in.profile == Profile::Main;
        if (onMain && errCode == 0) {
            v.replyErrCode = errCode;
            v.reason = note("blocked-zero-success");
        } else if (errCode <= 0 || (onMain && errCode < 100)) {
            v.replyErrCode = errCode;
            v.errCode = panicError;
            v.reason = note("blocked-caller-500", {QString::number(errCode)});
        } else {
            v.reason = note("blocked", {QString::number(errCode), errMsg});
        }
        return v;
    }
    if (modern && nextCode != 1 && errCode != 0)
        v.warnings.append(note("err-code-without-stop", {QString::number(errCode)}));

    // 4. Modifications: what the continuing operation takes from the reply.
    const QString command = spec ? spec->command : in.command;
    const QStringList always = alwaysCopiedFields(command);
    for (const auto &field : responseFields) {
        if (!field.honoured || commonFields.contains(field.name))
            continue;
        const bool present = f.contains(field.name);
        const QJsonValue value = f.value(field.name);
        if (always.contains(field.name)) {
            const QJsonValue requested = in.requestBody.value(field.name);
            if (value != requested && !(value.isUndefined() && requested.isUndefined())) {
                v.modifiedFields.append(field.name);
                if (!present || value.isNull())
                    v.warnings.append(note("not-echoed", {field.name}));
            }
            continue;
        }
        if (!present || value.isNull())
            continue; // NotNilReplace: null means "leave it"
        if (isListReplacement(field.name) && value.toArray().isEmpty())
            continue; // an empty list is not applied
        if (field.name == QLatin1String("remark") && value.toString().isEmpty())
            continue;
        if (value == in.requestBody.value(field.name))
            continue; // an echo changes nothing (the request is parsed only when a reply sets a field)
        v.modifiedFields.append(field.name);
    }
    for (const auto &field : responseFields) {
        if (!field.honoured && f.contains(field.name) && !f.value(field.name).isNull())
            v.ignoredFields.append(field.name);
    }
    v.ignoredFields += d.unknown;

    // Replies that make OpenIM fail although it meant to continue.
    if (command == QLatin1String("callbackBeforeMsgModifyCommand")) {
        // v3.7 - v3.8.3 store any string; main unmarshals it into a struct, which "null" passes.
        // (Before v3.7: not re-checked, the check stays.)
        const bool onMain = in.profile == Profile::Main;
        if (v.modifiedFields.contains(QLatin1String("content")) && (onMain || !modern)) {
            const QByteArray text = f.value(QLatin1String("content")).toString().toUtf8();
            if (!QJsonDocument::fromJson(text).isObject() && !(onMain && text.trimmed() == "null")) {
                v.outcome = Verdict::Outcome::Failed;
                v.errCode = argsError;
                v.reason = note("content-not-object");
                return v;
            }
        }
        if (v.modifiedFields.contains(QLatin1String("offlinePushInfo")))
            v.warnings.append(note("push-info-panic"));
    }
    if (command == QLatin1String("callbackBeforeUpdateUserInfoExCommand")) {
        for (const auto &name : v.modifiedFields) {
            // The callback's ex is always null: whether the client sent one, and so whether OpenIM
            // panics, cannot be told from the request.
            if (name == QLatin1String("ex")) {
                v.warnings.append(note("ex-panic-if-unsent"));
                continue;
            }
            if (in.requestBody.value(name).isNull() || in.requestBody.value(name).isUndefined()) {
                v.outcome = Verdict::Outcome::Failed;
                v.errCode = panicError;
                v.reason = note("panic-unsent-field", {name});
                return v;
            }
        }
    }
    // v3.7.0 - v3.8.0 pass a nil target list on one-to-one and notification chats (sessionType 1, 4);
    // openim-push has no recover.
    if (command == QLatin1String("callbackBeforeOfflinePushCommand") && modern
        && in.profile <= Profile::V3_8_0 && v.modifiedFields.contains(QLatin1String("userIDList"))) {
        const QJsonValue sessionType = in.requestBody.value(QLatin1String("sessionType"));
        if (sessionType.toInt() == 1 || sessionType.toInt() == 4) {
            v.outcome = Verdict::Outcome::Failed;
            v.errCode = panicError;
            v.reason = note("push-crash-single-chat", {profileName(in.profile)});
            return v;
        }
        if (sessionType.isUndefined())
            v.warnings.append(note("push-crash-if-single", {profileName(in.profile)}));
    }
    if (command == QLatin1String("callbackBeforeMembersJoinGroupCommand")) {
        for (const auto &member : f.value(QLatin1String("memberCallbackList")).toArray()) {
            if (member.toObject().value(QLatin1String("userID")).isNull()
                || member.toObject().value(QLatin1String("userID")).isUndefined()) {
                v.outcome = Verdict::Outcome::Failed;
                v.errCode = panicError;
                v.reason = note("panic-member-userid");
                return v;
            }
        }
    }

    if (v.modifiedFields.isEmpty()) {
        v.outcome = Verdict::Outcome::Continue;
        v.reason =
            actionCode != 0 ? note("continue-action-code", {QString::number(actionCode)}) : note("continue");
    } else {
        v.outcome = Verdict::Outcome::Modified;
        v.reason = note("modified", {v.modifiedFields.join(QLatin1String(", "))});
    }
    if (!v.ignoredFields.isEmpty())
        v.warnings.append(note("fields-ignored", {v.ignoredFields.join(QLatin1String(", "))}));
    return v;
}

} // namespace cbi
