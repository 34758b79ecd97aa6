// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class QGridLayout;
class QGroupBox;
class QLabel;
class QLineEdit;

namespace cbi {

// HTTPS for the window's server: a PEM certificate (chain) and its unencrypted key. The server
// loads them at Start and reports a file it cannot use in the window's banner.
class TlsDialog : public QDialog
{
    Q_OBJECT
public:
    TlsDialog(const QString &certPath, const QString &keyPath, QWidget *parent = nullptr);

    // Both empty: plain HTTP.
    QString certPath() const;
    QString keyPath() const;

    // Why the pair cannot be used (one missing, unreadable); empty otherwise.
    static QString check(const QString &certPath, const QString &keyPath);

    void accept() override;

private:
    QLineEdit *addFileRow(
        QGridLayout *grid, int row, const QString &label, const QString &browseName, const QString &filter);

    QGroupBox *m_https;
    QLineEdit *m_cert;
    QLineEdit *m_key;
    QLabel *m_error;
};

} // namespace cbi
