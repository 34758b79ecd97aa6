// SPDX-License-Identifier: MIT
#include "commandline.h"

#include "http/openimclient.h"
#include "verdict/profile.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <limits>

namespace cbi {

bool CommandLine::parseListen(const QString &text, QHostAddress *address, quint16 *port)
{
    QString host;
    QString portText;
    if (text.startsWith(QLatin1Char('['))) {
        const qsizetype close = text.indexOf(QLatin1String("]:"));
        if (close < 0)
            return false;
        host = text.mid(1, close - 1);
        portText = text.mid(close + 2);
    } else {
        const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
        if (colon < 0 || text.indexOf(QLatin1Char(':')) != colon)
            return false;
        host = text.left(colon);
        portText = text.mid(colon + 1);
    }
    bool ok = false;
    const uint p = portText.toUInt(&ok);
    if (!ok || p > 65535)
        return false;
    QHostAddress a;
    if (host.isEmpty() || host == QLatin1String("localhost"))
        a = QHostAddress(QHostAddress::LocalHost);
    else if (host == QLatin1String("*"))
        a = QHostAddress(QHostAddress::Any);
    else if (!a.setAddress(host))
        return false;
    *address = a;
    *port = quint16(p);
    return true;
}

qint64 CommandLine::parseDuration(const QString &text, qint64 bareUnitMs)
{
    QString t = text.trimmed().toLower();
    qint64 unit = bareUnitMs;
    if (t.endsWith(QLatin1String("ms"))) {
        unit = 1;
        t.chop(2);
    } else if (t.endsWith(QLatin1Char('s'))) {
        unit = 1000;
        t.chop(1);
    }
    bool ok = false;
    const qint64 n = t.toLongLong(&ok);
    if (!ok || n < 0 || n > std::numeric_limits<int>::max() / unit)
        return -1;
    return n * unit;
}

QString CommandLine::basePathProblem(const QString &path)
{
    if (path.isEmpty())
        return {}; // callbacks straight under the root: {url} is http://host:port
    if (!path.startsWith(QLatin1Char('/')) || path.endsWith(QLatin1Char('/')))
        return tr("expected a path such as /callbackExample (a leading /, no trailing /)");
    for (const QChar ch : path) {
        if (ch.unicode() <= 0x20 || ch.unicode() >= 0x7f || QStringLiteral("?#%\\\"").contains(ch))
            return tr("expected plain path characters (no spaces, ?, #, % or quotes)");
    }
    if (QString(path + QLatin1Char('/')).startsWith(QStringLiteral("/__inspector/")))
        return tr("/__inspector/ is the control API's; callbacks there would never be captured");
    return {};
}

qint64 CommandLine::parseSize(const QString &text)
{
    QString t = text.trimmed().toUpper();
    qint64 factor = 1;
    if (t.endsWith(QLatin1Char('B')))
        t.chop(1);
    if (t.endsWith(QLatin1Char('K'))) {
        factor = 1024;
    } else if (t.endsWith(QLatin1Char('M'))) {
        factor = 1024 * 1024;
    } else if (t.endsWith(QLatin1Char('G'))) {
        factor = 1024 * 1024 * 1024;
    }
    if (factor != 1)
        t.chop(1);
    bool ok = false;
    const qint64 n = t.toLongLong(&ok);
    // Sizes that overflow are refused, never wrapped (17179869184G once wrapped to 0: every body 413).
    if (!ok || n < 0 || n > std::numeric_limits<qint64>::max() / factor)
        return -1;
    return n * factor;
}

CommandLine CommandLine::parse(const QStringList &arguments)
{
    CommandLine result;
    QCommandLineParser parser;
    parser.setApplicationDescription(tr(
        "OpenIM Callback Inspector: captures the webhook callbacks of an OpenIM "
        "server, answers them, and shows what OpenIM will do with each answer.\n\n"
        "Without a command the desktop window opens (with no display it serves "
        "headless).\nCommands:\n  serve         run the capture server headless\n"
        "  run SCENARIO  serve a scenario, run the test driver, check the scenario's expectations and exit 0 "
        "(all met) or 1\n"
        "  export SESSION --format har|json|ndjson|csv|curl -o FILE  export a session file\n"
        "  import FILE --session SESSION  add captures from a HAR, JSON or NDJSON file to a session\n"
        "  send --to URL --command CMD|all  act as OpenIM: post a callback to your business server and say "
        "what "
        "OpenIM would do with the reply\n"
        "  webhooks check FILE | why FILE | generate  read, explain or write OpenIM's webhooks.yml"));
    const QCommandLineOption help(
        QStringList {QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help."));
    const QCommandLineOption version(
        QStringList {QStringLiteral("v"), QStringLiteral("version")}, tr("Show the version."));
    const QCommandLineOption listen(QStringLiteral("listen"),
        tr("Address and port to listen on (default 127.0.0.1:10006; port 0 picks a "
           "free one; [::1]:PORT for IPv6)."),
        tr("host:port"), QStringLiteral("127.0.0.1:10006"));
    const QCommandLineOption basePath(QStringLiteral("base-path"),
        tr("Path under which OpenIM posts {path}/{callbackCommand} (default "
           "/callbackExample)."),
        tr("path"), QStringLiteral("/callbackExample"));
    const QCommandLineOption maxBody(QStringLiteral("max-body"),
        tr("Largest request body accepted; larger ones are answered 413 and still "
           "captured (default 16M)."),
        tr("bytes"), QStringLiteral("16M"));
    const QCommandLineOption maxHeader(QStringLiteral("max-header"),
        tr("Largest request head accepted; larger ones are answered 431 and still "
           "captured (default 64K)."),
        tr("bytes"), QStringLiteral("64K"));
    const QCommandLineOption tlsCert(QStringLiteral("tls-cert"),
        tr("Serve HTTPS with this PEM certificate (chain); needs --tls-key."), tr("file"));
    const QCommandLineOption tlsKey(
        QStringLiteral("tls-key"), tr("The PEM private key (unencrypted) of --tls-cert."), tr("file"));
    const QCommandLineOption idle(QStringLiteral("idle-timeout"),
        tr("Close a connection idle for this long (default 60), not counting time a "
           "delayed reply is pending."),
        tr("seconds"), QStringLiteral("60"));
    const QCommandLineOption delay(QStringLiteral("delay"), tr("Answer every callback after this delay."),
        tr("milliseconds"), QStringLiteral("0"));
    const QCommandLineOption capacity(QStringLiteral("capacity"),
        tr("Captures kept in memory; the oldest are dropped (default 50000, or 10000 with --session: the "
           "session file keeps them all)."),
        tr("count"));
    const QCommandLineOption memoryLimit(QStringLiteral("memory-limit"),
        tr("Bytes of captures kept in memory besides --capacity; the oldest are dropped past it (default "
           "512M; with --session the file keeps them all, and request bodies over 64K are read back from "
           "it)."),
        tr("bytes"), QStringLiteral("512M"));
    const QCommandLineOption scenario(QStringLiteral("scenario"),
        tr("Answer with the rules of this scenario file (docs/scenarios.md)."), tr("file"));
    QStringList profiles;
    for (const auto &name : profileNames()) {
        // "v3.7 (v3.7.0 - v3.7.1)", but "v3.8.0" and "main (pre-release-v3.8.4)" once.
        const QString range = profileRange(*profileFromName(name));
        profiles.append(range == name || range.startsWith(name + QStringLiteral(" ("))
                ? range
                : tr("%1 (%2)").arg(name, range));
    }
    const QCommandLineOption profile(QStringLiteral("profile"),
        tr("OpenIM version whose rules the verdict follows: %1; v3.8.4 is another name for main "
           "(default %2, or the scenario's).")
            .arg(profiles.join(QStringLiteral(", ")), profileName(defaultProfile)),
        tr("version"));
    const QCommandLineOption token(QStringLiteral("token"),
        tr("Bearer token of the control API (/__inspector/); by default one is generated when "
           "the server listens beyond loopback."),
        tr("token"));
    const QCommandLineOption journalFailure(QStringLiteral("on-journal-failure"),
        tr("When the --session file cannot be written (disk full, locked, I/O error): hold (default) "
           "keeps every reply until its capture is written, so OpenIM times out (90004); fail answers "
           "anyway and keeps the captures in memory, retrying the file."),
        QStringLiteral("hold|fail"), QStringLiteral("hold"));
    const QCommandLineOption caCert(QStringLiteral("cacert"),
        tr("send, and forward rules of serve and run: an https:// business server's certificate is checked "
           "against the system's CAs and this PEM file (its CA, or the certificate itself when "
           "self-signed)."),
        tr("file"));
    const QCommandLineOption insecure(QStringLiteral("insecure"),
        tr("send, and forward rules of serve and run: do not check an https:// business server's "
           "certificate (OpenIM itself would)."));
    const QCommandLineOption allowHost(QStringLiteral("allow-host"),
        tr("A host name the control API also answers to (besides localhost and IP addresses), e.g. the "
           "machine's name when scripts reach it by name; repeat for more."),
        tr("name"));
    const QCommandLineOption exec(QStringLiteral("exec"),
        tr("run: the test driver, a shell command run once the server listens (CBI_URL and "
           "CBI_API are set for it)."),
        tr("command"));
    const QCommandLineOption duration(
        QStringLiteral("duration"), tr("run: capture for this long, then check."), tr("milliseconds"));
    const QCommandLineOption count(
        QStringLiteral("count"), tr("run: check once this many callbacks arrived."), tr("count"));
    const QCommandLineOption timeout(QStringLiteral("timeout"),
        tr("With a unit, the same for every command: 5s or 5000ms. run: give up waiting for --count or "
           "the driver after this long (default 60s); send and webhooks generate: OpenIM's callback "
           "timeout (default 5s). A bare number keeps its old unit: milliseconds for run, seconds for "
           "send and webhooks generate."),
        tr("time"), QStringLiteral("60000ms"));
    const QCommandLineOption junit(
        QStringLiteral("junit"), tr("run: write a JUnit XML report to this file."), tr("file"));
    const QCommandLineOption session(QStringLiteral("session"),
        tr("Journal every capture and its reply to this session file (SQLite); import: "
           "the session to import into."),
        tr("file"));
    const QCommandLineOption format(QStringLiteral("format"),
        tr("export: har, json, ndjson, csv or curl (default json)."), tr("format"), QStringLiteral("json"));
    const QCommandLineOption output(QStringList {QStringLiteral("o"), QStringLiteral("output")},
        tr("export: the file to write (- for standard output)."), tr("file"));
    const QCommandLineOption command(
        QStringLiteral("command"), tr("export: only this callback command."), tr("command"));
    const QCommandLineOption verdict(QStringLiteral("verdict"),
        tr("export: only this verdict (continue, blocked, modified, failed, ignored)."), tr("verdict"));
    const QCommandLineOption since(
        QStringLiteral("since"), tr("export: only captures from this time on (ISO 8601)."), tr("time"));
    const QCommandLineOption target(QStringLiteral("target"),
        tr("export --format curl: the server the commands send to (default http://127.0.0.1:10006)."),
        tr("url"), QStringLiteral("http://127.0.0.1:10006"));
    const QCommandLineOption noMaskSecrets(QStringLiteral("no-mask-secrets"),
        tr("export: write the admin secret OpenIM v3.7.0 - v3.8.0 send in the user-register callbacks "
           "as captured, not as \"***\"."));
    const QCommandLineOption to(
        QStringLiteral("to"), tr("send: the business server's url, as in webhooks.yml."), tr("url"));
    const QCommandLineOption bodyFile(
        QStringLiteral("body"), tr("send: the request body (default: the catalogue's sample)."), tr("file"));
    const QCommandLineOption failedContinue(QStringLiteral("failed-continue"),
        tr("send: the webhooks.yml failedContinue (true or false; read by v2 - v3.6)."), tr("bool"),
        QStringLiteral("true"));
    const QCommandLineOption webhooks(QStringLiteral("webhooks"),
        tr("Take each command's timeout (and failedContinue) from OpenIM's webhooks.yml."), tr("file"));
    const QCommandLineOption url(
        QStringLiteral("url"), tr("webhooks generate: the inspector's url for OpenIM."), tr("url"));
    const QCommandLineOption env(
        QStringLiteral("env"), tr("webhooks generate: IMENV_WEBHOOKS_* lines instead of YAML."));
    const QCommandLineOption contentType(QStringLiteral("content-type"),
        tr("webhooks why: the message's contentType (default 101, text)."), tr("number"),
        QStringLiteral("101"));
    const QCommandLineOption sessionType(QStringLiteral("session-type"),
        tr("webhooks why: the message's sessionType: 1 single chat (default), 3 group, 4 notification."),
        tr("number"), QStringLiteral("1"));
    const QCommandLineOption sendId(
        QStringLiteral("send-id"), tr("webhooks why: the sender's user ID."), tr("id"));
    const QCommandLineOption recvId(
        QStringLiteral("recv-id"), tr("webhooks why: the receiver's user ID (single chats)."), tr("id"));
    const QCommandLineOption notification(QStringLiteral("notification"),
        tr("webhooks why: the message is a notification sent by OpenIM, not by a user."));
    const QCommandLineOption replay(QStringLiteral("replay"),
        tr("send: replay a capture of this session file (with --id) instead of a sample."), tr("session"));
    const QCommandLineOption id(
        QStringLiteral("id"), tr("send --replay: the id of the capture to replay."), tr("id"));
    const QCommandLineOption jsonl(
        QStringLiteral("jsonl"), tr("Print one JSON object per capture on stdout."));
    const QCommandLineOption exitAfter(QStringLiteral("exit-after"),
        tr("Stop after this long (for scripts)."), tr("milliseconds"), QStringLiteral("0"));
    parser.addOptions({help, version, listen, basePath, maxBody, maxHeader, tlsCert, tlsKey, idle, delay,
        capacity, memoryLimit, scenario, profile, token, allowHost, journalFailure, caCert, insecure, exec,
        duration, count, timeout, junit, session, format, output, command, verdict, since, target,
        noMaskSecrets, to, bodyFile, failedContinue, webhooks, url, env, contentType, sessionType, sendId,
        recvId, notification, replay, id, jsonl, exitAfter});

    parser.addPositionalArgument(QStringLiteral("command"),
        tr("serve, run SCENARIO, or nothing for the window."), QStringLiteral("[serve|run SCENARIO]"));

    auto fail = [&result](const QString &message) {
        result.mode = Mode::Error;
        result.message = message;
        return result;
    };
    // send and webhooks generate: OpenIM's callback timeout, whole seconds as in webhooks.yml.
    auto readSeconds = [&] {
        const qint64 ms = parser.isSet(timeout) ? parseDuration(parser.value(timeout), 1000) : 5000;
        result.sendTimeoutSeconds = int(ms / 1000);
        return ms >= 0 && ms % 1000 == 0;
    };
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(help)) {
        result.mode = Mode::Help;
        result.message = parser.helpText();
        return result;
    }
    if (parser.isSet(version)) {
        result.mode = Mode::Version;
        return result;
    }
    const QStringList positional = parser.positionalArguments();
    const QString verb = positional.value(0);
    const bool isRun =
        verb == QLatin1String("run") || verb == QLatin1String("export") || verb == QLatin1String("import");
    const bool isSend = verb == QLatin1String("send");
    if (verb == QLatin1String("webhooks")) {
        const QString what = positional.value(1);
        result.webhooksProfile = parser.value(profile);
        if (parser.isSet(profile) && !profileFromName(result.webhooksProfile))
            return fail(tr("Invalid --profile value %1: expected one of %2")
                            .arg(result.webhooksProfile, profileNames().join(QStringLiteral(", "))));
        if (what == QLatin1String("check") && positional.size() == 3) {
            result.mode = Mode::WebhooksCheck;
            result.webhooksFile = positional.at(2);
            result.serve.sessionPath = parser.value(session);
            return result;
        }
        if (what == QLatin1String("why") && positional.size() == 3) {
            result.mode = Mode::WebhooksWhy;
            result.webhooksFile = positional.at(2);
            auto &m = result.webhooksMessage;
            bool typeOk = false;
            bool sessionOk = false;
            m.contentType = parser.value(contentType).toInt(&typeOk);
            m.sessionType = parser.value(sessionType).toInt(&sessionOk);
            if (!typeOk || !sessionOk || m.sessionType < 1 || m.sessionType > 4)
                return fail(tr("webhooks why: --content-type takes a number, --session-type 1, 2, 3 or 4"));
            m.sendID = parser.value(sendId);
            m.recvID = parser.value(recvId);
            m.notification = parser.isSet(notification);
            return result;
        }
        if (what == QLatin1String("generate") && positional.size() == 2) {
            result.mode = Mode::WebhooksGenerate;
            result.webhooksUrl = parser.isSet(url) ? parser.value(url)
                                                   : QStringLiteral("http://127.0.0.1:10006/callbackExample");
            result.webhooksEnv = parser.isSet(env);
            result.transfer.command = parser.value(command);
            if (!readSeconds())
                return fail(tr("Invalid --timeout value %1: expected whole seconds, such as 5s")
                                .arg(parser.value(timeout)));
            return result;
        }
        return fail(
            tr("webhooks: use \"webhooks check FILE [--profile P] [--session S]\", \"webhooks why FILE "
               "[--profile P] [--content-type N] [--session-type N] [--send-id ID] [--recv-id ID] "
               "[--notification]\" or \"webhooks generate [--url URL] [--profile P] [--command "
               "all|before|after|CMD,...] [--timeout S] [--env]\""));
    }
    if (positional.size() > (isRun ? 2 : 1))
        return fail(tr("Unexpected argument: %1").arg(positional.last()));
    if (positional.isEmpty()) {
        result.mode = Mode::Gui;
    } else if (positional.first() == QLatin1String("serve")) {
        result.mode = Mode::Serve;
    } else if (verb == QLatin1String("run")) {
        if (positional.size() < 2)
            return fail(tr("run needs a scenario file: callback-inspector run SCENARIO"));
        result.mode = Mode::Run;
    } else if (verb == QLatin1String("export")) {
        if (positional.size() < 2 || !parser.isSet(output))
            return fail(tr("export needs a session file and an output: callback-inspector export SESSION "
                           "--format har -o FILE"));
        result.mode = Mode::Export;
    } else if (isSend) {
        if (!parser.isSet(to) || (!parser.isSet(command) && !parser.isSet(replay)))
            return fail(tr("send needs a url and a command: callback-inspector send --to URL --command CMD "
                           "(or --command "
                           "all, or --replay SESSION --id N)"));
        result.mode = Mode::Send;
    } else if (verb == QLatin1String("import")) {
        if (positional.size() < 2 || !parser.isSet(session))
            return fail(
                tr("import needs a file and a session: callback-inspector import FILE --session SESSION"));
        result.mode = Mode::Import;
    } else {
        return fail(tr("Unknown command: %1 (try --help)").arg(positional.first()));
    }

    ServeOptions &o = result.serve;
    if (!parseListen(parser.value(listen), &o.server.address, &o.server.port))
        return fail(
            tr("Invalid --listen value %1: expected HOST:PORT with an IP address, e.g. 127.0.0.1:10006")
                .arg(parser.value(listen)));
    o.server.basePath = parser.value(basePath);
    if (const QString problem = basePathProblem(o.server.basePath); !problem.isEmpty())
        return fail(tr("Invalid --base-path value %1: %2").arg(o.server.basePath, problem));
    o.listenGiven = parser.isSet(listen) || parser.isSet(basePath);
    const qint64 body = parseSize(parser.value(maxBody));
    if (body < 0)
        return fail(
            tr("Invalid --max-body value %1: expected a size such as 16M").arg(parser.value(maxBody)));
    o.server.maxBodyBytes = body;
    const qint64 head = parseSize(parser.value(maxHeader));
    if (head < 256)
        return fail(tr("Invalid --max-header value %1: expected a size of at least 256 bytes, such as 64K")
                        .arg(parser.value(maxHeader)));
    o.server.maxHeaderBytes = head;
    if (parser.isSet(tlsCert) != parser.isSet(tlsKey))
        return fail(tr("--tls-cert and --tls-key go together: HTTPS needs the certificate and its key"));
    o.server.tlsCertPath = parser.value(tlsCert);
    o.server.tlsKeyPath = parser.value(tlsKey);
    bool ok = false;
    const int idleSeconds = parser.value(idle).toInt(&ok);
    constexpr int maxIdleSeconds = 24 * 3600; // in ms it must fit an int
    if (!ok || idleSeconds <= 0 || idleSeconds > maxIdleSeconds)
        return fail(tr("Invalid --idle-timeout value %1: expected seconds from 1 to %2")
                        .arg(parser.value(idle))
                        .arg(maxIdleSeconds));
    o.server.idleTimeoutMs = idleSeconds * 1000;
    o.delayMs = parser.value(delay).toInt(&ok);
    if (!ok || o.delayMs < 0)
        return fail(tr("Invalid --delay value %1: expected milliseconds").arg(parser.value(delay)));
    o.capacity = parser.isSet(capacity) ? parser.value(capacity).toLongLong(&ok) : 0;
    if (parser.isSet(capacity) && (!ok || o.capacity <= 0))
        return fail(tr("Invalid --capacity value %1: expected a positive count").arg(parser.value(capacity)));
    o.memoryLimit = parseSize(parser.value(memoryLimit));
    if (o.memoryLimit < 1024 * 1024)
        return fail(tr("Invalid --memory-limit value %1: expected a size of at least 1M, such as 512M")
                        .arg(parser.value(memoryLimit)));
    o.exitAfterMs = parser.value(exitAfter).toInt(&ok);
    if (!ok || o.exitAfterMs < 0)
        return fail(tr("Invalid --exit-after value %1: expected milliseconds").arg(parser.value(exitAfter)));
    o.jsonl = parser.isSet(jsonl);
    o.scenarioPath = result.mode == Mode::Run ? positional.at(1) : parser.value(scenario);
    o.sessionPath = parser.value(session);
    const QString onFailure = parser.value(journalFailure);
    if (onFailure != QLatin1String("hold") && onFailure != QLatin1String("fail"))
        return fail(tr("Invalid --on-journal-failure value %1: expected hold or fail").arg(onFailure));
    o.journalFailOpen = onFailure == QLatin1String("fail");
    // A capture is one SQLite row, and SQLite refuses rows over 1e9 bytes: a body escaped into JSON
    // can grow sixfold, so with a session the body limit stays where every capture fits a row.
    constexpr qint64 maxJournaledBody = 128 * 1024 * 1024;
    const bool journals = !o.sessionPath.isEmpty() || result.mode == Mode::Gui; // the window always does
    if (journals && o.server.maxBodyBytes > maxJournaledBody)
        return fail(tr("--max-body %1 is too large with --session: a capture must fit one row of the "
                       "session file; at most 128M")
                        .arg(parser.value(maxBody)));
    o.webhooksPath = parser.value(webhooks);
    ExportOptions &t = result.transfer;
    t.input = positional.value(1);
    t.format = parser.value(format);
    t.output = parser.value(output);
    t.command = parser.value(command);
    t.verdict = parser.value(verdict);
    t.target = parser.value(target);
    t.maskSecrets = !parser.isSet(noMaskSecrets);
    static const QStringList formats = {QStringLiteral("har"), QStringLiteral("json"),
        QStringLiteral("ndjson"), QStringLiteral("csv"), QStringLiteral("curl")};
    if (!formats.contains(t.format))
        return fail(tr("Invalid --format value %1: expected one of %2")
                        .arg(t.format, formats.join(QStringLiteral(", "))));
    if (parser.isSet(since)) {
        t.since = QDateTime::fromString(parser.value(since), Qt::ISODateWithMs);
        if (!t.since.isValid())
            return fail(tr("Invalid --since value %1: expected an ISO 8601 time such as 2026-11-24T08:00:00Z")
                            .arg(parser.value(since)));
    }
    o.token = parser.value(token);
    o.server.controlToken = o.token;
    o.server.allowedHosts = parser.values(allowHost);
    o.server.forwardCaCertPath = parser.value(caCert);
    o.server.forwardVerify = !parser.isSet(insecure);
    if (const QString problem = OpenImClient::checkTls({o.server.forwardCaCertPath, true});
        !problem.isEmpty())
        return fail(tr("Invalid --cacert value: %1").arg(problem));
    RunOptions &r = result.run;
    r.exec = parser.value(exec);
    r.junitPath = parser.value(junit);
    if (parser.isSet(duration)) {
        r.durationMs = parser.value(duration).toInt(&ok);
        if (!ok || r.durationMs <= 0)
            return fail(tr("Invalid --duration value %1: expected milliseconds").arg(parser.value(duration)));
    }
    if (parser.isSet(count)) {
        r.count = parser.value(count).toInt(&ok);
        if (!ok || r.count <= 0)
            return fail(tr("Invalid --count value %1: expected a positive count").arg(parser.value(count)));
    }
    if (result.mode == Mode::Send) {
        // send mirrors webhooks.yml: the timeout is in seconds there.
        result.sendTo = parser.value(to);
        result.sendBody = parser.value(bodyFile);
        result.sendCaCert = parser.value(caCert);
        result.sendInsecure = parser.isSet(insecure);
        if (!readSeconds())
            return fail(tr("Invalid --timeout value %1: expected whole seconds, such as 5s")
                            .arg(parser.value(timeout)));
        const QString fc = parser.value(failedContinue);
        if (fc != QLatin1String("true") && fc != QLatin1String("false"))
            return fail(tr("Invalid --failed-continue value %1: expected true or false").arg(fc));
        result.sendFailedContinue = fc == QLatin1String("true");
        o.profile = parser.value(profile);
        if (parser.isSet(profile) && !profileFromName(o.profile))
            return fail(tr("Invalid --profile value %1: expected one of %2")
                            .arg(o.profile, profileNames().join(QStringLiteral(", "))));
        result.transfer.command = parser.value(command);
        result.replaySession = parser.value(replay);
        result.replayId = parser.value(id).toULongLong(&ok);
        if (parser.isSet(replay) && (!ok || !result.replayId))
            return fail(tr("send --replay needs --id N, the id of a capture in the session"));
        return result;
    }
    r.timeoutMs = int(parseDuration(parser.value(timeout), 1));
    if (r.timeoutMs <= 0)
        return fail(tr("Invalid --timeout value %1: expected a time such as 60s or 60000ms")
                        .arg(parser.value(timeout)));
    o.profile = parser.value(profile);
    if (parser.isSet(profile) && !profileFromName(o.profile))
        return fail(tr("Invalid --profile value %1: expected one of %2")
                        .arg(o.profile, profileNames().join(QStringLiteral(", "))));
    return result;
}

} // namespace cbi
