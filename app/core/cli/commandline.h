// SPDX-License-Identifier: MIT
#pragma once

#include "integration/callbackfilter.h"
#include "server/serverconfig.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace cbi {

// Exit codes of the headless commands: part of the contract with scripts (docs/cli.md).
enum ExitCode
{
    ExitOk = 0,
    ExitFailure = 1, // a runtime failure after start
    ExitUsage = 2, // bad command line
    ExitCannotListen = 3, // port busy, address not available, permission denied
    ExitBadScenario = 4, // the scenario file cannot be read or is invalid
    ExitBadSession = 5, // the session file cannot be opened (or an export/import input cannot be read)
};

struct ServeOptions
{
    ServerConfig server;
    bool jsonl = false;
    qsizetype capacity = 0; // 0: the default, ServeOptions::effectiveCapacity()
    // In memory: 50,000 captures; 10,000 when a session file keeps every capture anyway.
    qsizetype effectiveCapacity() const
    {
        return capacity > 0 ? capacity : sessionPath.isEmpty() ? 50000 : 10000;
    }
    qint64 memoryLimit = qint64(512) * 1024 * 1024; // bytes of captures in memory (--memory-limit)
    int delayMs = 0;
    int exitAfterMs = 0; // 0: run until SIGINT/SIGTERM
    QString scenarioPath;
    QString profile; // overrides the scenario's; validated by the parser
    bool listenGiven = false; // --listen or --base-path on the command line (else the GUI uses its settings)
    QString token; // control API bearer token; generated when empty and needed
    QString sessionPath; // journal every capture to this SQLite session file
    // When the session file cannot be written: hold the replies until it can (OpenIM times out,
    // 90004), or fail open (replies leave, captures are kept in memory and retried).
    bool journalFailOpen = false;
    QString webhooksPath; // take the timeouts OpenIM uses from its webhooks.yml
};

struct ExportOptions
{
    QString input; // export: the session file; import: the HAR/JSON/NDJSON file
    QString format = QStringLiteral("json");
    QString output; // "-": stdout
    QString command;
    QString verdict;
    QDateTime since;
    QString target = QStringLiteral("http://127.0.0.1:10006"); // curl: where the replayed requests go
    bool maskSecrets = true; // "secret":"***" (the admin secret of OpenIM v3.7.0 - v3.8.0)
};

struct RunOptions
{
    QString exec; // the test driver: a shell command, run with CBI_URL and CBI_API set
    int durationMs = 0;
    int count = 0; // stop once this many captures arrived
    int timeoutMs = 60000; // at most this long waiting for --count or the driver
    QString junitPath;
};

// The command line of `callback-inspector [serve] [options]`, parsed without side effects so
// that tests can check every option and message. Messages are user-facing (translated).
struct CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(cbi::CommandLine)
public:
    enum class Mode
    {
        Gui,
        Serve,
        Run,
        Export,
        Import,
        Send,
        WebhooksCheck,
        WebhooksGenerate,
        WebhooksWhy,
        Help,
        Version,
        Error
    };

    Mode mode = Mode::Gui;
    ServeOptions serve;
    RunOptions run; // Mode::Run; serve.scenarioPath holds the scenario
    ExportOptions transfer; // Mode::Export and Mode::Import
    QString sendTo; // Mode::Send: the business server's webhooks url
    QString sendBody; // Mode::Send: a request body file
    QString sendCaCert; // Mode::Send: https: a PEM CA certificate to trust
    bool sendInsecure = false; // Mode::Send: https: no certificate checks
    int sendTimeoutSeconds = 5;
    bool sendFailedContinue = true;
    QString replaySession; // send --replay SESSION --id N
    quint64 replayId = 0;
    QString webhooksFile; // WebhooksCheck; serve/run --webhooks: take OpenIM's timeouts from it
    QString webhooksUrl; // WebhooksGenerate
    bool webhooksEnv = false;
    QString webhooksProfile; // webhooks check / generate / why --profile; empty when not given
    CallbackFilter::Message webhooksMessage; // webhooks why: the message whose callbacks are explained
    QString message; // help text, version text or the error

    static CommandLine parse(const QStringList &arguments);
    // "127.0.0.1:10006", "[::1]:0", "localhost:8080", "0.0.0.0:10006"; false on anything else.
    static bool parseListen(const QString &text, QHostAddress *address, quint16 *port);
    // "5s", "5000ms", or a bare number in bareUnitMs (the option's old unit) -> milliseconds; -1 invalid.
    static qint64 parseDuration(const QString &text, qint64 bareUnitMs);
    // Empty when `path` can be the callbacks' base path, else what is wrong with it.
    static QString basePathProblem(const QString &path);
    // "16777216", "16M", "512k", "1G" -> bytes; -1 when invalid or too large.
    static qint64 parseSize(const QString &text);
};

} // namespace cbi
