// SPDX-License-Identifier: MIT
#include "capturewarning.h"

#include "conditionmatch.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace cbi {

namespace {
struct WarningText
{
    const char *code;
    const char *text;
};
// Source texts for every warning code; %1, %2 are the warning's arguments.
constexpr WarningText warningTexts[] = {
    {"webhooks-unknown-key",
        QT_TRANSLATE_NOOP("cbi::CaptureWarning",
            "%1 is not a key of OpenIM's webhooks configuration: it is ignored (a typo?)")},
    {"webhooks-bad-timeout",
        QT_TRANSLATE_NOOP("cbi::CaptureWarning", "%1: timeout %2 is not a whole number of seconds")},
    {"webhooks-timeout-capped",
        QT_TRANSLATE_NOOP("cbi::CaptureWarning",
            "%1: timeout %2 s is more than OpenIM's HTTP client allows; it gives up after 15 s")},
    {"webhooks-url-slash",
        QT_TRANSLATE_NOOP("cbi::CaptureWarning",
            "url %1 ends with '/': OpenIM appends /{command} verbatim, so paths get '//'")},
    {"webhooks-url-query",
        QT_TRANSLATE_NOOP("cbi::CaptureWarning",
            "url %1 has a query string: OpenIM appends /{command} after it, which breaks the URL")},
    {"webhooks-failed-continue-ignored",
        QT_TRANSLATE_NOOP("cbi::CaptureWarning",
            "failedContinue: false for %1 does nothing: OpenIM ignores failedContinue since v3.7.0, and "
            "errors always fail the call")},
    {"not-callback",
        QT_TRANSLATE_NOOP("cbi::CaptureWarning",
            "Not a callback: no OpenIM command in the path, the query or the body, so OpenIM never sends "
            "this request (a liveness probe or a misdirected client)")},
    {"after-ignored",
        QT_TRANSLATE_NOOP("cbi::CaptureWarning", "After-callback: OpenIM does not read the reply")},
    {"after-ignored-sync",
        QT_TRANSLATE_NOOP("cbi::CaptureWarning",
            "After-callback: OpenIM ignores the reply but waits for it (synchronous before v3.7)")},
    {"after-queue",
        QT_TRANSLATE_NOOP("cbi::CaptureWarning",
            "This reply held one of OpenIM's 2 webhook workers for %1 ms: at more than 2 such callbacks per "
            "%1 ms its queue of 100 fills, then OpenIM blocks the sending call up to %2 ms and drops "
            "callbacks")},
    {"net-closed",
        QT_TRANSLATE_NOOP("cbi::CaptureWarning", "Connection closed without a reply: NetworkError 90004")},
    {"net-reset", QT_TRANSLATE_NOOP("cbi::CaptureWarning", "Connection reset: NetworkError 90004")},
    {"net-timeout",
        QT_TRANSLATE_NOOP("cbi::CaptureWarning", "No reply within the %1 ms timeout: NetworkError 90004")},
    {"net-truncated",
        QT_TRANSLATE_NOOP("cbi::CaptureWarning",
            "Reply body shorter than its Content-Length (unexpected EOF): NetworkError 90004")},
    {"net-drip-timeout",
        QT_TRANSLATE_NOOP("cbi::CaptureWarning",
            "The reply trickles in over %1 ms, past the %2 ms timeout: NetworkError 90004")},
    {"net-late",
        QT_TRANSLATE_NOOP(
            "cbi::CaptureWarning", "Reply after %1 ms, past the %2 ms timeout: NetworkError 90004")},
    {"failed-continue",
        QT_TRANSLATE_NOOP("cbi::CaptureWarning", "%1; failedContinue: true makes OpenIM %2 carry on")},
    {"failed-continue-false",
        QT_TRANSLATE_NOOP("cbi::CaptureWarning", "failedContinue is false: the error fails the call")},
    {"status-ignored",
        QT_TRANSLATE_NOOP("cbi::CaptureWarning", "HTTP status %1 is ignored: OpenIM only reads the body")},
    {"data-error",
        QT_TRANSLATE_NOOP(
            "cbi::CaptureWarning", "The reply is not the JSON OpenIM expects (%1): DataError 90007")},
    {"v36-cannot-deny",
        QT_TRANSLATE_NOOP(
            "cbi::CaptureWarning", "OpenIM v3.6 only logs a denial: before-callbacks cannot block there")},
    {"action-code-not-zero",
        QT_TRANSLATE_NOOP("cbi::CaptureWarning",
            "actionCode %1 with nextCode 1 does not block: OpenIM stops only when actionCode is 0 and "
            "nextCode is 1")},
    {"blocked-v2",
        QT_TRANSLATE_NOOP(
            "cbi::CaptureWarning", "Blocked: actionCode is not 0; the send returns errCode %1")},
    {"blocked-low-code",
        QT_TRANSLATE_NOOP("cbi::CaptureWarning",
            "Blocked with errCode %1, but codes under 100 reach the caller as 500 ServerInternalError")},
    {"blocked-caller-500",
        QT_TRANSLATE_NOOP("cbi::CaptureWarning",
            "Blocked with errCode %1, but this OpenIM version does not hand that code on: the caller sees "
            "500 ServerInternalError")},
    {"blocked-zero-success",
        QT_TRANSLATE_NOOP("cbi::CaptureWarning",
            "Blocked with errCode 0: the operation does not run, yet the caller sees success with an empty "
            "response")},
    {"err-code-low",
        QT_TRANSLATE_NOOP(
            "cbi::CaptureWarning", "errCode %1 is under 100: use 100 or more (5000-9999 recommended)")},
    {"blocked",
        QT_TRANSLATE_NOOP("cbi::CaptureWarning", "Blocked: the caller gets errCode %1, errMsg \"%2\"")},
    {"err-code-without-stop",
        QT_TRANSLATE_NOOP("cbi::CaptureWarning", "errCode %1 without nextCode 1 does not block")},
    {"not-echoed",
        QT_TRANSLATE_NOOP("cbi::CaptureWarning",
            "%1 is not echoed from the request: OpenIM copies it back anyway and changes the group")},
    {"content-not-object",
        QT_TRANSLATE_NOOP("cbi::CaptureWarning",
            "The rewritten content is not JSON object text: OpenIM rejects the message with ArgsError 1001")},
    {"push-info-panic",
        QT_TRANSLATE_NOOP("cbi::CaptureWarning",
            "offlinePushInfo is copied into the message's own push info: if the message has none, OpenIM "
            "panics (errCode 500)")},
    {"panic-unsent-field",
        QT_TRANSLATE_NOOP("cbi::CaptureWarning",
            "%1 is returned but the client did not send it: OpenIM dereferences nil and fails with errCode "
            "500")},
    {"ex-panic-if-unsent",
        QT_TRANSLATE_NOOP("cbi::CaptureWarning",
            "ex is applied if the client's request set ex (the callback always shows it as null); if the "
            "client "
            "sent none, OpenIM dereferences nil and fails with errCode 500")},
    {"push-crash-single-chat",
        QT_TRANSLATE_NOOP("cbi::CaptureWarning",
            "userIDList on a one-to-one or notification chat: OpenIM %1 dereferences a nil list and panics, "
            "and openim-push has no recover, so the push service crashes (fixed in v3.8.1)")},
    {"push-crash-if-single",
        QT_TRANSLATE_NOOP("cbi::CaptureWarning",
            "The request has no sessionType: if this is a one-to-one or notification chat, OpenIM %1 "
            "panics on userIDList and the push service crashes (fixed in v3.8.1)")},
    {"profile-v37-narrowed",
        QT_TRANSLATE_NOOP("cbi::CaptureWarning",
            "Profile v3.7 now means OpenIM v3.7.0 - v3.7.1 only; for v3.8.2 - v3.8.3-patch.x use v3.8.2")},
    {"panic-member-userid",
        QT_TRANSLATE_NOOP(
            "cbi::CaptureWarning", "A memberCallbackList entry has no userID: OpenIM panics (errCode 500)")},
    {"continue-action-code",
        QT_TRANSLATE_NOOP("cbi::CaptureWarning", "Continues: actionCode %1 is not a denial")},
    {"continue", QT_TRANSLATE_NOOP("cbi::CaptureWarning", "Continues unchanged")},
    {"modified", QT_TRANSLATE_NOOP("cbi::CaptureWarning", "Continues with %1 rewritten")},
    {"fields-ignored", QT_TRANSLATE_NOOP("cbi::CaptureWarning", "Ignored by OpenIM for this command: %1")},
    {"reply-header-refused",
        QT_TRANSLATE_NOOP("cbi::CaptureWarning",
            "Reply header %1 was not sent: its template value holds CR, LF or another control character "
            "from the request, which would have added headers to the reply or split it")},
    {"regex-gave-up",
        QT_TRANSLATE_NOOP("cbi::CaptureWarning",
            "Rule \"%1\": %2 gave up on this request (it backtracked past its time budget); the "
            "condition was taken as not holding")},
    {"near-miss", QT_TRANSLATE_NOOP("cbi::CaptureWarning", "Closest rule \"%1\" missed: %2")},
    {"near-miss-none-held",
        QT_TRANSLATE_NOOP(
            "cbi::CaptureWarning", "Closest rule \"%1\" missed: none of its conditions held, e.g. %2")},
    {"near-miss-command",
        QT_TRANSLATE_NOOP(
            "cbi::CaptureWarning", "Closest rule \"%1\" missed: the command is %2, the rule wants %3")},
    {"legacy-name",
        QT_TRANSLATE_NOOP("cbi::CaptureWarning", "Legacy command name sent by OpenIM %1; today it is %2")},
    {"legacy-name-retired",
        QT_TRANSLATE_NOOP("cbi::CaptureWarning",
            "Legacy command name sent by OpenIM %1; current servers have no such callback")},
    {"version-command",
        QT_TRANSLATE_NOOP(
            "cbi::CaptureWarning", "OpenIM %1 never sends %2; this request looks like %3: switch profile?")},
    {"version-branch-only",
        QT_TRANSLATE_NOOP("cbi::CaptureWarning",
            "No OpenIM %1 release sends %2: later builds of the 3.8.3-patch branch do (a backport), and so "
            "does %3. With a release, switch profile?")},
    {"version-never-sends", QT_TRANSLATE_NOOP("cbi::CaptureWarning", "OpenIM %1 never sends %2")},
    {"version-fields",
        QT_TRANSLATE_NOOP("cbi::CaptureWarning",
            "OpenIM %1 does not send this request as captured (%2 differs); it looks like %3: switch "
            "profile?")},
    {"version-fields-none",
        QT_TRANSLATE_NOOP(
            "cbi::CaptureWarning", "OpenIM %1 does not send this request as captured (%2 differs)")},
    {"secret-leaked",
        QT_TRANSLATE_NOOP("cbi::CaptureWarning",
            "The request carries secret, OpenIM's admin secret from share.yml: this OpenIM version (%1) "
            "leaks it to the business server. Exports mask it")},
    {"unknown-command",
        QT_TRANSLATE_NOOP("cbi::CaptureWarning", "Unknown command %1: not in the OpenIM catalogue")},
    {"no-command",
        QT_TRANSLATE_NOOP("cbi::CaptureWarning", "No callback command in the path, the query or the body")},
    {"styles-disagree",
        QT_TRANSLATE_NOOP("cbi::CaptureWarning", "The %1 says %2 but the %3 says %4; the %1 was used")},
    {"outside-base-path",
        QT_TRANSLATE_NOOP("cbi::CaptureWarning",
            "Path %1 is outside the base path %2; its last segment was taken as the command")},
    {"double-slash",
        QT_TRANSLATE_NOOP("cbi::CaptureWarning",
            "The path has an empty segment (//): the url in webhooks.yml probably ends with '/'")},
    {"body-not-json", QT_TRANSLATE_NOOP("cbi::CaptureWarning", "The body is not a JSON object: %1")},
    {"no-operation-id", QT_TRANSLATE_NOOP("cbi::CaptureWarning", "No operationID header")},
    {"key-undecodable",
        QT_TRANSLATE_NOOP("cbi::CaptureWarning", "The key parameter is not base64-encoded JSON: %1")},
    {"header-too-large",
        QT_TRANSLATE_NOOP("cbi::CaptureWarning",
            "Request headers exceed %1 bytes: answered 431 and closed the connection")},
    {"body-too-large",
        QT_TRANSLATE_NOOP(
            "cbi::CaptureWarning", "Request body exceeds %1 bytes: answered 413 and closed the connection")},
    {"malformed",
        QT_TRANSLATE_NOOP(
            "cbi::CaptureWarning", "Malformed HTTP request (%1): answered 400 and closed the connection")},
};
} // namespace

static const char *templateOf(const QString &code)
{
    for (const auto &w : warningTexts) {
        if (code == QLatin1String(w.code))
            return w.text;
    }
    return nullptr;
}

QString CaptureWarning::text(bool translated) const
{
    if (!storedText.isEmpty())
        return storedText;
    const char *source = templateOf(code);
    if (!source)
        return code;
    QString out =
        translated ? QCoreApplication::translate("cbi::CaptureWarning", source) : QString::fromUtf8(source);
    // failedContinue wraps another reason: its code and arguments follow the version (see VerdictEngine).
    if (code == QLatin1String("failed-continue") && args.size() >= 2 && templateOf(args.first()))
        return out.arg(CaptureWarning {args.first(), args.mid(2), {}}.text(translated), args.at(1));
    // A condition (near miss, regex that gave up) is kept as data: worded here, in the language asked
    // for (operator names as words in the window, keywords in machine output). Files from before
    // hold its English text instead.
    QStringList words = args;
    const bool missed = code.startsWith(QLatin1String("near-miss"));
    if ((missed || code == QLatin1String("regex-gave-up")) && args.size() >= 2
        && args.at(1).startsWith(QLatin1Char('{'))) {
        const ConditionMatch condition =
            ConditionMatch::fromJson(QJsonDocument::fromJson(args.at(1).toUtf8()).object());
        words[1] = missed ? condition.text(false, translated) : condition.phrase(translated);
    }
    for (const auto &a : std::as_const(words))
        out = out.arg(a);
    return out;
}

CaptureWarning CaptureWarning::fromStored(const QString &code, const QJsonValue &args, const QString &text)
{
    const char *source = templateOf(code);
    // Arguments saved with it (or none needed): built again in the reader's language. Else (a file
    // from an older version) the English text as written.
    if (source && (args.isArray() || !QString::fromUtf8(source).contains(QLatin1Char('%')))) {
        QStringList list;
        for (const auto &a : args.toArray())
            list.append(a.toString());
        return {code, list, {}};
    }
    return {code, {}, text};
}

QJsonValue CaptureWarning::argsToJson() const
{
    return storedText.isEmpty() && !args.isEmpty() ? QJsonValue(QJsonArray::fromStringList(args))
                                                   : QJsonValue(QJsonValue::Undefined);
}

} // namespace cbi
