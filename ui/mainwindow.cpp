// SPDX-License-Identifier: MIT
#include "mainwindow.h"

#include "appsettings.h"
#include "capture/capturestore.h"
#include "capture/capturetimeline.h"
#include "capturefiles.h"
#include "capturepane.h"
#include "dialogs/comparedialog.h"
#include "dialogs/ruledraft.h"
#include "dialogs/simulatordialog.h"
#include "dialogs/timelinedialog.h"
#include "holdflow.h"
#include "inspector/inspector.h"
#include "models/capturefilterproxy.h"
#include "models/capturetablemodel.h"
#include "panenavigator.h"
#include "replayer.h"
#include "rules/scenario.h"
#include "server/serverhost.h"
#include "servertoolbar.h"
#include "session/sessionjournal.h"
#include "sessionmenu.h"
#include "settingsmenu.h"
#include "themeicon.h"
#include "widgets/capturedetailview.h"
#include "widgets/dockpanel.h"
#include "widgets/emptystate.h"
#include "widgets/heldwidget.h"
#include "widgets/ruleswidget.h"
#include "widgets/statisticswidget.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>
#include <deque>

namespace cbi {

MainWindow::MainWindow(Inspector *inspector, QWidget *parent)
    : QMainWindow(parent)
    , m_inspector(inspector)
    , m_store(inspector->store())
    , m_host(inspector->host())
    , m_pane(new CapturePane(inspector->store(), this))
    , m_files(new CaptureFiles(inspector, m_pane, this))
    , m_replayer(new Replayer(inspector->scenario(), this))
    , m_sessions(new SessionMenu(inspector, this))
    , m_model(m_pane->model())
    , m_proxy(m_pane->proxy())
    , m_view(m_pane->view())
    , m_detail(m_pane->detail())
    , m_rules(new RulesWidget(inspector->scenario(), this))
    , m_statistics(new StatisticsWidget(this))
    , m_held(new HeldWidget(inspector->host(), this))
    , m_banner(new QLabel(this))
    , m_listening(new QLabel(this))
    , m_counts(new QLabel(this))
    , m_rate(new QLabel(this))
    , m_serverBar(new ServerToolBar(inspector->host(), this))
    , m_rateTimer(new QTimer(this))
{
    setWindowTitle(tr("OpenIM Callback Inspector"));
    m_banner->setWordWrap(true);
    m_banner->setVisible(false);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->setStyleSheet(QStringLiteral("QLabel { background: #fdecea; color: #611a15; padding: 8px; }"));
    m_banner->setAccessibleName(tr("Server error"));

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addWidget(m_pane, 1);
    setCentralWidget(central);

    auto *rulesDock = new QDockWidget(tr("Rules"), this);
    rulesDock->setObjectName(QStringLiteral("rulesDock"));
    rulesDock->setWidget(new DockPanel(m_rules, rulesDock));
    addDockWidget(Qt::RightDockWidgetArea, rulesDock);
    // After the first layout pass: before it the dock takes whatever the central widget leaves. The
    // table first (F19, F20); a narrow window (scale 2) gives the dock only a quarter.
    QTimer::singleShot(0, this, [this, rulesDock] {
        if (!m_stateRestored)
            resizeDocks({rulesDock}, {qMin(360, width() / (width() < 1200 ? 4 : 3))}, Qt::Horizontal);
    });
    auto *statisticsDock = new QDockWidget(tr("Statistics"), this);
    statisticsDock->setObjectName(QStringLiteral("statisticsDock"));
    statisticsDock->setWidget(new DockPanel(m_statistics, statisticsDock));
    addDockWidget(Qt::RightDockWidgetArea, statisticsDock);
    tabifyDockWidget(rulesDock, statisticsDock);
    auto *heldDock = new QDockWidget(tr("Held"), this);
    heldDock->setObjectName(QStringLiteral("heldDock"));
    heldDock->setWidget(new DockPanel(m_held, heldDock));
    addDockWidget(Qt::RightDockWidgetArea, heldDock);
    tabifyDockWidget(statisticsDock, heldDock);
    rulesDock->raise();
    m_hold = new HoldFlow(m_host, m_held, m_pane, heldDock, this); // the Hold action, banner, paused rows
    // The served scenario (ScenarioDocument, shown by the Rules dock) and the captures belong to
    // the inspector: changes made through the control API show here at once, so the window never
    // shows (or saves over) something else.
    connect(m_store, &CaptureStore::cleared, this, &MainWindow::clearView);
    connect(m_inspector, &Inspector::sessionOpened, this, &MainWindow::showSession);
    // Replies wait while the file cannot be written (OpenIM then times out): say so where it shows.
    connect(m_inspector, &Inspector::journalFailed, this, &MainWindow::showJournalFailure);
    connect(m_inspector, &Inspector::journalRecovered, this, [this] {
        m_banner->setVisible(false);
        statusBar()->showMessage(tr("The session file is written again; nothing was lost"), 10000);
    });

    statusBar()->addWidget(m_listening, 1);
    statusBar()->addPermanentWidget(m_rate);
    statusBar()->addPermanentWidget(m_counts);
    m_listening->setTextInteractionFlags(Qt::TextSelectableByMouse);

    buildActions();
    // View: every dock comes back after its close button (gui walk F25).
    auto *viewMenu = new QMenu(tr("&View"), this);
    viewMenu->addAction(m_pane->followAction()); // follow the tail (gui walk F14)
    viewMenu->addSeparator();
    for (QDockWidget *dock : {rulesDock, statisticsDock, heldDock})
        viewMenu->addAction(dock->toggleViewAction());
    new PaneNavigator(this, m_pane, viewMenu); // F6, Ctrl+1..5, Alt+Shift+R/S/H (gui walk F8)
    menuBar()->insertMenu(menuBar()->actions().constLast(), viewMenu); // before Settings

    connect(m_pane, &CapturePane::countsChanged, this, &MainWindow::updateCounts);
    connect(m_pane, &CapturePane::message, this,
        [this](const QString &text, int timeoutMs) { statusBar()->showMessage(text, timeoutMs); });
    connect(m_pane, &CapturePane::messageEnded, this, [this](const QString &text) {
        if (!text.isEmpty() && statusBar()->currentMessage() == text)
            statusBar()->clearMessage();
    });
    connect(m_pane, &CapturePane::capturesArrived, m_statistics, &StatisticsWidget::addBatch);
    m_statistics->addBatch(m_pane->allCaptures()); // a window replacing another (language) counts its rows
    connect(m_files, &CaptureFiles::message, this,
        [this](const QString &text, int timeoutMs) { statusBar()->showMessage(text, timeoutMs); });
    m_rateTimer->setInterval(1000);
    connect(m_rateTimer, &QTimer::timeout, this, [this] {
        const quint64 total = m_store->totalAppended();
        m_rate->setText(tr("%1/s").arg(total - m_lastTotal));
        m_lastTotal = total;
    });
    m_rateTimer->start();
    updateCounts();
    setServerState({}, {}); // "Start Server" until a server listens
    // Tab in reading order: where the server listens, the filter, the table, then the detail.
    QList<QWidget *> order = m_serverBar->tabOrder() + m_pane->tabOrder();
    order =
        order.mid(0, order.indexOf(m_view) + 1) + m_empty->tabOrder() + order.mid(order.indexOf(m_view) + 1);
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));
    resize(1440, 860);
    restoreSettings();
    if (!sessionPath().isEmpty())
        showSession(sessionPath());
    if (m_host->isListening())
        adoptServer();
}

void MainWindow::buildActions()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QMenu *captureMenu = menuBar()->addMenu(tr("&Capture"));
    QMenu *rulesMenu = menuBar()->addMenu(tr("&Rules"));
    // Language and Appearance; a language change brings the window back in the new language (main()).
    auto *settingsMenu = new SettingsMenu(menuBar()->addMenu(tr("&Settings")), this);
    connect(settingsMenu, &SettingsMenu::languageChosen, this, [this] {
        m_languageChange = true;
        close();
    });

    auto *openScenarioAction =
        fileMenu->addAction(ThemeIcon::get("document-open"), tr("&Open Scenario..."), this, [this] {
            if (!maybeSaveScenario())
                return;
            const QString path = QFileDialog::getOpenFileName(this, tr("Open Scenario"),
                QFileInfo(m_rules->path()).path(), tr("Scenario files (*.json);;All files (*)"));
            if (!path.isEmpty())
                openScenario(path);
        });
    openScenarioAction->setShortcut(QKeySequence::Open);
    openScenarioAction->setToolTip(tr("Answer callbacks with the rules of a scenario file"));
    auto *saveAs = new QAction(tr("Save Scenario &As..."), this);
    saveAs->setShortcut(QKeySequence::SaveAs);
    connect(saveAs, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Save Scenario"), m_rules->path(), tr("Scenario files (*.json)"));
        if (!path.isEmpty())
            saveScenario(path);
    });
    auto *save =
        fileMenu->addAction(ThemeIcon::get("document-save"), tr("&Save Scenario"), this, [this, saveAs] {
            if (m_rules->path().isEmpty())
                saveAs->trigger();
            else
                saveScenario(m_rules->path());
        });
    save->setShortcut(QKeySequence::Save);
    fileMenu->addAction(saveAs);
    fileMenu->addSeparator();
    m_sessions->addActions(fileMenu);
    fileMenu->addSeparator();
    fileMenu->addAction(tr("Import &webhooks.yml..."), this, [this] { m_files->importWebhooks(); })
        ->setToolTip(tr("Use OpenIM's timeouts, and check its webhooks configuration against what arrives"));
    fileMenu->addAction(tr("W&hy No Callback?..."), this, [this] { m_files->explainWebhooks(); })
        ->setToolTip(tr("Which message callbacks a webhooks.yml lets through on each OpenIM version"));
    auto *generate =
        fileMenu->addAction(tr("&Generate webhooks.yml..."), this, [this] { m_files->generateWebhooks(); });
    generate->setToolTip(tr("Pick the callbacks OpenIM sends here: a webhooks.yml or its Docker env form"));
    m_empty = new EmptyState(m_view, m_model, m_host, generate); // over the table until a capture arrives
    fileMenu->addSeparator();
    auto *exportAction =
        fileMenu->addAction(tr("&Export Captures..."), this, [this] { m_files->exportCaptures(); });
    fileMenu->addAction(tr("Export Se&lected Captures..."), this,
        [this] { m_files->exportCaptures({}, {}, CaptureFiles::ExportScope::Selection); });
    fileMenu->addAction(tr("Export &Whole Session..."), this, [this] {
        if (!sessionPath().isEmpty())
            m_files->exportCaptures({}, {}, CaptureFiles::ExportScope::Session);
        else
            statusBar()->showMessage(tr("No session file is open."), 5000);
    });
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    exportAction->setToolTip(tr("Write the captures the filter shows as HAR, JSON, NDJSON, CSV or cURL"));
    fileMenu->addAction(tr("&Import Captures..."), this, [this] { m_files->importCaptures(); })
        ->setToolTip(tr("Add captures from a HAR, JSON or NDJSON file to the table"));
    fileMenu->addSeparator();
    auto *quit = fileMenu->addAction(ThemeIcon::get("application-exit"), tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    captureMenu->addAction(m_serverBar->startStopAction());
    connect(m_serverBar, &ServerToolBar::stateChanged, this, &MainWindow::setServerState);
    m_pause = captureMenu->addAction(ThemeIcon::get("media-playback-pause"), tr("&Pause Table"));
    m_pause->setCheckable(true);
    m_pause->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    m_pause->setToolTip(
        tr("Stop adding rows; the server keeps capturing and answering, and held rows appear on resume"));
    connect(m_pause, &QAction::toggled, m_pane, &CapturePane::setPaused);
    auto *clear = captureMenu->addAction(ThemeIcon::get("edit-clear"), tr("&Clear"), this, [this] {
        if (m_model->rowCount() > 0
            && QMessageBox::question(
                   this, tr("Clear"), tr("Remove every capture from the table? The session file keeps them."))
                != QMessageBox::Yes)
            return;
        m_store->clear(); // the view follows through CaptureStore::cleared, as for DELETE captures
    });
    clear->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    clear->setToolTip(tr("Remove every capture from the table"));
    auto *focusFilter = captureMenu->addAction(ThemeIcon::get("edit-find"), tr("&Filter"), this, [this] {
        m_pane->filterEdit()->setFocus();
        m_pane->filterEdit()->selectAll();
    });
    focusFilter->setShortcut(QKeySequence::Find);
    auto *copyCurl = captureMenu->addAction(ThemeIcon::get("edit-copy"), tr("Copy as c&URL"), this, [this] {
        if (selectedCapture())
            m_detail->copyCurl(); // says "Copied" in the status bar
    });
    copyCurl->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    connect(
        m_detail, &CaptureDetailView::makeConditionRequested, this, [this](const QString &path, auto value) {
            if (const auto c = m_pane->selectedCaptureWithBody())
                m_rules->addRule(RuleDraft::fromField(*c, path, value), &*c);
        });

    auto *addRule = rulesMenu->addAction(ThemeIcon::get("document-new"), tr("&Add Rule..."), this, [this] {
        Rule rule;
        rule.responses = {ResponseSpec()};
        m_rules->addRule(rule);
    });
    addRule->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
    auto *fromCapture =
        rulesMenu->addAction(ThemeIcon::get("list-add"), tr("&Make Rule from Capture..."), this, [this] {
            if (const auto c = m_pane->selectedCaptureWithBody())
                m_rules->addRule(ruleFromCapture(*c), &*c);
        });
    fromCapture->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    rulesMenu->addAction(tr("&Reset Sequences"), this, [this] { m_host->resetCounters(); })
        ->setToolTip(tr("Start every rule's reply sequence from its first reply again"));

    auto *pin = captureMenu->addAction(tr("P&in Row"), this, [this] {
        const QModelIndex index = m_view->currentIndex();
        if (!index.isValid())
            return;
        const int row = m_proxy->mapToSource(index).row();
        m_model->setPinned(row, !m_model->isPinned(row));
    });
    pin->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    captureMenu
        ->addAction(tr("Si&mulate OpenIM..."), this,
            [this] {
                auto *dialog = new SimulatorDialog(this);
                dialog->setAttribute(Qt::WA_DeleteOnClose);
                if (const CapturedRequest *c = selectedCapture())
                    dialog->setCommand(c->canonicalCommand);
                dialog->show();
            })
        ->setToolTip(
            tr("Post a callback to your own business server as OpenIM would, and see what OpenIM would do"));
    auto *replay = captureMenu->addAction(tr("&Replay to Business Server..."), this, [this] {
        const QList<CapturedRequest> selected = selectedCaptures();
        if (selected.size() > 1)
            m_replayer->replayCaptures(selected);
        else if (const auto c = m_pane->selectedCaptureWithBody())
            m_replayer->replayCapture(*c);
    });
    replay->setToolTip(tr("Send this request again, as OpenIM would, to your own business server"));
    captureMenu->addAction(m_hold->action());
    auto *timeline = captureMenu->addAction(tr("Message &Timeline"), this, [this] { showTimeline(); });
    timeline->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    timeline->setToolTip(
        tr("Every callback of this message (clientMsgID) or operation (operationID), in order"));
    auto *compare = captureMenu->addAction(tr("C&ompare Two Captures"), this, [this] { compareSelected(); });
    compare->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    compare->setToolTip(tr("Select two rows (Ctrl+click) to see what differs between them"));
    pin->setToolTip(tr("Keep this capture in the table when the oldest rows are dropped"));
    // The table's context menu (the pane's): its own items, then these.
    m_pane->setRowActions({fromCapture, m_hold->action(), timeline, copyCurl, pin, replay, compare});

    // Server toolbar: where OpenIM should post, and the URL to paste into webhooks.yml.
    addToolBar(m_serverBar);
    QToolBar *server = m_serverBar;
    server->addSeparator();
    server->addAction(m_pause);
    server->addAction(clear);
    server->addSeparator();
    server->addAction(openScenarioAction);
    server->addAction(addRule);
    server->addAction(fromCapture);
}

Rule MainWindow::ruleFromCapture(const CapturedRequest &c)
{
    return RuleDraft::fromCapture(c);
}

bool MainWindow::startServer(const ServerConfig &config)
{
    return m_serverBar->startServer(config);
}

void MainWindow::adoptServer()
{
    m_serverBar->adoptServer();
}

void MainWindow::setServerState(const QString &url, const QString &error)
{
    m_serverBar->refresh();
    if (!error.isEmpty()) {
        m_banner->setText(error);
        m_banner->setVisible(true);
        m_listening->setText(tr("Not listening"));
        return;
    }
    m_banner->setVisible(false);
    if (url.isEmpty()) {
        m_listening->setText(tr("Not listening"));
        return;
    }
    // Copy as cURL sends to this server (trusting its certificate when it serves HTTPS).
    m_detail->setReplayBase(
        url.left(url.indexOf(QLatin1Char('/'), 8)), m_host ? m_host->config().tlsCertPath : QString());
    QString text = tr("Listening \u2014 in webhooks.yml set url: %1").arg(url);
    if (m_host && !m_host->config().address.isLoopback())
        text += tr(" (reachable from other hosts)");
    const QString api = url.left(url.indexOf(QLatin1Char('/'), 8)) + QStringLiteral("/__inspector/v1");
    text += QStringLiteral("  \u00b7  ") + tr("API: %1").arg(api);
    m_listening->setText(text);
    const QString token = m_host ? m_host->controlToken() : QString();
    m_listening->setToolTip(token.isEmpty()
            ? tr("Scripts on this machine use the API without a token (docs/qa.md)")
            : tr("API token: %1 (send \"Authorization: Bearer %1\")").arg(token));
}

bool MainWindow::openScenario(const QString &path)
{
    QString error;
    const auto scenario = Scenario::load(path, &error);
    if (!scenario) {
        // Window-modal, not application-modal: captures keep flowing while the message is up.
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Scenario not loaded"),
            tr("%1 cannot be used:\n%2").arg(QDir::toNativeSeparators(path), error), QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return false;
    }
    m_rules->setScenario(*scenario, path);
    for (const auto &n : scenario->notices)
        statusBar()->showMessage(n.text(), 20000);
    AppSettings::setLastScenario(path);
    return true;
}

bool MainWindow::saveScenario(const QString &path)
{
    QString error;
    if (!m_rules->scenario().save(path, &error)) {
        QMessageBox::warning(this, tr("Scenario not saved"),
            tr("%1 cannot be written:\n%2").arg(QDir::toNativeSeparators(path), error));
        return false;
    }
    m_rules->setScenario(m_rules->scenario(), path);
    AppSettings::setLastScenario(path);
    return true;
}

bool MainWindow::maybeSaveScenario()
{
    if (!m_rules->document()->worthSaving())
        return true;
    const auto answer = QMessageBox::question(this, tr("Unsaved rules"),
        tr("The rules have changed since they were last saved. Save them?"),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Cancel)
        return false;
    if (answer == QMessageBox::Discard)
        return true;
    QString path = m_rules->path();
    if (path.isEmpty())
        path =
            QFileDialog::getSaveFileName(this, tr("Save Scenario"), QString(), tr("Scenario files (*.json)"));
    return !path.isEmpty() && saveScenario(path);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_languageChange && !maybeSaveScenario()) { // a language switch keeps unsaved rules
        event->ignore();
        return;
    }
    // A language change keeps everything running for the next window; a real close stops the
    // server first (holds are answered and journaled as it goes), then writes what is left.
    if (!m_languageChange)
        m_inspector->shutdown();
    m_inspector->syncSession();
    saveSettings();
    event->accept();
}

QString MainWindow::autosavePath()
{
    return SessionMenu::autosavePath();
}

QString MainWindow::sessionPath() const
{
    return m_inspector->sessionPath();
}

void MainWindow::clearView()
{
    m_pane->clear();
    m_statistics->clear();
}

QString MainWindow::sessionJournalFailure() const
{
    return m_inspector->journalFailure();
}

bool MainWindow::openSession(const QString &path, bool load)
{
    return m_sessions->openSession(path, load);
}

void MainWindow::showSession(const QString &path)
{
    m_pane->setSessionPath(path);
    if (const QString failure = m_inspector->journalFailure(); !failure.isEmpty())
        showJournalFailure(failure);
    else
        m_banner->setVisible(false);
    setWindowTitle(tr("%1 \u2014 OpenIM Callback Inspector").arg(QFileInfo(path).fileName()));
    updateCounts();
}

void MainWindow::showJournalFailure(const QString &reason)
{
    m_banner->setText(tr("The session file cannot be written: %1. Replies wait until their captures "
                         "are written (OpenIM may time out with 90004); retrying.")
                          .arg(reason));
    m_banner->setVisible(true);
}

TimelineDialog *MainWindow::showTimeline()
{
    const CapturedRequest *anchor = selectedCapture();
    if (!anchor)
        return nullptr;
    auto *dialog =
        new TimelineDialog(*anchor, CaptureTimeline::related(*anchor, m_pane->allCaptures()), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &TimelineDialog::captureActivated, this, [this](quint64 id) {
        if (!m_pane->selectCapture(id))
            statusBar()->showMessage(tr("Capture #%1 is hidden by the filter.").arg(id), 5000);
    });
    dialog->show();
    return dialog;
}

CompareDialog *MainWindow::compareSelected()
{
    const QList<CapturedRequest> selected = selectedCaptures();
    if (selected.size() != 2) {
        statusBar()->showMessage(tr("Select exactly two captures to compare (Ctrl+click the second)."), 5000);
        return nullptr;
    }
    auto *dialog = new CompareDialog(selected.at(0), selected.at(1), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

QList<CapturedRequest> MainWindow::selectedCaptures() const
{
    return m_pane->selectedCaptures();
}

const CapturedRequest *MainWindow::selectedCapture() const
{
    return m_pane->selectedCapture();
}

QLineEdit *MainWindow::filterEdit() const
{
    return m_pane->filterEdit();
}

void MainWindow::updateCounts()
{
    m_counts->setText(m_pane->countsText());
}

void MainWindow::restoreSettings()
{
    if (!restoreGeometry(AppSettings::windowGeometry())) {
        // First start: the window fits the screen it opens on, a 1366x768 laptop too (gui walk F7).
        const QRect available = screen()->availableGeometry();
        resize(size().boundedTo(available.size() * 0.92));
        move(available.center() - QPoint(width() / 2, height() / 2));
    }
    m_stateRestored = restoreState(AppSettings::windowState());
    m_pane->restoreSettings();
}

void MainWindow::saveSettings()
{
    AppSettings::setWindowLayout(saveGeometry(), saveState());
    m_pane->saveSettings();
    m_serverBar->saveSettings();
}

} // namespace cbi
