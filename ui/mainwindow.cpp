// SPDX-License-Identifier: MIT
#include "mainwindow.h"

#include "capture/capturestore.h"
#include "models/capturetablemodel.h"
#include "rules/scenario.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QScrollBar>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace cbi {

MainWindow::MainWindow(CaptureStore *store, QWidget *parent)
    : QMainWindow(parent)
    , m_store(store)
    , m_model(new CaptureTableModel(this))
    , m_view(new QTableView(this))
    , m_banner(new QLabel(this))
    , m_listening(new QLabel(this))
    , m_counts(new QLabel(this))
    , m_scenarioLabel(new QLabel(this))
{
    qRegisterMetaType<cbi::Scenario>(); // scenarioLoaded crosses to the server thread
    setWindowTitle(tr("OpenIM Callback Inspector"));
    m_model->setCapacity(store->capacity());

    m_view->setModel(m_model);
    m_view->setObjectName(QStringLiteral("captureTable"));
    m_view->setAccessibleName(tr("Captured callbacks"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    // Fixed row height: the view can then paint only the visible rows of a huge table.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(CaptureTableModel::ContentColumn, QHeaderView::Stretch);
    m_view->setColumnWidth(CaptureTableModel::IdColumn, 50);
    m_view->setColumnWidth(CaptureTableModel::TimeColumn, 95);
    m_view->setColumnWidth(CaptureTableModel::CommandColumn, 300);
    m_view->setColumnWidth(CaptureTableModel::OperationIdColumn, 130);
    m_view->setColumnWidth(CaptureTableModel::PartiesColumn, 170);
    m_view->setColumnWidth(CaptureTableModel::StatusColumn, 55);
    m_view->setColumnWidth(CaptureTableModel::DelayColumn, 65);
    m_view->setColumnWidth(CaptureTableModel::VerdictColumn, 130);
    m_view->setColumnWidth(CaptureTableModel::RuleColumn, 140);

    m_banner->setWordWrap(true);
    m_banner->setVisible(false);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->setStyleSheet(QStringLiteral("QLabel { background: #fdecea; color: #611a15; padding: 8px; }"));

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addWidget(m_view);
    setCentralWidget(central);

    auto *clear = new QAction(tr("&Clear"), this);
    clear->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    clear->setToolTip(tr("Remove every capture from the table"));
    connect(clear, &QAction::triggered, this, [this] {
        m_store->clear();
        m_model->clear();
        updateCounts();
    });
    auto *openScenarioAction = new QAction(tr("&Open Scenario..."), this);
    openScenarioAction->setShortcut(QKeySequence::Open);
    openScenarioAction->setToolTip(tr("Answer callbacks with the rules of a scenario file"));
    connect(openScenarioAction, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Open Scenario"), QString(), tr("Scenario files (*.json);;All files (*)"));
        if (!path.isEmpty())
            openScenario(path);
    });
    auto *quit = new QAction(tr("&Quit"), this);
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->addAction(openScenarioAction);
    fileMenu->addSeparator();
    fileMenu->addAction(quit);
    QMenu *captureMenu = menuBar()->addMenu(tr("&Capture"));
    captureMenu->addAction(clear);
    QToolBar *toolBar = addToolBar(tr("Capture"));
    toolBar->setObjectName(QStringLiteral("captureToolBar"));
    toolBar->addAction(openScenarioAction);
    toolBar->addAction(clear);

    statusBar()->addWidget(m_listening, 1);
    statusBar()->addPermanentWidget(m_scenarioLabel);
    statusBar()->addPermanentWidget(m_counts);
    m_scenarioLabel->setText(
        tr("No scenario: every callback continues (profile %1)").arg(profileName(defaultProfile)));
    m_listening->setTextInteractionFlags(Qt::TextSelectableByMouse);

    connect(store, &CaptureStore::capturesAdded, this, [this](const QList<CapturedRequest> &batch) {
        // Follow the tail only while the user is already at the bottom.
        QScrollBar *bar = m_view->verticalScrollBar();
        const bool atBottom = bar->value() >= bar->maximum();
        m_model->appendBatch(batch);
        if (atBottom)
            m_view->scrollToBottom();
        updateCounts();
    });
    updateCounts();
    resize(1440, 800);
}

void MainWindow::setServerState(const QString &url, const QString &error)
{
    if (!error.isEmpty()) {
        m_banner->setText(error);
        m_banner->setVisible(true);
        m_listening->setText(tr("Not listening"));
        return;
    }
    m_banner->setVisible(false);
    m_listening->setText(tr("Listening on %1 \u2014 in webhooks.yml set url: %1").arg(url));
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
    const QString name = scenario->name.isEmpty() ? QFileInfo(path).fileName() : scenario->name;
    m_scenarioLabel->setText(tr("Scenario: %1 (%n rule(s), profile %2)", nullptr, int(scenario->rules.size()))
                                 .arg(name, profileName(scenario->profile)));
    Q_EMIT scenarioLoaded(*scenario);
    return true;
}

void MainWindow::updateCounts()
{
    const quint64 dropped = m_model->droppedCount();
    QString text = tr("%n capture(s)", nullptr, m_model->rowCount());
    if (dropped > 0)
        text += QStringLiteral("  \u00b7  ")
            + tr("%n dropped (oldest)", nullptr, int(qMin<quint64>(dropped, INT_MAX)));
    m_counts->setText(text);
}

} // namespace cbi
