// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QDialog>
#include <QJsonObject>
#include <QList>

class QLabel;
class QListWidget;
class QPlainTextEdit;

namespace cbi {

// "Replay results" (gui walk F24): the replays of this run, newest first, and for the selected one
// the request as sent, the business server's reply and what OpenIM would do with it. Not modal:
// the window goes on capturing while it is open, and each replay lands here as it ends.
class ReplayResultsDialog : public QDialog
{
    Q_OBJECT
public:
    struct Entry
    {
        quint64 captureId = 0;
        bool edited = false; // the body was changed before sending
        QByteArray body; // as sent
        QJsonObject result; // what `send` prints for the call
        QDateTime at;
    };

    explicit ReplayResultsDialog(QWidget *parent = nullptr);

    // Adds a replay at the top of the history and shows it.
    void addEntry(const Entry &entry);
    // A line over the history: how a run of several replays went.
    void setSummary(const QString &text);
    qsizetype count() const { return m_entries.size(); }
    const Entry &entry(int row) const { return m_entries.at(row); }

    QListWidget *history() const { return m_history; }
    QPlainTextEdit *requestView() const { return m_request; }
    QPlainTextEdit *replyView() const { return m_reply; }
    QLabel *verdictLabel() const { return m_verdict; }
    QLabel *errorLabel() const { return m_error; }

private:
    void showEntry(int row);

    QList<Entry> m_entries; // newest first, as the history lists them
    QLabel *m_summary;
    QListWidget *m_history;
    QPlainTextEdit *m_request;
    QPlainTextEdit *m_reply;
    QLabel *m_error;
    QLabel *m_verdict;
};

} // namespace cbi
