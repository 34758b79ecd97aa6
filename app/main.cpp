// SPDX-License-Identifier: MIT
// Composition root: no command opens the window (or serves headless with no display);
// `serve` runs the capture server headless.
#include "appsettings.h"
#include "capture/capturestore.h"
#include "cli/commandline.h"
#include "cli/headlessserve.h"
#include "cli/scenariorun.h"
#include "cli/simulator.h"
#include "cli/transfer.h"
#include "cli/webhookstool.h"
#include "inspector/inspector.h"
#include "inspector/scenariodocument.h"
#include "mainwindow.h"
#include "rules/scenario.h"
#include "server/epolldispatcher.h"
#include "server/serverhost.h"
#include "session/sessionjournal.h"
#include "widgets/ruleswidget.h"
#include "windowloop.h"

#include <QApplication>
#include <QFileInfo>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <cstdio>
#include <memory>

using namespace cbi;

// language: "" follows the system; "en", "zh_CN", ... (the window's Settings > Language).
// Replaces the translators installed before, so the window can switch at run time.
static void installTranslators(QCoreApplication &app, const QString &language = {})
{
    static QTranslator *qt = nullptr;
    static QTranslator *own = nullptr;
    for (QTranslator *old : {qt, own}) {
        if (old) {
            QCoreApplication::removeTranslator(old);
            delete old;
        }
    }
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QLocale::setDefault(locale);
    qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    own = new QTranslator(&app);
    if (own->load(
            locale, QStringLiteral("callback-inspector"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(own);
}

static bool haveDisplay()
{
    return !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        || !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

// Needs a QApplication to exist.
static int runGui(ServeOptions options)
{
    QIcon icon;
    for (int size : {16, 24, 32, 48, 64, 128, 256, 512})
        icon.addFile(
            QStringLiteral(":/icons/%1x%1/apps/callback-inspector.png").arg(size), QSize(size, size));
    QApplication::setWindowIcon(icon);
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.openim_callback_inspector"));
    Inspector inspector(
        options.capacity > 0 ? options.capacity : 50000); // older rows page in from the session
    inspector.store()->setMemoryLimit(options.memoryLimit);
    inspector.setBodySpill(CaptureStore::defaultSpillThreshold);
    auto window = std::make_unique<MainWindow>(&inspector);

    if (!options.listenGiven)
        AppSettings::applyServer(&options.server); // the window listens where it did last time
    Scenario scenario;
    if (const auto profile = profileFromName(options.profile))
        scenario.profile = *profile;
    inspector.scenario()->setScenario(scenario, {});
    // The session first: no callback may be answered before the journal is there to keep it.
    window->openSession(options.sessionPath.isEmpty() ? MainWindow::autosavePath() : options.sessionPath,
        !options.sessionPath.isEmpty());
    window->startServer(options.server);
    const QString scenarioPath =
        options.scenarioPath.isEmpty() ? AppSettings::lastScenario() : options.scenarioPath;
    if (!scenarioPath.isEmpty() && (QFileInfo::exists(scenarioPath) || !options.scenarioPath.isEmpty()))
        window->openScenario(scenarioPath);
    // Settings > Language: a new window in the new language shows the same inspector, which kept
    // serving, journaling and holding, with the rules as they were (unsaved edits included).
    return runWindows(&inspector, std::move(window),
        [](const QString &language) { installTranslators(*QCoreApplication::instance(), language); });
}

static int dispatch(const CommandLine &cmd, bool gui)
{
    switch (cmd.mode) {
    case CommandLine::Mode::Help:
        std::fputs(qPrintable(cmd.message), stdout);
        return ExitOk;
    case CommandLine::Mode::Version:
        std::printf("callback-inspector %s\n", CBI_VERSION);
        return ExitOk;
    case CommandLine::Mode::Error:
        std::fprintf(stderr, "callback-inspector: %s\n", qPrintable(cmd.message));
        return ExitUsage;
    case CommandLine::Mode::Serve:
        return HeadlessServe::run(cmd.serve);
    case CommandLine::Mode::Run:
        return ScenarioRun::run(cmd.serve, cmd.run);
    case CommandLine::Mode::Export:
        return Transfer::exportSession(cmd.transfer);
    case CommandLine::Mode::Send: {
        Simulator::Options o;
        o.url = cmd.sendTo;
        o.command = cmd.transfer.command;
        o.bodyPath = cmd.sendBody;
        if (const auto p = profileFromName(cmd.serve.profile))
            o.profile = *p;
        o.timeoutSeconds = cmd.sendTimeoutSeconds;
        o.failedContinue = cmd.sendFailedContinue;
        o.replaySession = cmd.replaySession;
        o.replayId = cmd.replayId;
        o.caCertPath = cmd.sendCaCert;
        o.insecure = cmd.sendInsecure;
        return Simulator::run(o);
    }
    case CommandLine::Mode::WebhooksCheck:
        return WebhooksTool::check(cmd.webhooksFile, cmd.serve.sessionPath, cmd.webhooksProfile);
    case CommandLine::Mode::WebhooksWhy:
        return WebhooksTool::why(cmd.webhooksFile, cmd.webhooksProfile, cmd.webhooksMessage);
    case CommandLine::Mode::WebhooksGenerate:
        return WebhooksTool::generate(cmd.webhooksUrl, cmd.transfer.command, cmd.sendTimeoutSeconds,
            cmd.webhooksEnv, cmd.webhooksProfile);
    case CommandLine::Mode::Import:
        return Transfer::importFile(cmd.transfer, cmd.serve.sessionPath, cmd.serve.profile);
    case CommandLine::Mode::Gui:
        if (gui)
            return runGui(cmd.serve);
        return HeadlessServe::run(cmd.serve,
            QCoreApplication::translate("main",
                "No display found (DISPLAY and WAYLAND_DISPLAY "
                "are empty): serving headless. Stop with "
                "Ctrl+C."));
    }
    return ExitFailure;
}

int main(int argc, char **argv)
{
    QCoreApplication::setApplicationName(QStringLiteral("callback-inspector"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CBI_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("openim-callback-inspector"));

    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    // Decide before any application object exists: headless never touches a display.
    const bool serve = arguments.size() > 1
        && QStringList {QStringLiteral("serve"), QStringLiteral("run"), QStringLiteral("export"),
            QStringLiteral("import"), QStringLiteral("send"), QStringLiteral("webhooks")}
               .contains(arguments.at(1));
    if (!serve && haveDisplay()) {
        QApplication app(argc, argv);
        installTranslators(app, AppSettings::language());
        return dispatch(CommandLine::parse(arguments), true);
    }
    // Headless, the server runs on this thread: epoll instead of Qt's poll() over every socket
    // (docs/performance.md: a burst of 10,000 delayed replies), and no GLib main loop for the others.
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    if (qEnvironmentVariable("CBI_DISPATCHER") != QLatin1String("qt")) // qt: Qt's own, to compare
        QCoreApplication::setEventDispatcher(new EpollDispatcher);
    QCoreApplication app(argc, argv);
    installTranslators(app);
    return dispatch(CommandLine::parse(arguments), false);
}
