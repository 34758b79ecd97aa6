// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>
#include <QJsonObject>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace cbi {

// "Simulate OpenIM": posts a command's request to the user's own business server the way the chosen
// OpenIM version does, and shows the reply and what OpenIM would do with it.
class SimulatorDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SimulatorDialog(QWidget *parent = nullptr);

    void setUrl(const QString &url);
    void setCommand(const QString &command);
    void setProfile(const QString &profile); // a profile name: v3.7, v3.8.2, main, ...
    // Sends now (blocks with a local event loop until the reply or the timeout).
    QJsonObject send();
    QString resultText() const;

private:
    // The sample request as the chosen version sends it (fields, shape), or a note that it never does.
    void loadSample();

    QLineEdit *m_url;
    QComboBox *m_command;
    QComboBox *m_profile;
    QSpinBox *m_timeout;
    QPlainTextEdit *m_body;
    QPlainTextEdit *m_result;
    QLabel *m_verdict;
};

} // namespace cbi
