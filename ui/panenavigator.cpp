// SPDX-License-Identifier: MIT
#include "panenavigator.h"

#include "capturepane.h"
#include "widgets/capturedetailview.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QTabWidget>
#include <QTableView>

namespace cbi {

PaneNavigator::PaneNavigator(QMainWindow *window, CapturePane *pane, QMenu *viewMenu)
    : QObject(window)
    , m_window(window)
    , m_pane(pane)
{
    // In the View menu's order: the window's children change order as docks are raised.
    const QList<QDockWidget *> docks = window->findChildren<QDockWidget *>(Qt::FindDirectChildrenOnly);
    for (QAction *action : viewMenu->actions()) {
        for (QDockWidget *dock : docks) {
            if (dock->toggleViewAction() == action)
                m_docks.append(dock);
        }
    }
    QMenu *go = viewMenu->addMenu(tr("&Go to Pane"));
    QAction *next = go->addAction(tr("&Next Pane"), this, [this] { cyclePanes(true); });
    next->setShortcut(QKeySequence(Qt::Key_F6));
    QAction *previous = go->addAction(tr("&Previous Pane"), this, [this] { cyclePanes(false); });
    previous->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F6));
    go->addSeparator();
    QTabWidget *tabs = m_pane->detail()->tabs();
    for (int i = 0; i < tabs->count() && i < 9; ++i) {
        // The tab's own label without its mnemonic: "Detail: Body tree".
        QAction *tab = go->addAction(tr("Detail: %1").arg(tabs->tabText(i).remove(QLatin1Char('&'))), this,
            [this, i] { showDetailTab(i); });
        tab->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
    }
    go->addSeparator();
    // Alt+Shift: Alt alone opens the menus by their mnemonics (Alt+R is the Rules menu).
    const QHash<QString, Qt::Key> keys = {{QStringLiteral("rulesDock"), Qt::Key_R},
        {QStringLiteral("statisticsDock"), Qt::Key_S}, {QStringLiteral("heldDock"), Qt::Key_H}};
    for (QDockWidget *dock : std::as_const(m_docks)) {
        QAction *action =
            go->addAction(tr("%1 Dock").arg(dock->windowTitle()), this, [this, dock] { focusDock(dock); });
        if (keys.contains(dock->objectName()))
            action->setShortcut(QKeySequence(Qt::ALT | Qt::SHIFT | keys.value(dock->objectName())));
    }
}

QList<QWidget *> PaneNavigator::panes() const
{
    QList<QWidget *> list {m_pane->filterEdit(), m_pane->view(), m_pane->detail()};
    for (QDockWidget *dock : m_docks) {
        if (dock->toggleViewAction()->isChecked()) // tabbed behind another counts: F6 raises it
            list.append(dock);
    }
    return list;
}

void PaneNavigator::cyclePanes(bool forward)
{
    const QList<QWidget *> list = panes();
    QWidget *focus = QApplication::focusWidget();
    qsizetype current = -1;
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (focus && (focus == list.at(i) || list.at(i)->isAncestorOf(focus)))
            current = i;
    }
    const qsizetype n = list.size();
    const qsizetype target = current < 0 ? (forward ? 0 : n - 1) : (current + (forward ? 1 : n - 1)) % n;
    QWidget *pane = list.at(target);
    if (auto *dock = qobject_cast<QDockWidget *>(pane))
        focusDock(dock);
    else
        focusPane(pane);
}

void PaneNavigator::showDetailTab(int index)
{
    QTabWidget *tabs = m_pane->detail()->tabs();
    tabs->setCurrentIndex(index);
    focusPane(tabs->currentWidget());
}

void PaneNavigator::focusDock(QDockWidget *dock)
{
    // Back after its close button too; show() on an open dock behind a tab would float it over the others.
    if (!dock->toggleViewAction()->isChecked())
        dock->toggleViewAction()->trigger();
    dock->raise();
    focusPane(dock->widget());
}

void PaneNavigator::focusPane(QWidget *pane)
{
    if (!pane)
        return;
    if (pane == m_pane->detail())
        pane = m_pane->detail()->tabs()->currentWidget();
    // The pane itself when it takes focus, else its first control that Tab would reach.
    QWidget *target = (pane->focusPolicy() & Qt::TabFocus) ? pane : nullptr;
    if (!target) {
        for (QWidget *child : pane->findChildren<QWidget *>()) {
            if ((child->focusPolicy() & Qt::TabFocus) && child->isEnabled() && !child->isHidden()
                && child->isVisibleTo(pane)) {
                target = child;
                break;
            }
        }
    }
    if (target)
        target->setFocus(Qt::ShortcutFocusReason);
}

} // namespace cbi
