// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>
#include <QJsonObject>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace cbi {

class TlsOptionsWidget;

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
    // Sends now; finished() brings the result (the window goes on meanwhile). Returns false, with
    // the reason shown, when nothing was sent (a command the version never sends, a call in flight).
    bool send();
    QString resultText() const;
    TlsOptionsWidget *tlsOptions() const { return m_tls; }

Q_SIGNALS:
    // What `send` prints for the call: url, reply or error, verdict.
    void finished(const QJsonObject &result);

private:
    // The sample request as the chosen version sends it (fields, shape), or a note that it never does.
    void loadSample();
    void showResult(const QJsonObject &result);

    QLineEdit *m_url;
    QComboBox *m_command;
    QComboBox *m_profile;
    QSpinBox *m_timeout;
    QPlainTextEdit *m_body;
    QPlainTextEdit *m_result;
    QLabel *m_verdict;
    TlsOptionsWidget *m_tls;
    QPushButton *m_sendButton = nullptr;
};

} // namespace cbi
