// SPDX-License-Identifier: MIT
#pragma once

#include "capture/capturestore.h"
#include "session/sessionjournal.h"

#include <QObject>

#include <memory>

namespace cbi {

class ScenarioDocument;
class ServerHost;

// A running inspector: the captures, the server on its thread, the scenario it serves and the
// session file that keeps every capture. One per process: the window is a view of it and can be
// rebuilt (a language switch) without handing anything over; `serve` and `run` are shells over it.
class Inspector : public QObject
{
    Q_OBJECT
public:
    explicit Inspector(qsizetype capacity = 50000, QObject *parent = nullptr);
    ~Inspector() override;

    CaptureStore *store() { return &m_store; }
    ServerHost *host() const { return m_host.get(); }
    ScenarioDocument *scenario() const { return m_scenario.get(); }

    // What a session file that cannot be written does to replies (before openSession): Hold (they
    // wait; the window's and serve's default) or FailOpen (they leave; captures stay in memory).
    void setJournalPolicy(SessionJournal::OnFailure policy) { m_journalPolicy = policy; }
    // Request bodies over threshold leave memory once the session file has them (before
    // openSession; 0, the default, keeps every body): the window and serve set it, run keeps the
    // bodies its expectations read at the end.
    void setBodySpill(qint64 threshold) { m_spillThreshold = threshold; }
    // Journals every capture to path from now on; replies leave once their capture is in the file.
    // With load, the file's newest captures (as many as the store keeps) replace the store's.
    bool openSession(const QString &path, bool load, QString *error);
    QString sessionPath() const;
    // Empty while the session file is written; else why not.
    QString journalFailure() const;
    // Everything captured so far is in the file (before a copy or an export of it).
    void syncSession();
    // Before the process ends: the server stops (holds are answered and journaled as it goes),
    // then the file gets what is left; nothing is answered that is not journaled.
    void shutdown();

Q_SIGNALS:
    void sessionOpened(const QString &path);
    void journalFailed(const QString &reason);
    void journalRecovered();

private:
    CaptureStore m_store;
    std::unique_ptr<SessionJournal> m_journal; // outlives the server that feeds it
    std::unique_ptr<ServerHost> m_host;
    std::unique_ptr<ScenarioDocument> m_scenario;
    SessionJournal::OnFailure m_journalPolicy = SessionJournal::OnFailure::Hold;
    qint64 m_spillThreshold = 0;
};

} // namespace cbi
