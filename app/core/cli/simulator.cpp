// SPDX-License-Identifier: MIT
#include "simulator.h"

#include "catalogue/catalogue.h"
#include "catalogue/versionrequests.h"
#include "commandline.h"
#include "session/sessionjournal.h"
#include "verdict/verdictengine.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>
#include <QUuid>

#include <cstdio>
#include <optional>

namespace cbi {

QJsonObject Simulator::send(const Options &options, const QString &command, const QByteArray &body)
{
    // The URL style of the version: {url}/{command} since v3.4.2, ?command= before, the bare url in v2.
    QString url = options.url;
    if (options.profile >= Profile::V3_4_2) {
        url += QLatin1Char('/') + command; // plain concatenation, as OpenIM does (a trailing '/' gives '//')
    } else if (options.profile >= Profile::V3_0) {
        url += (url.contains(QLatin1Char('?')) ? QLatin1Char('&') : QLatin1Char('?'))
            + QStringLiteral("command=") + command;
    }
    const int timeoutMs = VerdictEngine::effectiveTimeoutMs(options.timeoutSeconds);
    const QString operationID = QUuid::createUuid().toString(QUuid::WithoutBraces);

    // A plain socket, not QNetworkAccessManager: QNAM silently re-sends a POST whose connection was
    // reset, and OpenIM never retries. One request, one connection, as Go's client with a fresh pool.
    const QUrl target(url);
    // https:// is TLS, verified as Go verifies (the system's CAs and the host name; --cacert adds
    // one, --insecure turns checks off): a certificate OpenIM would refuse fails here too (90004).
    const bool tls = target.scheme() == QLatin1String("https");
    QSslSocket socket;
    if (tls) {
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        if (!options.caCertPath.isEmpty()) {
            const QList<QSslCertificate> cas = QSslCertificate::fromPath(options.caCertPath, QSsl::Pem);
            if (cas.isEmpty())
                return QJsonObject {{QStringLiteral("url"), url}, {QStringLiteral("command"), command},
                    {QStringLiteral("error"),
                        QStringLiteral("--cacert %1 holds no PEM certificate").arg(options.caCertPath)}};
            config.addCaCertificates(cas);
        }
        if (options.insecure)
            config.setPeerVerifyMode(QSslSocket::VerifyNone);
        socket.setSslConfiguration(config);
    }
    QByteArray received;
    QString transportError;
    QElapsedTimer clock;
    clock.start();
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    deadline.setTimerType(Qt::PreciseTimer);
    bool timedOut = false;
    QObject::connect(&deadline, &QTimer::timeout, &loop, [&] {
        // Go's Client.Timeout covers the whole exchange, the body too: a reply still dripping in
        // when it runs out is an error (90004), however much of it came.
        timedOut = true;
        transportError = received.contains("\r\n\r\n")
            ? QStringLiteral("context deadline exceeded (Client.Timeout or context cancellation while "
                             "reading body)")
            : QStringLiteral("context deadline exceeded (Client.Timeout exceeded while awaiting headers)");
        loop.quit();
    });
    QObject::connect(&socket, tls ? &QSslSocket::encrypted : &QTcpSocket::connected, &loop, [&] {
        QByteArray path = target.path(QUrl::FullyEncoded).toLatin1();
        if (path.isEmpty())
            path = "/";
        if (target.hasQuery())
            path += '?' + target.query(QUrl::FullyEncoded).toLatin1();
        socket.write("POST " + path + " HTTP/1.1\r\nHost: " + target.authority().toLatin1()
            + "\r\nUser-Agent: Go-http-client/1.1\r\nContent-Length: "
            + QByteArray::number(body.size())
            // Go's Header.Set canonicalises the name: OpenIM's header arrives as "Operationid".
            + "\r\nContent-Type: application/json; charset=utf-8\r\nOperationid: "
            + operationID.toUtf8()
            // One request per connection: the reply ends where the connection does, whatever its framing.
            + "\r\nConnection: close\r\n\r\n" + body);
    });
    qsizetype end = -1;
    QObject::connect(&socket, &QTcpSocket::readyRead, &loop, [&] {
        if (timedOut)
            return;
        const qsizetype before = received.size();
        received += socket.readAll();
        if (received.size() > maxReplyBytes) {
            // OpenIM decodes a few fields of a small JSON object; a reply this large only costs memory.
            transportError = QStringLiteral("reply larger than %1 bytes: stopped reading").arg(maxReplyBytes);
            received.truncate(maxReplyBytes);
            socket.abort();
            loop.quit();
            return;
        }
        if (end < 0) // search the new bytes only: a reply arriving in many pieces costs linear time
            end = received.indexOf("\r\n\r\n", qMax<qsizetype>(0, before - 3));
        if (end < 0)
            return;
        const QByteArray head = received.left(end).toLower();
        const qsizetype cl = head.indexOf("content-length:");
        if (cl >= 0) {
            const qint64 length = head.mid(cl + 15, head.indexOf('\r', cl) - cl - 15).trimmed().toLongLong();
            if (received.size() - end - 4 >= length)
                loop.quit();
        }
    });
    QObject::connect(&socket, &QSslSocket::sslErrors, &loop, [&](const QList<QSslError> &errors) {
        QStringList reasons;
        for (const QSslError &e : errors)
            reasons.append(e.errorString());
        transportError = QStringLiteral("TLS: %1").arg(reasons.join(QStringLiteral("; ")));
        socket.abort();
        loop.quit();
    });
    QObject::connect(&socket, &QTcpSocket::disconnected, &loop, &QEventLoop::quit);
    QObject::connect(&socket, &QTcpSocket::errorOccurred, &loop, [&](QAbstractSocket::SocketError e) {
        if ((e != QAbstractSocket::RemoteHostClosedError || received.isEmpty()) && transportError.isEmpty())
            transportError = socket.errorString();
        loop.quit();
    });
    deadline.start(timeoutMs);
    if (tls)
        socket.connectToHostEncrypted(target.host(), quint16(target.port(443)));
    else
        socket.connectToHost(target.host(), quint16(target.port(80)));
    loop.exec();
    if (!timedOut && socket.isOpen() && received.size() < maxReplyBytes)
        received += socket.read(maxReplyBytes - received.size());
    const qint64 elapsed = clock.elapsed();

    QJsonObject out {{QStringLiteral("url"), url}, {QStringLiteral("command"), command},
        {QStringLiteral("operationID"), operationID},
        {QStringLiteral("profile"), profileName(options.profile)}, {QStringLiteral("timeoutMs"), timeoutMs},
        {QStringLiteral("elapsedMs"), elapsed}};
    VerdictEngine::Input in;
    in.command = command;
    in.requestBody = QJsonDocument::fromJson(body).object();
    in.timeoutSeconds = options.timeoutSeconds;
    in.profile = options.profile;
    in.failedContinue = options.failedContinue;
    const qsizetype headEnd = received.indexOf("\r\n\r\n");
    if (timedOut || (!transportError.isEmpty() && headEnd < 0)) {
        out.insert(QStringLiteral("error"), transportError);
        in.reply.fault = timedOut ? Fault::Hang : Fault::Close;
    } else if (!transportError.isEmpty() && received.size() >= maxReplyBytes) {
        out.insert(QStringLiteral("error"), transportError);
        in.reply.fault = Fault::Close;
    } else if (headEnd < 0) {
        out.insert(QStringLiteral("error"),
            received.isEmpty() ? QStringLiteral("EOF") : QStringLiteral("malformed HTTP response"));
        in.reply.fault = Fault::Close;
    } else {
        const QList<QByteArray> lines = received.left(headEnd).split('\n');
        in.reply.status = lines.first().split(' ').value(1).toInt();
        QJsonArray headers;
        qint64 length = -1;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            const QByteArray name = line.left(colon);
            const QByteArray value = line.mid(colon + 1).trimmed();
            in.reply.headers.append({name, value});
            headers.append(QJsonObject {{QStringLiteral("name"), QString::fromLatin1(name)},
                {QStringLiteral("value"), QString::fromLatin1(value)}});
            if (name.compare("content-length", Qt::CaseInsensitive) == 0)
                length = value.toLongLong();
        }
        in.reply.body = received.mid(headEnd + 4);
        if (in.reply.headers.size()
            && QByteArray(received.left(headEnd)).toLower().contains("transfer-encoding: chunked")) {
            QByteArray decoded;
            const QByteArray raw = in.reply.body;
            qsizetype pos = 0;
            for (;;) {
                const qsizetype nl = raw.indexOf("\r\n", pos);
                bool ok = false;
                const qint64 size =
                    nl < 0 ? -1 : raw.mid(pos, nl - pos).split(';').first().trimmed().toLongLong(&ok, 16);
                if (!ok || size <= 0 || size > raw.size() - nl - 2)
                    break;
                decoded += raw.mid(nl + 2, size);
                pos = nl + 2 + size + 2;
            }
            in.reply.body = decoded;
        }
        if (length >= 0 && in.reply.body.size() < length) {
            // The body was cut short: Go fails reading it (unexpected EOF), or timed out waiting.
            out.insert(QStringLiteral("error"),
                transportError.isEmpty() ? QStringLiteral("unexpected EOF") : transportError);
            in.reply.fault = transportError.isEmpty() ? Fault::Truncate : Fault::Hang;
        }
        out.insert(QStringLiteral("reply"),
            QJsonObject {{QStringLiteral("status"), in.reply.status}, {QStringLiteral("headers"), headers},
                {QStringLiteral("body"), QString::fromUtf8(in.reply.body)}});
    }
    out.insert(QStringLiteral("verdict"), VerdictEngine::compute(in).toJson());
    return out;
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
