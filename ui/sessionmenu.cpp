// SPDX-License-Identifier: MIT
#include "sessionmenu.h"

#include "appsettings.h"
#include "capture/capturestore.h"
#include "inspector/inspector.h"
#include "session/sessionjournal.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QStandardPaths>

namespace cbi {

SessionMenu::SessionMenu(Inspector *inspector, QWidget *window)
    : QObject(window)
    , m_inspector(inspector)
    , m_window(window)
{
    connect(inspector, &Inspector::sessionOpened, this, &AppSettings::addRecentSession);
}

void SessionMenu::addActions(QMenu *menu)
{
    auto *newSession = menu->addAction(tr("&New Session..."), this, [this] {
        const QString path = QFileDialog::getSaveFileName(m_window, tr("New Session"),
            QFileInfo(autosavePath()).path(), tr("Session files (*.cbisession *.db)"));
        if (!path.isEmpty()) {
            QFile::remove(path); // QFileDialog asked before overwriting
            if (openSession(path, false))
                m_inspector->store()->clear(); // the table, the statistics and GET captures start afresh
        }
    });
    newSession->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    menu->addAction(tr("Save Session &As..."), this, [this] {
        if (m_inspector->sessionPath().isEmpty())
            return;
        const QString path = QFileDialog::getSaveFileName(m_window, tr("Save Session As"),
            QFileInfo(m_inspector->sessionPath()).path(), tr("Session files (*.cbisession *.db)"));
        if (path.isEmpty() || path == m_inspector->sessionPath())
            return;
        m_inspector->syncSession(); // everything captured so far is in the copy
        QString error;
        if (!SessionJournal::copy(m_inspector->sessionPath(), path, &error)) {
            QMessageBox::warning(m_window, tr("Session not saved"), error);
            return;
        }
        openSession(path, false); // the table stays; new captures go to the new file
    });
    auto *openSessionAction = menu->addAction(tr("Open &Session..."), this, [this] {
        const QString path = QFileDialog::getOpenFileName(m_window, tr("Open Session"),
            QFileInfo(autosavePath()).path(), tr("Session files (*.cbisession *.db);;All files (*)"));
        if (!path.isEmpty())
            openSession(path, true);
    });
    openSessionAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_recent = menu->addMenu(tr("Recent Sessions"));
    connect(m_recent, &QMenu::aboutToShow, this, [this] {
        m_recent->clear();
        // Not the session open now; each by when it was last written and what it holds (gui walk F33).
        const QString current = QFileInfo(m_inspector->sessionPath()).canonicalFilePath();
        for (const QString &path : AppSettings::recentSessions()) {
            if (!QFileInfo::exists(path) || QFileInfo(path).canonicalFilePath() == current)
                continue;
            QAction *action =
                m_recent->addAction(recentLabel(path), this, [this, path] { openSession(path, true); });
            action->setToolTip(QDir::toNativeSeparators(path));
            action->setStatusTip(QDir::toNativeSeparators(path));
        }
        if (m_recent->isEmpty())
            m_recent->addAction(tr("(none)"))->setEnabled(false);
    });
}

QString SessionMenu::recentLabel(const QString &path)
{
    const QFileInfo info(path);
    const qint64 count = SessionJournal::count(path, nullptr);
    const QString when = QLocale().toString(info.lastModified(), QLocale::ShortFormat);
    return count < 0 ? tr("%1 (unreadable)").arg(when)
                     : tr("%1 · %n capture(s)", nullptr, int(qMin<qint64>(count, INT_MAX))).arg(when);
}

bool SessionMenu::openSession(const QString &path, bool load)
{
    QString error;
    if (m_inspector->openSession(path, load, &error))
        return true;
    auto *box =
        new QMessageBox(QMessageBox::Warning, tr("Session not opened"), error, QMessageBox::Ok, m_window);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    return false;
}

QString SessionMenu::autosavePath()
{
    const QString dir =
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/sessions");
    QDir().mkpath(dir);
    return dir
        + QStringLiteral("/session-%1.cbisession")
              .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
}

} // namespace cbi
