// SPDX-License-Identifier: MIT
#pragma once

#include "verdict/profile.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QListWidget;
class QPlainTextEdit;
class QTabWidget;

namespace cbi {

// File > Generate webhooks.yml (gui walk F22): pick the commands (message, user, group; before,
// after; or one by one) and the OpenIM version, see the webhooks.yml and the Docker environment
// form (what `webhooks generate --env` writes) side by side, copy either or save it.
class WebhooksDialog : public QDialog
{
    Q_OBJECT
public:
    WebhooksDialog(const QString &url, Profile profile, QWidget *parent = nullptr);

    QStringList chosenCommands() const;
    Profile profile() const;
    void setProfile(Profile profile);
    // Checks the commands of these kinds (and only them): "message", "user", "group"; "before", "after".
    void setKinds(const QStringList &areas, bool before, bool after);
    QString yaml() const;
    QString environment() const;
    QTabWidget *tabs() const { return m_tabs; }
    QString shownText() const; // the tab in front: what Copy copies and Save writes
    bool save(const QString &path);

    static QString areaOf(const QString &command); // "message", "user" or "group"

private:
    void fillCommands();
    void applyKinds();
    void refresh();

    QString m_url;
    QComboBox *m_profile;
    QCheckBox *m_message;
    QCheckBox *m_user;
    QCheckBox *m_group;
    QCheckBox *m_before;
    QCheckBox *m_after;
    QListWidget *m_commands;
    QTabWidget *m_tabs;
    QPlainTextEdit *m_yaml;
    QPlainTextEdit *m_env;
};

} // namespace cbi
