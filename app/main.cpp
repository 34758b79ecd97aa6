// SPDX-License-Identifier: MIT
// Composition root: no command opens the window (or serves headless with no display);
// `serve` runs the capture server headless.
#include "capture/capturestore.h"
#include "cli/commandline.h"
#include "cli/headlessserve.h"
#include "mainwindow.h"
#include "server/captureserver.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QThread>
#include <QTranslator>

#include <cstdio>

using namespace cbi;

static void installTranslators(QCoreApplication &app)
{
    auto *qt = new QTranslator(&app);
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    auto *own = new QTranslator(&app);
    if (own->load(
            QLocale(), QStringLiteral("callback-inspector"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(own);
}

static bool haveDisplay()
{
    return !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        || !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

// Needs a QApplication to exist.
static int runGui(const ServeOptions &options)
{
    CaptureStore store(options.capacity);
    MainWindow window(&store);

    // The server gets its own thread so that painting the table never delays a reply.
    QThread serverThread;
    serverThread.setObjectName(QStringLiteral("capture-server"));
    auto *server = new CaptureServer(&store);
    server->moveToThread(&serverThread);
    QObject::connect(&serverThread, &QThread::finished, server, &QObject::deleteLater);
    serverThread.start();

    Scenario scenario;
    if (const auto profile = profileFromName(options.profile))
        scenario.profile = *profile;
    bool ok = false;
    QString error;
    QString url;
    QMetaObject::invokeMethod(
        server,
        [&] {
            server->setScenario(scenario);
            ok = server->start(options.server);
            error = server->errorString();
            const QHostAddress a = server->serverAddress();
            QString host = a.toString();
            if (a.protocol() == QAbstractSocket::IPv6Protocol)
                host = QLatin1Char('[') + host + QLatin1Char(']');
            url = QStringLiteral("http://%1:%2%3")
                      .arg(host)
                      .arg(server->serverPort())
                      .arg(server->config().basePath);
        },
        Qt::BlockingQueuedConnection);
    if (ok) {
        window.setServerState(url, {});
    } else {
        window.setServerState({},
            QCoreApplication::translate("main",
                "Cannot listen on %1 port %2: %3. Another "
                "program (or another inspector) may be "
                "using the port.")
                .arg(options.server.address.toString())
                .arg(options.server.port)
                .arg(error));
    }
    QObject::connect(&window, &MainWindow::scenarioLoaded, server,
        [server](const Scenario &scenario) { server->setScenario(scenario); });
    if (!options.scenarioPath.isEmpty())
        window.openScenario(options.scenarioPath);
    window.show();
    const int code = QApplication::exec();
    QMetaObject::invokeMethod(
        server, [server] { server->stop(); }, Qt::BlockingQueuedConnection);
    serverThread.quit();
    serverThread.wait();
    return code;
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
    const bool serve = arguments.size() > 1 && arguments.at(1) == QLatin1String("serve");
    if (!serve && haveDisplay()) {
        QApplication app(argc, argv);
        installTranslators(app);
        return dispatch(CommandLine::parse(arguments), true);
    }
    QCoreApplication app(argc, argv);
    installTranslators(app);
    return dispatch(CommandLine::parse(arguments), false);
}
