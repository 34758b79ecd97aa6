// SPDX-License-Identifier: MIT
#include "tlsdialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cbi {

TlsDialog::TlsDialog(const QString &certPath, const QString &keyPath, QWidget *parent)
    : QDialog(parent)
    , m_https(new QGroupBox(tr("Serve &HTTPS"), this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("HTTPS"));
    m_https->setCheckable(true);
    m_https->setChecked(!certPath.isEmpty());
    auto *grid = new QGridLayout(m_https);
    m_cert = addFileRow(grid, 0, tr("&Certificate:"), tr("Browse for the certificate"),
        tr("PEM certificates (*.pem *.crt *.cer);;All files (*)"));
    m_key = addFileRow(grid, 1, tr("Private &key:"), tr("Browse for the private key"),
        tr("PEM keys (*.pem *.key);;All files (*)"));
    m_cert->setText(certPath);
    m_key->setText(keyPath);
    auto *hint = new QLabel(tr("OpenIM then needs url: https://... in webhooks.yml and must trust the "
                               "certificate (a self-signed one: add it to OpenIM's CA store)."),
        this);
    hint->setWordWrap(true);
    m_error->setWordWrap(true);
    m_error->setForegroundRole(QPalette::BrightText);
    m_error->setAutoFillBackground(true);
    m_error->setBackgroundRole(QPalette::Highlight);
    m_error->setVisible(false);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &TlsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &TlsDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_https);
    layout->addWidget(hint);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(560, sizeHint().height());
}

QLineEdit *TlsDialog::addFileRow(
    QGridLayout *grid, int row, const QString &label, const QString &browseName, const QString &filter)
{
    auto *edit = new QLineEdit(m_https);
    auto *caption = new QLabel(label, m_https);
    caption->setBuddy(edit);
    auto *browse = new QPushButton(tr("Browse\u2026"), m_https);
    browse->setAccessibleName(browseName);
    connect(browse, &QPushButton::clicked, this, [this, edit, filter] {
        const QString path =
            QFileDialog::getOpenFileName(this, tr("Choose a PEM file"), edit->text(), filter);
        if (!path.isEmpty())
            edit->setText(QDir::toNativeSeparators(path));
    });
    grid->addWidget(caption, row, 0);
    grid->addWidget(edit, row, 1);
    grid->addWidget(browse, row, 2);
    return edit;
}

QString TlsDialog::certPath() const
{
    return m_https->isChecked() ? QDir::fromNativeSeparators(m_cert->text().trimmed()) : QString();
}

QString TlsDialog::keyPath() const
{
    return m_https->isChecked() ? QDir::fromNativeSeparators(m_key->text().trimmed()) : QString();
}

QString TlsDialog::check(const QString &certPath, const QString &keyPath)
{
    if (certPath.isEmpty() != keyPath.isEmpty())
        return tr("HTTPS needs both the certificate and its private key.");
    for (const QString &path : {certPath, keyPath}) {
        if (!path.isEmpty() && !QFileInfo(path).isReadable())
            return tr("Cannot read %1.").arg(QDir::toNativeSeparators(path));
    }
    return {}; // the server says at Start when a file holds no usable certificate or key
}

void TlsDialog::accept()
{
    const QString error = check(certPath(), keyPath());
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
    if (error.isEmpty())
        QDialog::accept();
}

} // namespace cbi
