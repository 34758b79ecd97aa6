// SPDX-License-Identifier: MIT
#include "verdictengine.h"

#include "capture/continuereply.h"
#include "catalogue/catalogue.h"
#include "godecoder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>

#include <memory>

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

// The reply decoded as OpenIM's Go code decodes it (GoDecoder), with the decoder of each reply
// struct built once: a verdict is computed for every callback, on the server thread.
GoDecoder::Result decode(const QByteArray &body, const QString &structName, const QList<FieldSpec> &fields)
{
    // The default reply, on every unmatched request: decoded once.
    static const GoDecoder::Result continueDecoded = [] {
        GoDecoder::Result c;
        c.ok = true;
        c.fields = QJsonDocument::fromJson(continueReplyBody()).object();
        return c;
    }();
    if (body == continueReplyBody())
        return continueDecoded;
    static QMutex mutex;
    static QHash<QString, std::shared_ptr<const GoDecoder>> decoders;
    // Keyed by the fields too: a catalogue without Go types (tests) falls back to the plain types.
    QString key = structName;
    for (const auto &f : fields)
        key += QLatin1Char(' ') + f.name + QLatin1Char(':') + (f.goType.isEmpty() ? f.type : f.goType);
    std::shared_ptr<const GoDecoder> decoder;
    {
        const QMutexLocker lock(&mutex);
        decoder = decoders.value(key);
        if (!decoder) {
            decoder =
                std::make_shared<const GoDecoder>(structName, fields, Catalogue::instance().goStructs());
            decoders.insert(key, decoder);
        }
    }
    return decoder->decode(body);
}

// The reply struct OpenIM decodes this command's reply into, in this version.
void replyStructOf(const CommandSpec &spec, Profile profile, QString *structName, QList<FieldSpec> *fields)
{
    *fields = spec.responseFields;
    if (!spec.responseStruct.isEmpty())
        *structName = spec.responseStruct;
    // A version that read another reply for this command (v3.7's flat, per-member join).
    const LegacyName *legacy = Catalogue::instance().legacyFor(spec.command, profileName(profile));
    if (legacy && !legacy->responseFields.isEmpty()) {
        *fields = legacy->responseFields;
        if (!legacy->responseStruct.isEmpty())
            *structName = legacy->responseStruct;
    }
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

QJsonObject VerdictEngine::replyFields(const QString &command, const QByteArray &replyBody, Profile profile)
{
    const Catalogue &catalogue = Catalogue::instance();
    const CommandSpec *spec = catalogue.find(catalogue.canonicalName(command));
    if (!spec)
        return {};
    QString structName = QStringLiteral("callbackstruct.CommonCallbackResp");
    QList<FieldSpec> fields;
    replyStructOf(*spec, profile, &structName, &fields);
    const GoDecoder::Result d = decode(replyBody, structName, fields);
    return d.ok ? d.fields : QJsonObject();
}

int VerdictEngine::effectiveTimeoutMs(int timeoutSeconds)
{
    const int seconds = timeoutSeconds <= 0 ? clientCapSeconds : qMin(timeoutSeconds, clientCapSeconds);
    return seconds * 1000;
}

Verdict VerdictEngine::compute(const Input &in)
{
    Verdict v;
    if (in.command.trimmed().isEmpty()) {
        // No command in the path, the query or the body (a GET / probe): neither before nor after.
        v.outcome = Verdict::Outcome::NotCallback;
        v.reason = note("not-callback");
        return v;
    }
    const Catalogue &catalogue = Catalogue::instance();
    const QString canonical = catalogue.canonicalName(in.command);
    const CommandSpec *spec = canonical.isEmpty() ? nullptr : catalogue.find(canonical);
    // Unknown names: judge by the name; v2's word filter was a synchronous before-callback.
    const bool before = spec ? spec->isBefore()
                             : in.command.contains(QLatin1String("Before"))
            || in.command == QLatin1String("callbackWordFilterCommand");
    QList<FieldSpec> responseFields;
    QString responseStruct = QStringLiteral("callbackstruct.CommonCallbackResp");
    if (spec) {
        replyStructOf(*spec, in.profile, &responseStruct, &responseFields);
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
            // The inner reason's code and arguments, not its English text: the window translates both.
            v.reason = note("failed-continue", QStringList {why.code, profileWord(in.profile)} + why.args);
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
    const GoDecoder::Result d = decode(r.body, responseStruct, responseFields);
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
