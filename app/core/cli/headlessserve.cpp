// SPDX-License-Identifier: MIT
#include "headlessserve.h"

#include "capture/capturestore.h"
#include "inspector/inspector.h"
#include "inspector/scenariodocument.h"
#include "jsonlwriter.h"
#include "server/serverhost.h"
#include "servingscenario.h"
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
    // The same Inspector as the window's: store, server on its own thread, served scenario, journal.
    Inspector inspector(options.effectiveCapacity());
    CaptureStore &store = *inspector.store();
    store.setMemoryLimit(options.memoryLimit);
    inspector.setBodySpill(CaptureStore::defaultSpillThreshold); // with --session
    ServerHost &server = *inspector.host();
    Scenario scenario;
    if (const int code = ServingScenario::build(options, &scenario))
        return code;
    inspector.scenario()->setScenario(scenario, options.scenarioPath);

    if (const int code = openSession(&inspector, options))
        return code;
    // Before the server starts: its thread answers the first callback at once, and the store batches
    // captures only for a consumer that is already connected.
    std::unique_ptr<JsonlWriter> jsonl;
    if (options.jsonl) {
        jsonl = std::make_unique<JsonlWriter>();
        QObject::connect(&store, &CaptureStore::capturesAdded, &store,
            [writer = jsonl.get()](const QList<CapturedRequest> &batch) { writer->writeCaptures(batch); });
    }
    QString listenError;
    if (!server.start(options.server, &listenError)) {
        printErr(tr("error: cannot listen on %1 port %2: %3")
                     .arg(options.server.address.toString())
                     .arg(options.server.port)
                     .arg(listenError));
        return ExitCannotListen;
    }
    const QHostAddress address = server.serverAddress();
    if (!address.isLoopback()) {
        printErr(tr("warning: listening on %1, which is not a loopback address: anyone who can reach this "
                    "machine can send callbacks and read the replies.")
                     .arg(address.toString()));
    }
    // Machine-read by scripts and tests: keep this line's shape and language.
    printErr(QStringLiteral("listening on %1").arg(server.origin()));
    if (!server.controlToken().isEmpty())
        printErr(QStringLiteral("control API token: %1").arg(server.controlToken()));

    if (options.exitAfterMs > 0)
        QTimer::singleShot(
            options.exitAfterMs, QCoreApplication::instance(), [] { QCoreApplication::exit(ExitOk); });
    const int code = QCoreApplication::exec();
    inspector.shutdown(); // holds answered and journaled, the file complete
    store.flush(); // the last captures still reach --jsonl
    printErr(tr("stopped after %n capture(s)", nullptr, int(server.capturedCount())));
    return code;
}

int HeadlessServe::openSession(Inspector *inspector, const ServeOptions &options)
{
    if (options.sessionPath.isEmpty())
        return ExitOk;
    const bool failOpen = options.journalFailOpen;
    inspector->setJournalPolicy(
        failOpen ? SessionJournal::OnFailure::FailOpen : SessionJournal::OnFailure::Hold);
    QString error;
    if (!inspector->openSession(options.sessionPath, false, &error)) {
        printErr(tr("error: session %1").arg(error));
        return ExitBadSession;
    }
    QObject::connect(inspector, &Inspector::journalFailed, inspector, [failOpen](const QString &error) {
        printErr(failOpen ? tr("error: the session file cannot be written: %1. Replies still leave "
                               "(--on-journal-failure fail): captures are kept in memory only until "
                               "it can be written again.")
                                .arg(error)
                          : tr("error: the session file cannot be written: %1. Replies wait until "
                               "their captures are written (OpenIM may time out with 90004); "
                               "retrying.")
                                .arg(error));
    });
    QObject::connect(inspector, &Inspector::journalRecovered, inspector,
        [] { printErr(tr("the session file is written again; nothing was lost")); });
    return ExitOk;
}

} // namespace cbi
