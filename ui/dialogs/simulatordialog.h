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
    // Sends now (blocks with a local event loop until the reply or the timeout).
    QJsonObject send();
    QString resultText() const;

private:
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
