// SPDX-License-Identifier: MIT
#include "holdflow.h"

#include "capturepane.h"
#include "catalogue/catalogue.h"
#include "models/capturefilterproxy.h"
#include "models/capturetablemodel.h"
#include "server/serverhost.h"
#include "widgets/capturedetailview.h"
#include "widgets/heldwidget.h"

#include <QAction>
#include <QDeadlineTimer>
#include <QDockWidget>
#include <QHBoxLayout>
#include <QLabel>
#include <QMainWindow>
#include <QStatusBar>
#include <QTableView>
#include <QToolButton>

namespace cbi {

HoldFlow::HoldFlow(
    ServerHost *host, HeldWidget *held, CapturePane *pane, QDockWidget *heldDock, QMainWindow *window)
    : QObject(window)
    , m_held(held)
    , m_pane(pane)
    , m_dock(heldDock)
    , m_window(window)
    , m_action(new QAction(tr("&Hold This Command"), this))
    , m_banner(new QWidget(window))
    , m_bannerText(new QLabel(m_banner))
{
    m_action->setCheckable(true);
    m_action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    m_action->setToolTip(tr("Next callbacks of this command wait for you to answer them in the Held panel"));
    connect(m_action, &QAction::triggered, this, &HoldFlow::toggle);

    // The banner: while anything is held, OpenIM's callbacks of it wait for a human. It lives in
    // the status bar, a line that is there anyway: the table's rows do not move when holding starts.
    m_banner->setObjectName(QStringLiteral("holdBanner"));
    m_banner->setAutoFillBackground(true);
    QPalette banner = m_banner->palette();
    banner.setColor(QPalette::Window, banner.color(QPalette::ToolTipBase));
    banner.setColor(QPalette::WindowText, banner.color(QPalette::ToolTipText));
    m_banner->setPalette(banner);
    m_bannerText->setAccessibleName(tr("Holding"));
    auto *stop = new QToolButton(m_banner);
    stop->setText(tr("Stop"));
    stop->setAutoRaise(true);
    stop->setToolTip(tr("Stop holding: the next callbacks get the rules' reply at once"));
    auto *row = new QHBoxLayout(m_banner);
    row->setContentsMargins(6, 0, 0, 0);
    row->setSpacing(4);
    row->addWidget(m_bannerText, 1);
    row->addWidget(stop);
    m_banner->hide();
    window->statusBar()->addPermanentWidget(m_banner);
    connect(stop, &QToolButton::clicked, this, [this] {
        for (const QString &command : m_held->heldCommands())
            m_held->stopHolding(command);
        say(tr("Stopped holding: callbacks get the rules' reply again"));
    });
    connect(m_held, &HeldWidget::heldCommandsChanged, this, &HoldFlow::commandsChanged);
    commandsChanged(m_held->heldCommands());

    // Each held callback is a paused row at once; its capture replaces the row when the hold ends.
    CaptureTableModel *model = m_pane->model();
    for (const ServerHost::WaitingHold &w : host->waitingHolds())
        model->addPaused(w.id, w.capture, w.timeoutMs - int(w.since.elapsed()));
    connect(host, &ServerHost::callbackHeld, model, &CaptureTableModel::addPaused);
    connect(m_held, &HeldWidget::callbackWaiting, this, [this](const QString &command) {
        m_dock->show();
        m_dock->raise();
        m_waitingSaid = tr("%1 is held: answer it in the Held panel before OpenIM gives up.").arg(command);
        say(m_waitingSaid);
    });
    // Answered or expired: "... is held" no longer applies once nothing waits.
    connect(host, &ServerHost::holdEnded, this, [this] {
        if (m_held->waitingCount() == 0)
            unsay(m_waitingSaid);
    });

    // The paused row and the Held panel's entry are selected together.
    connect(m_pane->view()->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &HoldFlow::currentRowChanged);
    connect(m_held, &HeldWidget::currentHoldChanged, this, &HoldFlow::selectPausedRow);
    // The selected paused row answered or expired: the detail shows its capture now.
    connect(model, &QAbstractItemModel::dataChanged, this,
        [this](const QModelIndex &from, const QModelIndex &to) {
            const QModelIndex current = m_pane->proxy()->mapToSource(m_pane->view()->currentIndex());
            if (current.isValid() && current.row() >= from.row() && current.row() <= to.row()
                && from.column() == 0 && m_pane->detail()->isShowingPaused()
                && !m_pane->model()->pausedMsLeft(current.row())) {
                if (const CapturedRequest *c = m_pane->model()->captureAt(current.row()))
                    m_pane->detail()->setCapture(m_pane->withBody(*c));
            }
        });
}

QString HoldFlow::selectedCommand() const
{
    const CapturedRequest *c = m_pane->selectedCapture();
    if (!c)
        return {};
    return c->canonicalCommand.isEmpty() ? c->command : c->canonicalCommand;
}

void HoldFlow::toggle(bool hold)
{
    const QString command = selectedCommand();
    if (command.isEmpty()) {
        m_action->setChecked(false);
        say(tr("Select a capture of the command to hold first."));
        return;
    }
    if (hold) {
        m_held->holdCommand(command);
        m_dock->show();
        m_dock->raise();
        const CommandSpec *spec = Catalogue::instance().find(Catalogue::instance().canonicalName(command));
        // OpenIM ignores an after-callback's reply: holding one only keeps a webhook worker waiting.
        m_holdingCommand = command;
        m_holdingSaid = spec && !spec->isBefore()
            ? tr("Holding %1, an after-callback: OpenIM does not read its reply, so holding it only keeps "
                 "one of OpenIM's webhook workers waiting.")
                  .arg(command)
            : tr("Holding %1: its next callbacks wait for you in the Held panel.").arg(command);
        say(m_holdingSaid);
    } else {
        m_held->stopHolding(command);
        say(tr("No longer holding %1.").arg(command));
    }
}

void HoldFlow::commandsChanged(const QStringList &commands)
{
    QStringList names;
    for (const QString &command : commands)
        names.append(command == QLatin1String("*") ? tr("every callback") : command);
    // Short in the status bar; the whole sentence in its tooltip.
    m_bannerText->setText(names.size() == 1 ? tr("Holding %1").arg(names.constFirst())
                                            : tr("Holding %n command(s)", nullptr, int(names.size())));
    m_banner->setToolTip(tr("Holding %1: its callbacks wait for your answer in the Held panel")
                             .arg(names.join(QStringLiteral(", "))));
    m_banner->setVisible(!commands.isEmpty());
    if (!commands.contains(m_holdingCommand)) // stopped from the Held panel or the banner
        unsay(m_holdingSaid);
    const QString selected = selectedCommand();
    m_action->setChecked(!selected.isEmpty() && commands.contains(selected));
}

QString HoldFlow::bannerText() const
{
    return m_banner->isHidden() ? QString() : m_banner->toolTip();
}

void HoldFlow::currentRowChanged()
{
    const QString selected = selectedCommand();
    m_action->setChecked(!selected.isEmpty() && m_held->heldCommands().contains(selected));
    const QModelIndex current = m_pane->view()->currentIndex();
    const quint64 hold = current.data(CaptureTableModel::HoldIdRole).toULongLong();
    if (hold == 0)
        return;
    showPausedDetail();
    m_held->selectHold(hold);
    m_dock->show();
    m_dock->raise(); // the reply editor next to the request
}

void HoldFlow::selectPausedRow(quint64 holdId)
{
    const int row = m_pane->model()->rowOfHold(holdId);
    if (row < 0)
        return;
    const QModelIndex index = m_pane->proxy()->mapFromSource(m_pane->model()->index(row, 0));
    if (!index.isValid() || index.row() == m_pane->view()->currentIndex().row())
        return;
    m_pane->view()->setCurrentIndex(index);
    m_pane->view()->scrollTo(index);
}

void HoldFlow::showPausedDetail()
{
    const QModelIndex current = m_pane->proxy()->mapToSource(m_pane->view()->currentIndex());
    if (const auto left = m_pane->model()->pausedMsLeft(current.row()))
        m_pane->detail()->showPaused(QDeadlineTimer::current().deadline() + *left);
}

void HoldFlow::say(const QString &text)
{
    m_window->statusBar()->showMessage(text, 5000);
}

void HoldFlow::unsay(const QString &text)
{
    if (!text.isEmpty() && m_window->statusBar()->currentMessage() == text)
        m_window->statusBar()->clearMessage();
}

} // namespace cbi
