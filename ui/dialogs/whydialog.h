// SPDX-License-Identifier: MIT
#pragma once

#include "integration/callbackfilter.h"
#include "integration/webhooksconfig.h"
#include "verdict/profile.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QSpinBox;
class QTreeWidget;

namespace cbi {

// "Why no callback?": for one message (content type, session type, sender, receiver, notification or
// not) and one OpenIM version, whether each message callback of a webhooks.yml fires, or which filter
// stops it on that version; below, what the version makes of the file. The answers are the core's
// (CallbackFilter, WebhooksVersionCheck); the dialog only gathers the question and shows them.
class WhyDialog : public QDialog
{
    Q_OBJECT
public:
    WhyDialog(const QString &path, Profile profile, QWidget *parent = nullptr);

    // Reads the webhooks.yml; false (and the error shown) when it cannot be used.
    bool loadFile(const QString &path);
    void setProfile(Profile profile);
    void setMessage(const CallbackFilter::Message &message);
    CallbackFilter::Message message() const;
    QList<CallbackFilter::Outcome> outcomes() const { return m_outcomes; }

private:
    void chooseFile();
    void explain();

    std::optional<WebhooksConfig> m_config;
    QList<CallbackFilter::Outcome> m_outcomes;
    QLabel *m_file;
    QComboBox *m_profile;
    QSpinBox *m_contentType;
    QComboBox *m_sessionType;
    QLineEdit *m_sendId;
    QLineEdit *m_recvId;
    QCheckBox *m_notification;
    QTreeWidget *m_results;
    QListWidget *m_findings;
};

} // namespace cbi
