// SPDX-License-Identifier: MIT
#include "headlessserve.h"

#include "capture/capturestore.h"
#include "jsonlwriter.h"
#include "server/captureserver.h"
#include "servingscenario.h"
#include "session/sessionjournal.h"
#include "signalwatcher.h"

#include <QJsonDocument>
#include <QTimer>

#include <cstdio>
#include <memory>

namespace cbi {

static void printErr(const QString &text)
{
    ServingScenario::printErr(text);
}

int HeadlessServe::run(const ServeOptions &options, const QString &notice)
{
    // Before anything is announced: a script may signal us as soon as it reads "listening on".
    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::terminationRequested, QCoreApplication::instance(),
        [] { QCoreApplication::exit(ExitOk); });
    if (!notice.isEmpty())
        printErr(notice);
    CaptureStore store(options.effectiveCapacity());
    store.setMemoryLimit(options.memoryLimit);
    CaptureServer server(&store);
    Scenario scenario;
    if (const int code = ServingScenario::build(options, &scenario))
        return code;
    server.setScenario(scenario, options.scenarioPath);

    SessionJournal journal;
    if (!options.sessionPath.isEmpty()) {
        QString error;
        if (!journal.open(options.sessionPath, &error)) {
            printErr(tr("error: session %1").arg(error));
            return ExitBadSession;
        }
        server.setNextId(journal.lastId());
        server.setCommitGate(true); // no reply leaves before its capture is on disk
        const bool failOpen = options.journalFailOpen;
        journal.setOnFailure(
            failOpen ? SessionJournal::OnFailure::FailOpen : SessionJournal::OnFailure::Hold);
        server.setJournalState(QStringLiteral("ok"));
        server.setSessionPath(options.sessionPath);
        // Straight from the server's thread: the journal never waits for the main thread.
        server.setCaptureSink([&journal](const CapturedRequest &c) { journal.append(c); });
        QObject::connect(&journal, &SessionJournal::committed, &server, &CaptureServer::committedUpTo);
        QObject::connect(
            &journal, &SessionJournal::failed, &server, [&server, failOpen](const QString &error) {
                server.setJournalState(
                    (failOpen ? QStringLiteral("memory only: ") : QStringLiteral("failing: ")) + error);
                printErr(failOpen ? tr("error: the session file cannot be written: %1. Replies still leave "
                                       "(--on-journal-failure fail): captures are kept in memory only until "
                                       "it can be written again.")
                                        .arg(error)
                                  : tr("error: the session file cannot be written: %1. Replies wait until "
                                       "their captures are written (OpenIM may time out with 90004); "
                                       "retrying.")
                                        .arg(error));
            });
        QObject::connect(&journal, &SessionJournal::recovered, &server, [&server] {
            server.setJournalState(QStringLiteral("ok"));
            printErr(tr("the session file is written again; nothing was lost"));
        });
    }
    if (!server.start(options.server)) {
        printErr(tr("error: cannot listen on %1 port %2: %3")
                     .arg(options.server.address.toString())
                     .arg(options.server.port)
                     .arg(server.errorString()));
        return ExitCannotListen;
    }
    const QHostAddress address = server.serverAddress();
    if (!address.isLoopback()) {
        printErr(tr("warning: listening on %1, which is not a loopback address: anyone who can reach this "
                    "machine can send callbacks and read the replies.")
                     .arg(address.toString()));
    }
    QString host = address.toString();
    if (address.protocol() == QAbstractSocket::IPv6Protocol)
        host = QLatin1Char('[') + host + QLatin1Char(']');
    // Machine-read by scripts and tests: keep this line's shape and language.
    printErr(QStringLiteral("listening on %1://%2:%3")
                 .arg(options.server.scheme(), host)
                 .arg(server.serverPort()));
    if (!server.controlToken().isEmpty())
        printErr(QStringLiteral("control API token: %1").arg(server.controlToken()));

    std::unique_ptr<JsonlWriter> jsonl;
    if (options.jsonl) {
        jsonl = std::make_unique<JsonlWriter>();
        QObject::connect(&store, &CaptureStore::capturesAdded, &store,
            [writer = jsonl.get()](const QList<CapturedRequest> &batch) { writer->writeCaptures(batch); });
    }

    if (options.exitAfterMs > 0)
        QTimer::singleShot(
            options.exitAfterMs, QCoreApplication::instance(), [] { QCoreApplication::exit(ExitOk); });
    const int code = QCoreApplication::exec();
    server.stop();
    store.flush(); // the last captures still reach --jsonl
    printErr(tr("stopped after %n capture(s)", nullptr, int(server.capturedCount())));
    return code;
}

} // namespace cbi
