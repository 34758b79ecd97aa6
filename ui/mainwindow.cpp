// SPDX-License-Identifier: MIT
#include "mainwindow.h"

#include "capture/capturestore.h"
#include "capture/capturetimeline.h"
#include "catalogue/catalogue.h"
#include "catalogue/commanddetector.h"
#include "cli/simulator.h"
#include "dialogs/comparedialog.h"
#include "dialogs/simulatordialog.h"
#include "dialogs/timelinedialog.h"
#include "dialogs/tlsdialog.h"
#include "export/capturereader.h"
#include "export/capturewriter.h"
#include "inspector/inspector.h"
#include "integration/webhooksconfig.h"
#include "models/capturefilterproxy.h"
#include "models/capturetablemodel.h"
#include "rules/ruleengine.h"
#include "rules/scenario.h"
#include "server/serverhost.h"
#include "session/sessionhistory.h"
#include "session/sessionjournal.h"
#include "widgets/capturedetailview.h"
#include "widgets/heldwidget.h"
#include "widgets/readablecolor.h"
#include "widgets/ruleswidget.h"
#include "widgets/statisticswidget.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMap>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <deque>

namespace cbi {

MainWindow::MainWindow(Inspector *inspector, QWidget *parent)
    : QMainWindow(parent)
    , m_inspector(inspector)
    , m_store(inspector->store())
    , m_host(inspector->host())
    , m_model(new CaptureTableModel(this))
    , m_proxy(new CaptureFilterProxy(this))
    , m_view(new QTableView(this))
    , m_detail(new CaptureDetailView(this))
    , m_rules(new RulesWidget(inspector->scenario(), this))
    , m_statistics(new StatisticsWidget(this))
    , m_held(new HeldWidget(inspector->host(), this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_banner(new QLabel(this))
    , m_listening(new QLabel(this))
    , m_counts(new QLabel(this))
    , m_rate(new QLabel(this))
    , m_address(new QLineEdit(this))
    , m_port(new QSpinBox(this))
    , m_basePath(new QLineEdit(this))
    , m_filter(new QLineEdit(this))
    , m_commandPicker(new QComboBox(this))
    , m_verdictPicker(new QComboBox(this))
    , m_filterDebounce(new QTimer(this))
    , m_rateTimer(new QTimer(this))
    , m_history(new SessionHistory(this))
{
    setWindowTitle(tr("OpenIM Callback Inspector"));
    CaptureStore *store = m_store;
    m_model->setCapacity(store->capacity());
    m_model->setMemoryLimit(store->memoryLimit());
    m_proxy->setSourceModel(m_model);

    m_view->setModel(m_proxy);
    m_view->setObjectName(QStringLiteral("captureTable"));
    m_view->setAccessibleName(tr("Captured callbacks"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection); // several rows: export, replay
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    // Fixed row height: the view can then paint only the visible rows of a huge table.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(CaptureTableModel::ContentColumn, QHeaderView::Stretch);
    const std::pair<int, int> widths[] = {{CaptureTableModel::IdColumn, 70},
        {CaptureTableModel::TimeColumn, 95}, {CaptureTableModel::CommandColumn, 320},
        {CaptureTableModel::OperationIdColumn, 120}, {CaptureTableModel::PartiesColumn, 160},
        {CaptureTableModel::StatusColumn, 55}, {CaptureTableModel::DelayColumn, 65},
        {CaptureTableModel::VerdictColumn, 120}, {CaptureTableModel::RuleColumn, 140}};
    for (const auto &[column, width] : widths)
        m_view->setColumnWidth(column, width);

    m_banner->setWordWrap(true);
    m_banner->setVisible(false);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->setStyleSheet(QStringLiteral("QLabel { background: #fdecea; color: #611a15; padding: 8px; }"));
    m_banner->setAccessibleName(tr("Server error"));

    // Filter bar.
    m_filter->setPlaceholderText(tr("Filter: any text, or command:… verdict:blocked sendID:alice groupID:… "
                                    "operationID:… (-word excludes)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter"));
    m_commandPicker->setAccessibleName(tr("Command filter"));
    m_commandPicker->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_commandPicker->addItem(tr("All commands"), QString());
    m_verdictPicker->setAccessibleName(tr("Verdict filter"));
    m_verdictPicker->addItem(tr("All verdicts"), -1);
    const std::pair<Verdict::Outcome, QString> outcomes[] = {{Verdict::Outcome::Continue, tr("continue")},
        {Verdict::Outcome::Blocked, tr("blocked")}, {Verdict::Outcome::Modified, tr("modified")},
        {Verdict::Outcome::Failed, tr("failed")}, {Verdict::Outcome::Ignored, tr("ignored")}};
    for (const auto &[outcome, label] : outcomes)
        m_verdictPicker->addItem(label, int(outcome));
    m_filterDebounce->setSingleShot(true);
    m_filterDebounce->setInterval(300);
    connect(m_filter, &QLineEdit::textChanged, m_filterDebounce, qOverload<>(&QTimer::start));
    connect(m_filterDebounce, &QTimer::timeout, this, &MainWindow::applyFilter);
    connect(m_commandPicker, &QComboBox::currentIndexChanged, this,
        [this] { m_proxy->setCommand(m_commandPicker->currentData().toString()); });
    connect(m_verdictPicker, &QComboBox::currentIndexChanged, this,
        [this] { m_proxy->setOutcome(m_verdictPicker->currentData().toInt()); });
    // Older captures come from the session file: at the top of the table, or when a filter leaves
    // the table short. Rows paged in under one filter are dropped when it changes.
    connect(m_proxy, &CaptureFilterProxy::criteriaChanged, this, [this] {
        m_model->dropHistory();
        m_historyAtStart = false;
        if (tableIsShort())
            loadOlderCaptures();
    });
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (value == m_view->verticalScrollBar()->minimum())
            loadOlderCaptures();
    });
    connect(m_history, &SessionHistory::loaded, this, &MainWindow::historyLoaded);

    auto *tableArea = new QWidget(this);
    auto *tableLayout = new QVBoxLayout(tableArea);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->setSpacing(2);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_commandPicker);
    filterRow->addWidget(m_verdictPicker);
    tableLayout->addLayout(filterRow);
    tableLayout->addWidget(m_view, 1);
    m_splitter->addWidget(tableArea);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addWidget(m_splitter, 1);
    setCentralWidget(central);

    auto *rulesDock = new QDockWidget(tr("Rules"), this);
    rulesDock->setObjectName(QStringLiteral("rulesDock"));
    rulesDock->setWidget(m_rules);
    addDockWidget(Qt::RightDockWidgetArea, rulesDock);
    // After the first layout pass: before it the dock takes whatever the central widget leaves.
    QTimer::singleShot(0, this, [this, rulesDock] {
        if (!m_stateRestored)
            resizeDocks({rulesDock}, {320}, Qt::Horizontal);
    });
    auto *statisticsDock = new QDockWidget(tr("Statistics"), this);
    statisticsDock->setObjectName(QStringLiteral("statisticsDock"));
    statisticsDock->setWidget(m_statistics);
    addDockWidget(Qt::RightDockWidgetArea, statisticsDock);
    tabifyDockWidget(rulesDock, statisticsDock);
    auto *heldDock = new QDockWidget(tr("Held"), this);
    heldDock->setObjectName(QStringLiteral("heldDock"));
    heldDock->setWidget(m_held);
    addDockWidget(Qt::RightDockWidgetArea, heldDock);
    tabifyDockWidget(statisticsDock, heldDock);
    rulesDock->raise();
    connect(m_held, &HeldWidget::callbackWaiting, this, [this, heldDock](const QString &command) {
        heldDock->show();
        heldDock->raise();
        statusBar()->showMessage(
            tr("%1 is held: answer it in the Held panel before OpenIM gives up.").arg(command), 5000);
    });
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

    connect(
        m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::showSelected);
    // A window that replaces another (a language switch) starts from what the inspector holds:
    // the batch still in flight is delivered first (no view listens yet), then the rows are read.
    store->flush();
    if (const QList<CapturedRequest> rows = store->snapshot(); !rows.isEmpty()) {
        updateCommandCounts(rows);
        m_model->appendBatch(rows);
    }
    connect(store, &CaptureStore::capturesAdded, this, [this](QList<CapturedRequest> batch) {
        // A batch in flight while the session file was read (a language change) is shown already.
        batch.removeIf([this](const CapturedRequest &c) { return c.id <= m_loadedUpTo; });
        if (batch.isEmpty())
            return;
        updateCommandCounts(batch);
        m_statistics->addBatch(batch);
        if (m_pause->isChecked()) {
            // Held, not lost; bounded like the table itself.
            m_paused += batch;
            if (m_paused.size() > m_model->capacity())
                m_paused.remove(0, m_paused.size() - m_model->capacity());
            updateCounts();
            return;
        }
        // Follow the tail only while the user is already at the bottom.
        QScrollBar *bar = m_view->verticalScrollBar();
        const bool atBottom = bar->value() >= bar->maximum();
        m_model->appendBatch(batch);
        if (atBottom)
            m_view->scrollToBottom();
        updateCounts();
    });
    // A session opened or a file imported: in the store (the control API lists them too) and here.
    connect(store, &CaptureStore::capturesLoaded, this,
        [this](const QList<CapturedRequest> &loaded, bool replaced) {
            if (replaced) {
                m_model->clear();
                // A batch in flight while the session file was read is among these already.
                m_loadedUpTo = loaded.isEmpty() ? 0 : loaded.constLast().id;
            }
            updateCommandCounts(loaded);
            m_model->appendBatch(loaded);
            m_view->scrollToBottom();
            updateCounts();
        });
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
    QWidget *order[] = {
        m_address, m_port, m_basePath, m_filter, m_commandPicker, m_verdictPicker, m_view, m_detail->tabs()};
    for (size_t i = 1; i < std::size(order); ++i)
        setTabOrder(order[i - 1], order[i]);
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
    QMenu *settingsMenu = menuBar()->addMenu(tr("&Settings"));
    QMenu *languageMenu = settingsMenu->addMenu(tr("&Language"));
    auto *languages = new QActionGroup(this);
    const QString current = QSettings().value(QStringLiteral("ui/language")).toString();
    // Each language in its own name, as language menus do.
    const std::pair<QString, QString> choices[] = {{QString(), tr("System Language")},
        {QStringLiteral("en"), QStringLiteral("English")},
        {QStringLiteral("zh_CN"), QStringLiteral("简体中文")}};
    for (const auto &[code, name] : choices) {
        QAction *action = languageMenu->addAction(name);
        action->setCheckable(true);
        action->setChecked(code == current);
        languages->addAction(action);
        connect(action, &QAction::triggered, this, [this, code] {
            if (code == QSettings().value(QStringLiteral("ui/language")).toString())
                return;
            QSettings().setValue(QStringLiteral("ui/language"), code);
            m_languageChange = true; // main() opens the window again in the new language
            close();
        });
    }

    auto *openScenarioAction = fileMenu->addAction(tr("&Open Scenario..."), this, [this] {
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
    auto *save = fileMenu->addAction(tr("&Save Scenario"), this, [this, saveAs] {
        if (m_rules->path().isEmpty())
            saveAs->trigger();
        else
            saveScenario(m_rules->path());
    });
    save->setShortcut(QKeySequence::Save);
    fileMenu->addAction(saveAs);
    fileMenu->addSeparator();
    auto *newSession = fileMenu->addAction(tr("&New Session..."), this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("New Session"),
            QFileInfo(autosavePath()).path(), tr("Session files (*.cbisession *.db)"));
        if (!path.isEmpty()) {
            QFile::remove(path); // QFileDialog asked before overwriting
            if (openSession(path, false))
                m_store->clear(); // the table, the statistics and GET captures start afresh
        }
    });
    newSession->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    fileMenu->addAction(tr("Save Session &As..."), this, [this] {
        if (sessionPath().isEmpty())
            return;
        const QString path = QFileDialog::getSaveFileName(this, tr("Save Session As"),
            QFileInfo(sessionPath()).path(), tr("Session files (*.cbisession *.db)"));
        if (path.isEmpty() || path == sessionPath())
            return;
        m_inspector->syncSession(); // everything captured so far is in the copy
        QString error;
        if (!SessionJournal::copy(sessionPath(), path, &error)) {
            QMessageBox::warning(this, tr("Session not saved"), error);
            return;
        }
        openSession(path, false); // the table stays; new captures go to the new file
    });
    auto *openSessionAction = fileMenu->addAction(tr("Open &Session..."), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open Session"),
            QFileInfo(autosavePath()).path(), tr("Session files (*.cbisession *.db);;All files (*)"));
        if (!path.isEmpty())
            openSession(path, true);
    });
    openSessionAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_recentSessions = fileMenu->addMenu(tr("Recent Sessions"));
    connect(m_recentSessions, &QMenu::aboutToShow, this, [this] {
        m_recentSessions->clear();
        for (const QString &path : QSettings().value(QStringLiteral("session/recent")).toStringList()) {
            if (QFileInfo::exists(path))
                m_recentSessions->addAction(
                    QDir::toNativeSeparators(path), this, [this, path] { openSession(path, true); });
        }
        if (m_recentSessions->isEmpty())
            m_recentSessions->addAction(tr("(none)"))->setEnabled(false);
    });
    fileMenu->addSeparator();
    fileMenu->addAction(tr("Import &webhooks.yml..."), this, [this] { importWebhooks(); })
        ->setToolTip(tr("Use OpenIM's timeouts, and check its webhooks configuration against what arrives"));
    fileMenu->addAction(tr("&Generate webhooks.yml..."), this, [this] { generateWebhooks(); })
        ->setToolTip(tr("Write a webhooks.yml that sends every callback to this inspector"));
    fileMenu->addSeparator();
    auto *exportAction = fileMenu->addAction(tr("&Export Captures..."), this, [this] { exportCaptures(); });
    fileMenu->addAction(
        tr("Export Se&lected Captures..."), this, [this] { exportCaptures({}, {}, ExportScope::Selection); });
    fileMenu->addAction(tr("Export &Whole Session..."), this, [this] {
        if (!sessionPath().isEmpty())
            exportCaptures({}, {}, ExportScope::Session);
        else
            statusBar()->showMessage(tr("No session file is open."), 5000);
    });
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    exportAction->setToolTip(tr("Write the captures the filter shows as HAR, JSON, NDJSON, CSV or cURL"));
    fileMenu->addAction(tr("&Import Captures..."), this, [this] { importCaptures(); })
        ->setToolTip(tr("Add captures from a HAR, JSON or NDJSON file to the table"));
    fileMenu->addSeparator();
    auto *quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    m_startStop = captureMenu->addAction(tr("&Stop Server"));
    m_startStop->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(m_startStop, &QAction::triggered, this, [this] {
        if (m_host->isListening()) {
            m_host->stop();
            setServerState({}, {});
            return;
        }
        ServerConfig config = m_host->config();
        QHostAddress address;
        if (!address.setAddress(m_address->text().trimmed())) {
            setServerState(
                {}, tr("\"%1\" is not an IP address (e.g. 127.0.0.1 or 0.0.0.0).").arg(m_address->text()));
            return;
        }
        config.address = address;
        config.port = quint16(m_port->value());
        config.basePath = m_basePath->text().trimmed();
        config.tlsCertPath = m_tlsCert;
        config.tlsKeyPath = m_tlsKey;
        startServer(config);
    });
    m_pause = captureMenu->addAction(tr("&Pause Table"));
    m_pause->setCheckable(true);
    m_pause->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    m_pause->setToolTip(
        tr("Stop adding rows; the server keeps capturing and answering, and held rows appear on resume"));
    connect(m_pause, &QAction::toggled, this, [this](bool paused) {
        if (!paused && !m_paused.isEmpty()) {
            m_model->appendBatch(m_paused);
            m_paused.clear();
            m_view->scrollToBottom();
        }
        updateCounts();
    });
    auto *clear = captureMenu->addAction(tr("&Clear"), this, [this] {
        if (m_model->rowCount() > 0
            && QMessageBox::question(
                   this, tr("Clear"), tr("Remove every capture from the table? The session file keeps them."))
                != QMessageBox::Yes)
            return;
        m_store->clear(); // the view follows through CaptureStore::cleared, as for DELETE captures
    });
    clear->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    clear->setToolTip(tr("Remove every capture from the table"));
    auto *focusFilter = captureMenu->addAction(tr("&Filter"), this, [this] {
        m_filter->setFocus();
        m_filter->selectAll();
    });
    focusFilter->setShortcut(QKeySequence::Find);
    auto *copyCurl = captureMenu->addAction(tr("Copy as c&URL"), this, [this] {
        if (selectedCapture())
            QApplication::clipboard()->setText(m_detail->curlCommand());
    });
    copyCurl->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));

    auto *addRule = rulesMenu->addAction(tr("&Add Rule..."), this, [this] {
        Rule rule;
        rule.responses = {ResponseSpec()};
        m_rules->addRule(rule);
    });
    addRule->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
    auto *fromCapture = rulesMenu->addAction(tr("&Make Rule from Capture..."), this, [this] {
        if (const CapturedRequest *c = selectedCapture())
            m_rules->addRule(ruleFromCapture(*c));
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
            replayCaptures(selected);
        else if (const CapturedRequest *c = selectedCapture())
            replayCapture(*c);
    });
    replay->setToolTip(tr("Send this request again, as OpenIM would, to your own business server"));
    auto *holdThis = captureMenu->addAction(tr("&Hold This Command"), this, [this] {
        if (const CapturedRequest *c = selectedCapture())
            m_held->holdCommand(c->canonicalCommand.isEmpty() ? c->command : c->canonicalCommand);
    });
    holdThis->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    holdThis->setToolTip(tr("Next callbacks of this command wait for you to answer them in the Held panel"));
    auto *timeline = captureMenu->addAction(tr("Message &Timeline"), this, [this] { showTimeline(); });
    timeline->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    timeline->setToolTip(
        tr("Every callback of this message (clientMsgID) or operation (operationID), in order"));
    auto *compare = captureMenu->addAction(tr("C&ompare Two Captures"), this, [this] { compareSelected(); });
    compare->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    compare->setToolTip(tr("Select two rows (Ctrl+click) to see what differs between them"));
    pin->setToolTip(tr("Keep this capture in the table when the oldest rows are dropped"));
    connect(m_view, &QWidget::customContextMenuRequested, this,
        [this, fromCapture, copyCurl, pin, replay, timeline, compare](const QPoint &pos) {
            if (!m_view->indexAt(pos).isValid())
                return;
            QMenu menu(this);
            menu.addAction(fromCapture);
            menu.addAction(copyCurl);
            menu.addAction(pin);
            menu.addAction(replay);
            menu.addAction(timeline);
            menu.addAction(compare);
            menu.addAction(tr("Copy Body"), this, [this] {
                if (const CapturedRequest *c = selectedCapture())
                    QApplication::clipboard()->setText(QString::fromUtf8(c->body));
            });
            menu.exec(m_view->viewport()->mapToGlobal(pos));
        });

    // Server toolbar: where OpenIM should post, and the URL to paste into webhooks.yml.
    QToolBar *server = addToolBar(tr("Server"));
    server->setObjectName(QStringLiteral("serverToolBar"));
    m_address->setText(QStringLiteral("127.0.0.1"));
    m_address->setMaximumWidth(130);
    m_address->setAccessibleName(tr("Listen address"));
    m_address->setToolTip(tr("127.0.0.1 for this machine only; 0.0.0.0 to accept OpenIM from other hosts"));
    m_port->setRange(0, 65535);
    m_port->setValue(10006);
    m_port->setAccessibleName(tr("Port"));
    m_basePath->setText(QStringLiteral("/callbackExample"));
    m_basePath->setMaximumWidth(160);
    m_basePath->setAccessibleName(tr("Base path"));
    server->addWidget(new QLabel(tr(" Listen "), this));
    server->addWidget(m_address);
    server->addWidget(new QLabel(tr(" : "), this));
    server->addWidget(m_port);
    server->addWidget(new QLabel(tr(" Path "), this));
    server->addWidget(m_basePath);
    m_https = server->addAction(QString(), this, [this] {
        TlsDialog dialog(m_tlsCert, m_tlsKey, this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        m_tlsCert = dialog.certPath();
        m_tlsKey = dialog.keyPath();
        updateHttpsAction();
    });
    m_https->setObjectName(QStringLiteral("httpsAction"));
    updateHttpsAction();
    server->addAction(m_startStop);
    auto *copyUrl = server->addAction(tr("Copy URL"), this, [this] {
        if (!m_host->webhookUrl().isEmpty())
            QApplication::clipboard()->setText(m_host->webhookUrl());
    });
    copyUrl->setToolTip(tr("Copy the url for OpenIM's webhooks.yml"));
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
    Rule rule;
    rule.command = c.canonicalCommand.isEmpty() ? (c.command.isEmpty() ? QStringLiteral("*") : c.command)
                                                : c.canonicalCommand;
    rule.name = tr("%1 from capture #%2").arg(rule.command).arg(c.id);
    ResponseSpec reply;
    const CommandSpec *spec = Catalogue::instance().find(c.canonicalCommand);
    if (!spec || spec->isBefore()) {
        reply.preset = ResponseSpec::Preset::Block;
        reply.errCode = 5001;
    }
    rule.responses = {reply};
    return rule;
}

void MainWindow::updateHttpsAction()
{
    // The button shows the scheme the next Start serves; the tooltip which files make it HTTPS.
    m_https->setText(m_tlsCert.isEmpty() ? tr("HTTP") : tr("HTTPS"));
    m_https->setToolTip(m_tlsCert.isEmpty()
            ? tr("Plain HTTP. Click to serve HTTPS with a certificate and key")
            : tr("HTTPS with %1 and %2. Click to change")
                  .arg(QDir::toNativeSeparators(m_tlsCert), QDir::toNativeSeparators(m_tlsKey)));
}

void MainWindow::showServerFields(const ServerConfig &config)
{
    m_address->setText(config.address.toString());
    m_port->setValue(config.port);
    m_basePath->setText(config.basePath);
    m_tlsCert = config.tlsCertPath;
    m_tlsKey = config.tlsKeyPath;
    updateHttpsAction();
}

bool MainWindow::startServer(const ServerConfig &config)
{
    showServerFields(config);
    QString error;
    if (!m_host->start(config, &error)) {
        setServerState({},
            tr("Cannot listen on %1 port %2: %3. Another program (or another inspector) may be using the "
               "port: choose another port and press Start.")
                .arg(config.address.toString())
                .arg(config.port)
                .arg(error));
        return false;
    }
    showServerFields(m_host->config()); // the port picked when asked for port 0
    setServerState(m_host->webhookUrl(), {});
    return true;
}

void MainWindow::adoptServer()
{
    const ServerConfig config = m_host->config();
    showServerFields(config);
    if (m_host->isListening())
        setServerState(m_host->webhookUrl(), {});
}

void MainWindow::setServerState(const QString &url, const QString &error)
{
    const bool listening = m_host && m_host->isListening();
    if (m_startStop)
        m_startStop->setText(listening ? tr("&Stop Server") : tr("&Start Server"));
    m_address->setEnabled(!listening);
    m_port->setEnabled(!listening);
    m_basePath->setEnabled(!listening);
    m_https->setEnabled(!listening);
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
    QSettings().setValue(QStringLiteral("scenario/last"), path);
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
    QSettings().setValue(QStringLiteral("scenario/last"), path);
    return true;
}

bool MainWindow::maybeSaveScenario()
{
    if (!m_rules->isModified())
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

bool MainWindow::askReplayTarget(
    const QString &title, const CapturedRequest *capture, QString *url, QByteArray *body)
{
    QSettings settings;
    QDialog dialog(this);
    dialog.setWindowTitle(title);
    auto *urlEdit = new QLineEdit(
        settings.value(QStringLiteral("replay/url"), QStringLiteral("http://127.0.0.1:8080/callbackExample"))
            .toString(),
        &dialog);
    urlEdit->setAccessibleName(tr("Business server URL"));
    auto *form = new QFormLayout(&dialog);
    form->addRow(tr("The url of your business server, as in webhooks.yml:"), urlEdit);
    QPlainTextEdit *bodyEdit = nullptr;
    if (capture) {
        bodyEdit = new QPlainTextEdit(QString::fromUtf8(capture->body), &dialog);
        bodyEdit->setAccessibleName(tr("Request body to send"));
        bodyEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        form->addRow(tr("Body of capture #%1 (edit to send a variant):").arg(capture->id), bodyEdit);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Send"));
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(buttons);
    dialog.resize(720, capture ? 480 : 120);
    if (dialog.exec() != QDialog::Accepted || urlEdit->text().trimmed().isEmpty())
        return false;
    *url = urlEdit->text().trimmed();
    if (bodyEdit && body)
        *body = bodyEdit->toPlainText().toUtf8();
    settings.setValue(QStringLiteral("replay/url"), *url);
    return true;
}

bool MainWindow::replayCapture(const CapturedRequest &capture, const QString &chosenUrl)
{
    QString url = chosenUrl;
    QByteArray body = capture.body;
    // Where to, and the request as it will go: editable, so a variant can be tried.
    if (url.isEmpty() && !askReplayTarget(tr("Replay to Business Server"), &capture, &url, &body))
        return false;
    Simulator::Options options;
    options.url = url;
    options.profile = m_rules->scenario().profile;
    options.timeoutSeconds = m_rules->scenario().timeoutSecondsFor(capture.canonicalCommand);
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const QJsonObject result = Simulator::send(
        options, capture.command.isEmpty() ? QStringLiteral("callback") : capture.command, body);
    QApplication::restoreOverrideCursor();
    const QJsonObject verdict = result.value(QLatin1String("verdict")).toObject();
    const QJsonObject reply = result.value(QLatin1String("reply")).toObject();
    QString text = (body == capture.body ? tr("Capture #%1 sent to %2 in %3 ms.")
                                         : tr("Capture #%1, edited, sent to %2 in %3 ms."))
                       .arg(capture.id)
                       .arg(result.value(QLatin1String("url")).toString())
                       .arg(result.value(QLatin1String("elapsedMs")).toInteger());
    text += QLatin1Char('\n')
        + (result.contains(QLatin1String("error"))
                ? tr("Error: %1").arg(result.value(QLatin1String("error")).toString())
                : tr("Reply: HTTP %1 %2")
                      .arg(reply.value(QLatin1String("status")).toInt())
                      .arg(reply.value(QLatin1String("body")).toString().left(400)));
    text += QLatin1Char('\n') + tr("OpenIM would: %1").arg(verdict.value(QLatin1String("reason")).toString());
    m_lastReplay = result;
    auto *box = new QMessageBox(QMessageBox::Information, tr("Replay"), text, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    return !result.contains(QLatin1String("error"));
}

int MainWindow::replayCaptures(const QList<CapturedRequest> &captures, const QString &chosenUrl)
{
    QString url = chosenUrl;
    if (url.isEmpty()
        && !askReplayTarget(tr("Replay %n Captures to Business Server", nullptr, int(captures.size())),
            nullptr, &url, nullptr))
        return 0;
    // One after another, as OpenIM would send them; each waits at most OpenIM's timeout.
    QProgressDialog progress(tr("Replaying captures..."), tr("Cancel"), 0, int(captures.size()), this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    QMap<QString, int> outcomes;
    QStringList errors;
    int answered = 0;
    for (qsizetype i = 0; i < captures.size() && !progress.wasCanceled(); ++i) {
        progress.setValue(int(i));
        const CapturedRequest &c = captures.at(i);
        Simulator::Options options;
        options.url = url;
        options.profile = m_rules->scenario().profile;
        options.timeoutSeconds = m_rules->scenario().timeoutSecondsFor(c.canonicalCommand);
        const QJsonObject result =
            Simulator::send(options, c.command.isEmpty() ? QStringLiteral("callback") : c.command, c.body);
        m_lastReplay = result;
        if (result.contains(QLatin1String("error"))) {
            errors.append(tr("#%1: %2").arg(c.id).arg(result.value(QLatin1String("error")).toString()));
            continue;
        }
        ++answered;
        ++outcomes
            [result.value(QLatin1String("verdict")).toObject().value(QLatin1String("outcome")).toString()];
    }
    progress.setValue(int(captures.size()));
    QStringList parts;
    for (auto it = outcomes.cbegin(); it != outcomes.cend(); ++it)
        parts.append(QStringLiteral("%1 %2").arg(it.key()).arg(it.value()));
    QString text =
        tr("%1 of %n capture(s) answered by %2.", nullptr, int(captures.size())).arg(answered).arg(url);
    if (!parts.isEmpty())
        text += QLatin1Char('\n') + tr("OpenIM would: %1").arg(parts.join(QStringLiteral(", ")));
    if (!errors.isEmpty())
        text += QLatin1Char('\n') + errors.mid(0, 10).join(QLatin1Char('\n'));
    auto *box = new QMessageBox(QMessageBox::Information, tr("Replay"), text, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    return answered;
}

QString MainWindow::importWebhooks(const QString &chosenPath)
{
    const QString path = chosenPath.isEmpty() ? QFileDialog::getOpenFileName(this, tr("Import webhooks.yml"),
                             QString(), tr("OpenIM configuration (*.yml *.yaml);;All files (*)"))
                                              : chosenPath;
    if (path.isEmpty())
        return {};
    QString error;
    const auto config = WebhooksConfig::load(path, &error);
    QString report;
    if (!config) {
        report = tr("%1 cannot be used:\n%2").arg(QDir::toNativeSeparators(path), error);
    } else {
        Scenario scenario = m_rules->scenario();
        config->applyTo(&scenario);
        m_rules->setScenario(scenario, m_rules->path());
        m_rules->setModified(true);
        QList<CapturedRequest> captures;
        for (int row = 0; row < m_model->rowCount(); ++row)
            captures.append(*m_model->captureAt(row));
        const auto drift = config->compare(captures);
        QStringList lines {tr("url: %1").arg(config->url),
            tr("%n command(s) enabled; their timeouts now drive the verdicts.", nullptr,
                int(config->enabledCommands().size()))};
        for (const auto &m : config->mistakes)
            lines.append(tr("Mistake: %1").arg(m.text()));
        if (!captures.isEmpty()) {
            for (const auto &c : drift.enabledButSilent)
                lines.append(tr("Enabled but silent: %1 has not arrived").arg(c));
            for (const auto &c : drift.arrivedButDisabled)
                lines.append(tr("Arrived but disabled: %1 (is OpenIM using another configuration?)").arg(c));
        }
        report = lines.join(QLatin1Char('\n'));
    }
    auto *box = new QMessageBox(config ? QMessageBox::Information : QMessageBox::Warning, tr("webhooks.yml"),
        report, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    return report;
}

bool MainWindow::generateWebhooks(const QString &chosenPath)
{
    const QString path = chosenPath.isEmpty()
        ? QFileDialog::getSaveFileName(
            this, tr("Generate webhooks.yml"), QStringLiteral("webhooks.yml"), tr("YAML (*.yml *.yaml)"))
        : chosenPath;
    if (path.isEmpty())
        return false;
    QStringList all;
    for (const auto &spec : Catalogue::instance().commands())
        all.append(spec.command);
    const QString url = m_host->webhookUrl().isEmpty()
        ? QStringLiteral("http://127.0.0.1:10006/callbackExample")
        : m_host->webhookUrl();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(WebhooksConfig::generate(url, all, 5, false)) < 0
        || !file.commit()) {
        QMessageBox::warning(this, tr("Not written"),
            tr("%1 cannot be written:\n%2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    statusBar()->showMessage(tr("Wrote %1: put it in OpenIM's config directory and restart OpenIM")
                                 .arg(QDir::toNativeSeparators(path)),
        10000);
    return true;
}

QString MainWindow::autosavePath()
{
    const QString dir =
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/sessions");
    QDir().mkpath(dir);
    return dir
        + QStringLiteral("/session-%1.cbisession")
              .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
}

QString MainWindow::sessionPath() const
{
    return m_inspector->sessionPath();
}

void MainWindow::clearView()
{
    m_model->clear();
    m_paused.clear();
    m_commandCounts.clear();
    m_statistics->clear();
    while (m_commandPicker->count() > 1)
        m_commandPicker->removeItem(1);
    m_detail->clear();
    updateCounts();
}

QString MainWindow::sessionJournalFailure() const
{
    return m_inspector->journalFailure();
}

bool MainWindow::openSession(const QString &path, bool load)
{
    QString error;
    if (m_inspector->openSession(path, load, &error))
        return true; // shown through Inspector::sessionOpened
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Session not opened"), error, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    return false;
}

void MainWindow::showSession(const QString &path)
{
    m_history->setPath(path);
    m_historyAtStart = false;
    if (const QString failure = m_inspector->journalFailure(); !failure.isEmpty())
        showJournalFailure(failure);
    else
        m_banner->setVisible(false);
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("session/recent")).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    settings.setValue(QStringLiteral("session/recent"), recent.mid(0, 8));
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

bool MainWindow::exportCaptures(const QString &chosenPath, const QString &format, ExportScope scope)
{
    struct Choice
    {
        QString filter;
        CaptureWriter::Format format;
    };
    const QList<Choice> choices = {{tr("HAR 1.2 (*.har)"), CaptureWriter::Format::Har},
        {tr("JSON (*.json)"), CaptureWriter::Format::Json},
        {tr("NDJSON (*.ndjson)"), CaptureWriter::Format::Ndjson},
        {tr("CSV (*.csv)"), CaptureWriter::Format::Csv},
        {tr("cURL script (*.sh)"), CaptureWriter::Format::Curl}};
    QString path = chosenPath;
    CaptureWriter::Format chosen = CaptureWriter::Format::Har;
    if (path.isEmpty()) {
        QStringList filters;
        for (const auto &c : choices)
            filters.append(c.filter);
        QString selected;
        path = QFileDialog::getSaveFileName(
            this, tr("Export Captures"), QString(), filters.join(QStringLiteral(";;")), &selected);
        if (path.isEmpty())
            return false;
        for (const auto &c : choices) {
            if (c.filter == selected)
                chosen = c.format;
        }
    } else if (!CaptureWriter::formatFromName(format, &chosen)) {
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        QMessageBox::warning(this, tr("Export failed"),
            tr("%1 cannot be written:\n%2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    const QString replayBase = m_host->webhookUrl().left(m_host->webhookUrl().indexOf(QLatin1Char('/'), 8));
    CaptureWriter writer(
        &file, chosen, replayBase.isEmpty() ? QStringLiteral("http://127.0.0.1:10006") : replayBase);
    writer.begin();
    // In table (or file) order; large exports show progress and can be cancelled.
    QList<CapturedRequest> selection;
    qint64 total = m_proxy->rowCount();
    if (scope == ExportScope::Selection) {
        selection = selectedCaptures();
        total = selection.size();
    } else if (scope == ExportScope::Session) {
        if (sessionPath().isEmpty())
            return false;
        m_inspector->syncSession(); // everything captured so far
        total = SessionJournal::count(sessionPath(), nullptr);
    }
    QProgressDialog progress(
        tr("Exporting captures..."), tr("Cancel"), 0, int(qMin<qint64>(total, INT_MAX)), this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(500);
    qint64 done = 0;
    const auto write = [&](const CapturedRequest &c) {
        writer.write(c);
        if (++done % 500 == 0) {
            progress.setValue(int(qMin<qint64>(done, INT_MAX)));
            if (progress.wasCanceled())
                return false;
        }
        return true;
    };
    bool completed = true;
    if (scope == ExportScope::Session) {
        QString error;
        // A damaged session (a bad page, unreadable rows) is not a cancelled export: say what failed.
        if (!SessionJournal::forEach(sessionPath(), {}, write, &error) && !error.isEmpty()) {
            file.cancelWriting();
            QMessageBox::warning(this, tr("Export failed"), error);
            return false;
        }
        completed = !progress.wasCanceled();
    } else if (scope == ExportScope::Selection) {
        for (const CapturedRequest &c : std::as_const(selection)) {
            if (!(completed = write(c)))
                break;
        }
    } else {
        for (int row = 0; row < m_proxy->rowCount() && completed; ++row) {
            if (const CapturedRequest *c =
                    m_model->captureAt(m_proxy->mapToSource(m_proxy->index(row, 0)).row()))
                completed = write(*c);
        }
    }
    if (!completed) {
        file.cancelWriting(); // nothing half-written
        statusBar()->showMessage(tr("Export cancelled"), 5000);
        return false;
    }
    progress.setValue(progress.maximum());
    writer.end();
    if (!file.commit()) {
        QMessageBox::warning(this, tr("Export failed"),
            tr("%1 cannot be written:\n%2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    statusBar()->showMessage(
        tr("Exported %n capture(s) to %1", nullptr, int(writer.count())).arg(QDir::toNativeSeparators(path)),
        8000);
    return true;
}

bool MainWindow::importCaptures(const QString &chosenPath)
{
    const QString path = chosenPath.isEmpty() ? QFileDialog::getOpenFileName(this, tr("Import Captures"),
                             QString(), tr("Captures (*.har *.json *.ndjson *.jsonl);;All files (*)"))
                                              : chosenPath;
    if (path.isEmpty())
        return false;
    QList<CapturedRequest> captures;
    QString error;
    if (!CaptureReader::readFile(path, &captures, &error)) {
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Import failed"),
            tr("%1 cannot be imported:\n%2").arg(QDir::toNativeSeparators(path), error), QMessageBox::Ok,
            this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return false;
    }
    // Detection and verdicts again, under the profile being served now.
    RuleEngine engine(m_rules->scenario());
    CommandDetector detector(Catalogue::instance());
    for (CapturedRequest &c : captures) {
        const RequestBody body = detector.detect(c, profileName(engine.scenario().profile));
        c.verdict = engine.verdictFor(c, body);
    }
    m_store->load(captures, false);
    statusBar()->showMessage(tr("Imported %n capture(s) from %1", nullptr, int(captures.size()))
                                 .arg(QDir::toNativeSeparators(path)),
        8000);
    return true;
}

void MainWindow::applyFilter()
{
    QString error;
    const bool ok = m_proxy->setExpression(m_filter->text(), &error);
    // A red frame, not a red background: the text keeps the palette's colours (dark, high contrast).
    m_filter->setStyleSheet(ok
            ? QString()
            : QStringLiteral("QLineEdit { border: 2px solid %1; }").arg(ReadableColor::errorHue().name()));
    m_filter->setToolTip(ok ? QString() : error);
    if (!ok)
        statusBar()->showMessage(tr("Filter not applied: %1").arg(error), 5000);
}

TimelineDialog *MainWindow::showTimeline()
{
    const CapturedRequest *anchor = selectedCapture();
    if (!anchor)
        return nullptr;
    QList<CapturedRequest> all;
    all.reserve(m_model->rowCount());
    for (int row = 0; row < m_model->rowCount(); ++row)
        all.append(*m_model->captureAt(row));
    auto *dialog = new TimelineDialog(*anchor, CaptureTimeline::related(*anchor, all), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &TimelineDialog::captureActivated, this, [this](quint64 id) {
        for (int row = 0; row < m_proxy->rowCount(); ++row) {
            const QModelIndex index = m_proxy->index(row, 0);
            if (index.data(CaptureTableModel::CaptureIdRole).toULongLong() == id) {
                m_view->setCurrentIndex(index);
                m_view->scrollTo(index);
                return;
            }
        }
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
    QList<int> rows;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        rows.append(m_proxy->mapToSource(index).row());
    std::sort(rows.begin(), rows.end());
    QList<CapturedRequest> out;
    for (int row : rows) {
        if (const CapturedRequest *c = m_model->captureAt(row))
            out.append(*c);
    }
    return out;
}

const CapturedRequest *MainWindow::selectedCapture() const
{
    const QModelIndex index = m_view->currentIndex();
    if (!index.isValid())
        return nullptr;
    return m_model->captureAt(m_proxy->mapToSource(index).row());
}

void MainWindow::showSelected()
{
    if (const CapturedRequest *c = selectedCapture())
        m_detail->setCapture(*c);
    else
        m_detail->clear();
}

void MainWindow::updateCommandCounts(const QList<CapturedRequest> &batch)
{
    for (const auto &c : batch) {
        const QString key = c.command;
        const int count = ++m_commandCounts[key];
        const QString label = tr("%1 (%2)").arg(key.isEmpty() ? tr("(no command)") : key).arg(count);
        const int index = m_commandPicker->findData(key);
        if (index < 0)
            m_commandPicker->addItem(label, key);
        else
            m_commandPicker->setItemText(index, label);
    }
}

// Fewer rows than the view can show. (The scroll bar's range is updated later, on layout.)
bool MainWindow::tableIsShort() const
{
    return qint64(m_proxy->rowCount()) * m_view->verticalHeader()->defaultSectionSize()
        < m_view->viewport()->height();
}

void MainWindow::loadOlderCaptures()
{
    if (sessionPath().isEmpty() || m_historyAtStart || m_history->isLoading())
        return;
    if (m_history->loadOlder(m_model->historyCursor(), 500, m_proxy->predicate()))
        statusBar()->showMessage(tr("Reading older captures from the session file..."));
}

void MainWindow::historyLoaded(
    const QList<CapturedRequest> &older, quint64 scannedDownTo, bool reachedStart, const QString &error)
{
    QScrollBar *bar = m_view->verticalScrollBar();
    const int shownBefore = m_proxy->rowCount();
    m_model->prependHistory(older, scannedDownTo);
    // Keep the rows the user was looking at in place; the new ones are above them.
    bar->setValue(bar->value() + m_proxy->rowCount() - shownBefore);
    m_historyAtStart = reachedStart;
    if (!error.isEmpty())
        statusBar()->showMessage(tr("The session file cannot be read: %1").arg(error));
    else if (reachedStart)
        statusBar()->showMessage(tr("The table now starts with the session's first matching capture."), 5000);
    else
        statusBar()->showMessage(tr("%n older capture(s) read from the session file; scroll up for more.",
                                     nullptr, int(older.size())),
            5000);
    updateCounts();
    // A filter that matches little: keep reading back until the view is full or the file ends.
    if (!reachedStart && tableIsShort())
        loadOlderCaptures();
}

void MainWindow::updateCounts()
{
    const quint64 dropped = m_model->droppedCount();
    QString text = tr("%n capture(s)", nullptr, m_model->rowCount());
    if (m_model->historyCount() > 0)
        text += QStringLiteral("  \u00b7  ")
            + tr("%n from the session file", nullptr, int(m_model->historyCount()));
    if (dropped > 0 && !sessionPath().isEmpty())
        text += QStringLiteral("  \u00b7  ")
            + tr("%n older in the session file (scroll up)", nullptr, int(qMin<quint64>(dropped, INT_MAX)));
    else if (dropped > 0)
        text += QStringLiteral("  \u00b7  ")
            + tr("%n dropped (oldest)", nullptr, int(qMin<quint64>(dropped, INT_MAX)));
    if (m_pause && m_pause->isChecked())
        text += QStringLiteral("  \u00b7  ") + tr("paused, %n held", nullptr, int(m_paused.size()));
    m_counts->setText(text);
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    m_stateRestored = restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_splitter->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray());
    m_view->horizontalHeader()->restoreState(
        settings.value(QStringLiteral("window/tableHeader")).toByteArray());
}

void MainWindow::saveSettings()
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("window/tableHeader"), m_view->horizontalHeader()->saveState());
    settings.setValue(QStringLiteral("server/address"), m_address->text());
    settings.setValue(QStringLiteral("server/port"), m_port->value());
    settings.setValue(QStringLiteral("server/basePath"), m_basePath->text());
    settings.setValue(QStringLiteral("server/tlsCert"), m_tlsCert);
    settings.setValue(QStringLiteral("server/tlsKey"), m_tlsKey);
}

} // namespace cbi
