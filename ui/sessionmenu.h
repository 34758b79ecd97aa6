// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QString>

class QMenu;
class QWidget;

namespace cbi {

class Inspector;

// The File menu's session files: New Session, Save Session As, Open Session and Recent Sessions,
// over the inspector's journal. Dialogs and errors open over window.
class SessionMenu : public QObject
{
    Q_OBJECT
public:
    SessionMenu(Inspector *inspector, QWidget *window);

    void addActions(QMenu *menu);
    // Journals to path from now on (with load, shows what it holds); an error is shown.
    bool openSession(const QString &path, bool load);
    // A new file in the user's data folder, named by the time.
    static QString autosavePath();
    // How Recent Sessions lists a file: when it was last written and how many captures it holds.
    static QString recentLabel(const QString &path);

private:
    Inspector *m_inspector;
    QWidget *m_window;
    QMenu *m_recent = nullptr;
};

} // namespace cbi
