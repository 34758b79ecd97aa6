// SPDX-License-Identifier: MIT
#include "inspector.h"

#include "scenariodocument.h"
#include "server/serverhost.h"
#include "session/sessionjournal.h"

#include <QFileInfo>

#include <algorithm>

namespace cbi {

Inspector::Inspector(qsizetype capacity, QObject *parent)
    : QObject(parent)
    , m_store(capacity)
    , m_host(std::make_unique<ServerHost>(&m_store))
    , m_scenario(std::make_unique<ScenarioDocument>(m_host.get()))
{
}

Inspector::~Inspector()
{
    m_scenario.reset();
    m_host.reset(); // the server stops before the journal it writes to
    m_journal.reset();
}

bool Inspector::openSession(const QString &path, bool load, QString *error)
{
    // The file open now: its lock is ours already; only its captures are read again.
    const bool same =
        m_journal && QFileInfo(m_journal->path()).canonicalFilePath() == QFileInfo(path).canonicalFilePath();
    auto journal = same ? nullptr : std::make_unique<SessionJournal>();
    if (journal && !journal->open(path, error))
        return false;
    if (same)
        m_journal->sync(); // the reading below sees every capture so far
    if (load) {
        QList<CapturedRequest> newest;
        SessionJournal::Filter newestFirst;
        newestFirst.newestFirst = true;
        QString readError;
        SessionJournal::forEach(
            path, newestFirst,
            [&](const CapturedRequest &c) {
                newest.append(c);
                if (m_spillThreshold > 0) // read back from the file when shown
                    newest.last().spillBody(m_spillThreshold);
                return newest.size() < m_store.capacity();
            },
            &readError);
        std::reverse(newest.begin(), newest.end());
        m_store.load(newest, true);
    }
    if (same) {
        Q_EMIT sessionOpened(path);
        return true;
    }
    SessionJournal *j = journal.get();
    j->setOnFailure(m_journalPolicy);
    // GET status says whether replies wait for the file or leave without it.
    const QString failing = m_journalPolicy == SessionJournal::OnFailure::FailOpen
        ? QStringLiteral("memory only: ")
        : QStringLiteral("failing: ");
    // From now on the server journals straight from its thread, and a reply leaves once the file
    // has its capture: the commit goes from the journal's thread to the server's, never through
    // this (the GUI) thread, so nothing the window does can hold a reply.
    m_host->setCaptureSink([j](const CapturedRequest &c) { j->append(c); });
    m_host->setCommitGate(true, j->lastId());
    m_host->setSessionPath(path);
    m_host->setJournalState(j->failure().isEmpty() ? QStringLiteral("ok") : failing + j->failure());
    connect(j, &SessionJournal::committed, m_host.get(), &ServerHost::committedUpTo, Qt::DirectConnection);
    if (m_spillThreshold > 0) {
        m_store.setBodySpill(m_spillThreshold, [path](quint64 id, QByteArray *body, QString *error) {
            return SessionJournal::readBody(path, id, body, error);
        });
        connect(j, &SessionJournal::written, &m_store, &CaptureStore::noteWritten, Qt::DirectConnection);
    }
    connect(j, &SessionJournal::failed, this, [this, failing](const QString &reason) {
        m_host->setJournalState(failing + reason);
        Q_EMIT journalFailed(reason);
    });
    connect(j, &SessionJournal::recovered, this, [this] {
        m_host->setJournalState(QStringLiteral("ok"));
        Q_EMIT journalRecovered();
    });
    m_journal = std::move(journal); // the previous file is synced and closed
    Q_EMIT sessionOpened(path);
    return true;
}

QString Inspector::sessionPath() const
{
    return m_journal ? m_journal->path() : QString();
}

QString Inspector::journalFailure() const
{
    return m_journal ? m_journal->failure() : QString();
}

void Inspector::shutdown()
{
    m_host->stop();
    if (m_journal) {
        m_journal->sync();
        m_host->setCaptureSink({});
        m_journal->sync();
    }
}

void Inspector::syncSession()
{
    if (m_journal)
        m_journal->sync();
}

} // namespace cbi
