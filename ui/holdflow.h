// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QStringList>

class QAction;
class QDockWidget;
class QLabel;
class QMainWindow;
class QWidget;

namespace cbi {

class CapturePane;
class HeldWidget;
class ServerHost;

// Hold and answer by hand, as the window shows it (gui walk F15): the checkable Hold This Command
// action, the "Holding X - Stop" banner, a paused row in the table for each held callback (from the
// server's holds, so a new window shows them too), and the table's paused row and the Held panel's
// entry selected together, the request in the detail with OpenIM's countdown.
class HoldFlow : public QObject
{
    Q_OBJECT
public:
    HoldFlow(
        ServerHost *host, HeldWidget *held, CapturePane *pane, QDockWidget *heldDock, QMainWindow *window);

    QAction *action() const { return m_action; }
    QWidget *banner() const { return m_banner; }
    QString bannerText() const;

private:
    void toggle(bool hold);
    void commandsChanged(const QStringList &commands);
    void currentRowChanged();
    void selectPausedRow(quint64 holdId);
    void showPausedDetail();
    QString selectedCommand() const;
    void say(const QString &text);
    // Clears the status bar's message if it is still text: the state it described ended.
    void unsay(const QString &text);

    HeldWidget *m_held;
    CapturePane *m_pane;
    QDockWidget *m_dock;
    QMainWindow *m_window;
    QAction *m_action;
    QWidget *m_banner;
    QLabel *m_bannerText;
    QString m_waitingSaid; // "X is held: answer it ..."
    QString m_holdingSaid; // "Holding X: ..."
    QString m_holdingCommand;
};

} // namespace cbi
