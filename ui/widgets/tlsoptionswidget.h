// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QCheckBox;
class QLineEdit;

namespace cbi {

// "Verify certificate" for the calls the window makes as OpenIM (Simulate, Replay): on by default,
// as OpenIM's client checks the system's CAs and the host name; an extra CA file (a self-signed
// business server). Remembered between runs, shared by both dialogs.
class TlsOptionsWidget : public QWidget
{
    Q_OBJECT
public:
    explicit TlsOptionsWidget(QWidget *parent = nullptr);

    bool verify() const;
    QString caCertPath() const;
    void setVerify(bool on);
    void setCaCertPath(const QString &path);
    // Remembers the choice for the next dialog.
    void save() const;
    // The remembered choice (verify on, no extra CA at first).
    static bool savedVerify();
    static QString savedCaCertPath();

private:
    QCheckBox *m_verify;
    QLineEdit *m_caCert;
};

} // namespace cbi
