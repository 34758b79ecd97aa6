// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QObject>

class QAction;
class QDockWidget;
class QMainWindow;
class QMenu;
class QWidget;

namespace cbi {

class CapturePane;

// Keyboard routes to every pane (gui walk F8), listed in the View menu so they can be found:
// F6 / Shift+F6 cycle filter, table, detail and the open docks; Ctrl+1..5 open a detail tab;
// Alt+Shift+R/S/H raise and focus the Rules, Statistics and Held docks.
class PaneNavigator : public QObject
{
    Q_OBJECT
public:
    // The docks are the window's QDockWidgets that viewMenu shows and hides.
    PaneNavigator(QMainWindow *window, CapturePane *pane, QMenu *viewMenu);

    // Moves the focus to the next (or previous) pane after the one holding it.
    void cyclePanes(bool forward);
    void showDetailTab(int index);
    void focusDock(QDockWidget *dock);

private:
    // The panes in reading order, the closed docks left out.
    QList<QWidget *> panes() const;
    void focusPane(QWidget *pane);

    QMainWindow *m_window;
    CapturePane *m_pane;
    QList<QDockWidget *> m_docks;
};

} // namespace cbi
