// SPDX-License-Identifier: MIT
#pragma once

#include "capture/capturedrequest.h"

#include <QElapsedTimer>
#include <QHash>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTimer;

namespace cbi {

class ServerHost;

// Hold and answer by hand (a breakpoint): pick the commands to hold; each held callback waits here,
// with OpenIM's timeout counting down, until you send the reply the rules proposed, an edited one,
// a block, or a closed connection. Unanswered holds get the rules' reply once OpenIM gave up.
class HeldWidget : public QWidget
{
    Q_OBJECT
public:
    explicit HeldWidget(ServerHost *host, QWidget *parent = nullptr);

    void holdCommand(const QString &command); // "*": every callback
    void stopHolding(const QString &command);
    QStringList heldCommands() const;
    int waitingCount() const;
    // Answers the selected held callback; nullopt: the rules' reply. False when none is selected.
    bool answerSelected(const std::optional<ReplySent> &reply);
    QPlainTextEdit *replyEditor() const { return m_reply; }
    QListWidget *waitingList() const { return m_waiting; }
    // Selects the held callback holdId in the list (the table's paused row was selected).
    void selectHold(quint64 holdId);
    quint64 currentHold() const; // 0: none

Q_SIGNALS:
    void callbackWaiting(const QString &command); // a new hold: the window brings this panel forward
    void heldCommandsChanged(const QStringList &commands);
    void currentHoldChanged(quint64 holdId); // 0: none selected

private:
    struct Waiting
    {
        CapturedRequest capture;
        int timeoutMs = 0;
        QElapsedTimer clock;
    };
    void held(quint64 id, const CapturedRequest &capture, int timeoutMs);
    void addWaiting(quint64 id, const CapturedRequest &capture, int timeoutMs); // timeoutMs: still left
    void ended(quint64 id);
    void tick();
    void showSelected();
    void applyHeldCommands();
    void addCommandItem(const QString &command);
    ReplySent editedReply() const;

    ServerHost *m_host;
    QComboBox *m_pick;
    QListWidget *m_commands;
    QListWidget *m_waiting;
    QPlainTextEdit *m_reply;
    QLabel *m_hint;
    QPushButton *m_send;
    QPushButton *m_rules;
    QPushButton *m_block;
    QPushButton *m_drop;
    QTimer *m_tick;
    QHash<quint64, Waiting> m_held;
};

} // namespace cbi
