// SPDX-License-Identifier: MIT
#include "scenariorun.h"

#include "capture/capturestore.h"
#include "export/junitreport.h"
#include "headlessserve.h"
#include "inspector/inspector.h"
#include "inspector/scenariodocument.h"
#include "jsonlwriter.h"
#include "server/serverhost.h"
#include "servingscenario.h"
#include "signalwatcher.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QTimer>

#include <cstdio>
#include <memory>

namespace cbi {

static void printErr(const QString &text)
{
    ServingScenario::printErr(text);
}

int ScenarioRun::run(const ServeOptions &serve, const RunOptions &options)
{
    SignalWatcher watcher;
    QString error;
    Scenario scenario;
    if (const int code = ServingScenario::build(serve, &scenario, true))
        return code;
    if (scenario.expectations.isEmpty())
        printErr(tr("warning: the scenario has no \"expect\" section: nothing will be checked"));

    // The same Inspector as the window's and serve's.
    Inspector inspector(serve.effectiveCapacity());
    CaptureStore &store = *inspector.store();
    store.setMemoryLimit(serve.memoryLimit);
    ServerHost &server = *inspector.host();
    inspector.scenario()->setScenario(scenario, serve.scenarioPath);
    if (const int code = HeadlessServe::openSession(&inspector, serve)) // --session, as for serve
        return code;
    // Consumers first: the server's thread answers the first callback at once, and the store batches
    // captures only for a consumer already connected.
    std::unique_ptr<JsonlWriter> jsonl; // its own thread: a stalled reader never stops the server
    if (serve.jsonl) {
        jsonl = std::make_unique<JsonlWriter>();
        QObject::connect(&store, &CaptureStore::capturesAdded, &store,
            [writer = jsonl.get()](const QList<CapturedRequest> &batch) { writer->writeCaptures(batch); });
    }
    QEventLoop loop;
    if (options.exec.isEmpty() && options.count > 0) {
        QObject::connect(&store, &CaptureStore::capturesAdded, &loop, [&] {
            if (store.totalAppended() >= quint64(options.count))
                loop.quit();
        });
    }
    if (!server.start(serve.server, &error)) {
        printErr(tr("error: cannot listen on %1 port %2: %3")
                     .arg(serve.server.address.toString())
                     .arg(serve.server.port)
                     .arg(error));
        return ExitCannotListen;
    }
    // https:// when serving TLS: the driver must reach the server the way it listens.
    const QString origin = server.origin();
    const QString webhookUrl = origin + server.config().basePath;
    const QString api = origin + QStringLiteral("/__inspector/v1");
    printErr(QStringLiteral("listening on %1").arg(origin));
    if (!server.controlToken().isEmpty())
        printErr(QStringLiteral("control API token: %1").arg(server.controlToken()));

    QElapsedTimer clock;
    clock.start();
    QObject::connect(&watcher, &SignalWatcher::terminationRequested, &loop, &QEventLoop::quit);
    JUnitReport report;
    report.suiteName =
        scenario.name.isEmpty() ? QFileInfo(serve.scenarioPath).completeBaseName() : scenario.name;

    QProcess driver;
    bool timedOut = false;
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, [&] {
        timedOut = true;
        loop.quit();
    });
    if (!options.exec.isEmpty()) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("CBI_URL"), webhookUrl);
        env.insert(QStringLiteral("CBI_API"), api);
        if (!server.controlToken().isEmpty())
            env.insert(QStringLiteral("CBI_TOKEN"), server.controlToken());
        driver.setProcessEnvironment(env);
        driver.setProcessChannelMode(QProcess::ForwardedChannels);
        QObject::connect(&driver, &QProcess::finished, &loop, &QEventLoop::quit);
        QObject::connect(&driver, &QProcess::errorOccurred, &loop, [&](QProcess::ProcessError e) {
            if (e == QProcess::FailedToStart)
                loop.quit();
        });
        driver.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), options.exec});
        deadline.start(options.timeoutMs);
    } else if (options.count > 0) {
        if (store.totalAppended() >= quint64(options.count)) // all came before this line
            QTimer::singleShot(0, &loop, &QEventLoop::quit);
        deadline.start(options.timeoutMs);
    } else if (options.durationMs > 0) {
        QTimer::singleShot(options.durationMs, &loop, &QEventLoop::quit);
    } else {
        printErr(tr("capturing until Ctrl+C (give --exec, --count or --duration to stop by itself)"));
    }
    loop.exec();

    // Let replies still pending (delays) be captured too: the store hands captures over in batches.
    store.flush();
    if (!options.exec.isEmpty()) {
        JUnitReport::Case driverCase;
        driverCase.name = tr("test driver: %1").arg(options.exec);
        if (driver.state() != QProcess::NotRunning) {
            driver.kill();
            driver.waitForFinished(2000);
            driverCase.detail = tr("did not finish within %1 ms").arg(options.timeoutMs);
        } else if (driver.error() == QProcess::FailedToStart) {
            driverCase.detail = tr("could not start: %1").arg(driver.errorString());
        } else {
            driverCase.passed = driver.exitStatus() == QProcess::NormalExit && driver.exitCode() == 0;
            driverCase.detail = tr("exit code %1").arg(driver.exitCode());
        }
        report.cases.append(driverCase);
    } else if (options.count > 0 && timedOut) {
        report.cases.append({tr("capture count"), false,
            tr("expected %1 callbacks within %2 ms, got %3")
                .arg(options.count)
                .arg(options.timeoutMs)
                .arg(store.totalAppended())});
    }
    const QList<CapturedRequest> captures = store.snapshot();
    for (const Expectation &e : std::as_const(scenario.expectations))
        report.add(e.evaluate(captures));
    report.seconds = double(clock.elapsed()) / 1000.0;
    inspector.shutdown();

    for (const auto &c : std::as_const(report.cases))
        printErr(QStringLiteral("%1  %2: %3")
                     .arg(c.passed ? QStringLiteral("PASS") : QStringLiteral("FAIL"), c.name, c.detail));
    if (!options.junitPath.isEmpty() && !report.save(options.junitPath, &error)) {
        printErr(tr("error: cannot write the JUnit report %1: %2").arg(options.junitPath, error));
        return ExitFailure;
    }
    // The closing line CI systems read.
    printErr(QStringLiteral("%1 passed, %2 failed")
                 .arg(report.cases.size() - report.failures())
                 .arg(report.failures()));
    return report.failures() == 0 ? ExitOk : ExitFailure;
}

} // namespace cbi
