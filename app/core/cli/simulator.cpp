// SPDX-License-Identifier: MIT
#include "simulator.h"

#include "catalogue/catalogue.h"
#include "catalogue/versionrequests.h"
#include "commandline.h"
#include "http/openimclient.h"
#include "session/sessionjournal.h"
#include "verdict/verdictengine.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>
#include <QUuid>

#include <cstdio>
#include <optional>

namespace cbi {

namespace {

// The request the chosen version sends: its URL style, Go's canonical header names, the timeout
// capped at OpenIM's 15 s.
OpenImClient::Request openImRequest(
    const Simulator::Options &options, const QString &command, const QByteArray &body)
{
    // The URL style of the version: {url}/{command} since v3.4.2, ?command= before, the bare url in v2.
    QString url = options.url;
    if (options.profile >= Profile::V3_4_2) {
        url += QLatin1Char('/') + command; // plain concatenation, as OpenIM does (a trailing '/' gives '//')
    } else if (options.profile >= Profile::V3_0) {
        url += (url.contains(QLatin1Char('?')) ? QLatin1Char('&') : QLatin1Char('?'))
            + QStringLiteral("command=") + command;
    }
    OpenImClient::Request request;
    request.url = QUrl(url);
    request.body = body;
    request.timeoutMs = VerdictEngine::effectiveTimeoutMs(options.timeoutSeconds);
    // Go's Header.Set canonicalises the name: OpenIM's header arrives as "Operationid". Its value is
    // the triggering request's operation ID, the one the body carries too (openim-callbacks.md 2.1);
    // a fresh one only when the body has none (afterCreateGroup) or an empty one (SetGroupInfo).
    QString operationId =
        QJsonDocument::fromJson(body).object().value(QLatin1String("operationID")).toString();
    if (operationId.isEmpty())
        operationId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    request.headers = {{"User-Agent", "Go-http-client/1.1"},
        {"Content-Type", "application/json; charset=utf-8"}, {"Operationid", operationId.toUtf8()}};
    return request;
}

QJsonObject callResult(const Simulator::Options &options, const QString &command,
    const OpenImClient::Request &request, const OpenImClient::Reply &reply)
{
    QJsonObject out {{QStringLiteral("url"), request.url.toString()}, {QStringLiteral("command"), command},
        {QStringLiteral("operationID"), QString::fromUtf8(request.headers.last().second)},
        {QStringLiteral("profile"), profileName(options.profile)},
        {QStringLiteral("timeoutMs"), request.timeoutMs}, {QStringLiteral("elapsedMs"), reply.elapsedMs}};
    VerdictEngine::Input in;
    in.command = command;
    in.requestBody = QJsonDocument::fromJson(request.body).object();
    in.timeoutSeconds = options.timeoutSeconds;
    in.profile = options.profile;
    in.failedContinue = options.failedContinue;
    using Failure = OpenImClient::Failure;
    if (reply.failure != Failure::None)
        out.insert(QStringLiteral("error"), reply.error);
    // What OpenIM sees of a failed call: no reply in time (Hang), a body cut short, or none at all.
    if (reply.failure == Failure::Timeout)
        in.reply.fault = Fault::Hang;
    else if (reply.failure == Failure::Truncated)
        in.reply.fault = Fault::Truncate;
    else if (reply.failure != Failure::None)
        in.reply.fault = Fault::Close;
    if (reply.status > 0 && reply.failure != Failure::Timeout) {
        in.reply.status = reply.status;
        in.reply.headers = reply.headers;
        in.reply.body = reply.body;
        QJsonArray headers;
        for (const auto &h : reply.headers)
            headers.append(QJsonObject {{QStringLiteral("name"), QString::fromLatin1(h.first)},
                {QStringLiteral("value"), QString::fromLatin1(h.second)}});
        out.insert(QStringLiteral("reply"),
            QJsonObject {{QStringLiteral("status"), reply.status}, {QStringLiteral("headers"), headers},
                {QStringLiteral("body"), QString::fromUtf8(reply.body)}});
    }
    out.insert(QStringLiteral("verdict"), VerdictEngine::compute(in).toJson());
    return out;
}

OpenImClient::Tls clientTls(const Simulator::Options &options)
{
    return OpenImClient::Tls {options.caCertPath, !options.insecure};
}

} // namespace

QJsonObject Simulator::send(const Options &options, const QString &command, const QByteArray &body)
{
    const OpenImClient::Request request = openImRequest(options, command, body);
    const QString tlsError = OpenImClient::checkTls(clientTls(options));
    if (!tlsError.isEmpty())
        return QJsonObject {{QStringLiteral("url"), request.url.toString()},
            {QStringLiteral("command"), command},
            {QStringLiteral("error"), QStringLiteral("--cacert: %1").arg(tlsError)}};
    return callResult(options, command, request, OpenImClient::sendAndWait(request, clientTls(options)));
}

void Simulator::sendAsync(const Options &options, const QString &command, const QByteArray &body,
    QObject *context, std::function<void(QJsonObject)> done)
{
    const OpenImClient::Request request = openImRequest(options, command, body);
    OpenImClient::send(request, clientTls(options), context,
        [options, command, request, done = std::move(done)](
            const OpenImClient::Reply &reply) { done(callResult(options, command, request, reply)); });
}

int Simulator::run(const Options &options)
{
    const Catalogue &catalogue = Catalogue::instance();
    // Only what the chosen version sends, under the name it used (versions.md's table).
    const VersionRequests versions(catalogue);
    const QString version = profileName(options.profile);
    QStringList commands;
    if (options.command == QLatin1String("all")) {
        for (const auto &spec : catalogue.commands()) {
            if (!spec.sentByNewest)
                continue;
            if (versions.nameIn(spec, version).isEmpty())
                std::fprintf(stderr, "%s\n",
                    qPrintable(tr("skipped %1: OpenIM %2 never sends it").arg(spec.command, version)));
            else
                commands.append(spec.command);
        }
    } else {
        commands.append(options.command);
    }
    QByteArray customBody;
    if (!options.replaySession.isEmpty()) {
        // Replay: the captured request again, to another server; the output says which capture it was.
        std::optional<CapturedRequest> original;
        QString error;
        SessionJournal::forEach(
            options.replaySession, {},
            [&](const CapturedRequest &c) {
                if (c.id == options.replayId)
                    original = c;
                return !original;
            },
            &error);
        if (!original) {
            std::fprintf(stderr, "%s\n",
                qPrintable(error.isEmpty()
                        ? tr("error: no capture %1 in %2").arg(options.replayId).arg(options.replaySession)
                        : tr("error: %1").arg(error)));
            return ExitBadSession;
        }
        QJsonObject result = send(options, original->command, original->body);
        result.insert(QStringLiteral("replayOf"), qint64(original->id));
        const QByteArray line = QJsonDocument(result).toJson(QJsonDocument::Compact) + '\n';
        std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
        return ExitOk;
    }
    if (!options.bodyPath.isEmpty()) {
        QFile file(options.bodyPath);
        if (!file.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "%s\n",
                qPrintable(tr("error: cannot read %1: %2").arg(options.bodyPath, file.errorString())));
            return ExitUsage;
        }
        customBody = file.readAll();
    }
    QMap<QString, int> outcomes;
    int calls = 0;
    for (const QString &command : std::as_const(commands)) {
        const CommandSpec *spec = catalogue.find(catalogue.canonicalName(command));
        QString name = command;
        if (spec) {
            // The current name is sent as the version named it (v3.7's member join); a name of its
            // own the version never used, or a command it never sends, is refused.
            name = versions.nameIn(*spec, version);
            if (name.isEmpty() || (command != spec->command && command != name)) {
                std::fprintf(stderr, "%s\n",
                    qPrintable(tr("error: OpenIM %1 never sends %2: choose another --profile")
                                   .arg(version, command)));
                return ExitUsage;
            }
        }
        QList<QByteArray> bodies;
        if (!customBody.isEmpty()) {
            bodies.append(customBody);
        } else if (!spec) {
            std::fprintf(
                stderr, "%s\n", qPrintable(tr("error: unknown command %1: give --body FILE").arg(command)));
            return ExitUsage;
        } else {
            // Go's json.Encoder ends the body with a newline. v3.7 sends member join once per member.
            for (const QJsonObject &request : versions.requestsIn(*spec, version, spec->sampleRequest))
                bodies.append(QJsonDocument(request).toJson(QJsonDocument::Compact) + '\n');
        }
        for (const QByteArray &body : std::as_const(bodies)) {
            const QJsonObject result = send(options, name, body);
            const QByteArray line = QJsonDocument(result).toJson(QJsonDocument::Compact) + '\n';
            std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
            std::fflush(stdout);
            ++calls;
            ++outcomes[result.value(QLatin1String("verdict"))
                           .toObject()
                           .value(QLatin1String("outcome"))
                           .toString()];
        }
    }
    if (calls > 1) {
        QStringList summary;
        for (auto it = outcomes.begin(); it != outcomes.end(); ++it)
            summary.append(QStringLiteral("%1 %2").arg(it.value()).arg(it.key()));
        std::fprintf(stderr, "%s\n",
            qPrintable(tr("%n call(s) sent: %1", nullptr, calls).arg(summary.join(QStringLiteral(", ")))));
    }
    return ExitOk;
}

} // namespace cbi
