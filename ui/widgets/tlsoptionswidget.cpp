// SPDX-License-Identifier: MIT
#include "tlsoptionswidget.h"

#include "appsettings.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>

namespace cbi {

TlsOptionsWidget::TlsOptionsWidget(QWidget *parent)
    : QWidget(parent)
    , m_verify(new QCheckBox(tr("&Verify the certificate (https://), as OpenIM does"), this))
    , m_caCert(new QLineEdit(this))
{
    m_verify->setChecked(savedVerify());
    m_verify->setToolTip(
        tr("OpenIM checks the business server's certificate against the system's CAs and "
           "the host name; a certificate it would refuse fails here too (90004). Turn off to "
           "try a server whose certificate OpenIM would not accept yet."));
    m_caCert->setText(savedCaCertPath());
    m_caCert->setPlaceholderText(tr("Also trust this CA (PEM), e.g. a self-signed certificate"));
    m_caCert->setAccessibleName(tr("CA certificate file"));
    auto *browse = new QPushButton(tr("&Browse..."), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("CA Certificate"), m_caCert->text(),
            tr("PEM certificates (*.pem *.crt);;All files (*)"));
        if (!path.isEmpty())
            m_caCert->setText(path);
    });
    connect(m_verify, &QCheckBox::toggled, m_caCert, &QWidget::setEnabled);
    connect(m_verify, &QCheckBox::toggled, browse, &QWidget::setEnabled);
    m_caCert->setEnabled(m_verify->isChecked());
    browse->setEnabled(m_verify->isChecked());
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_verify);
    layout->addWidget(m_caCert, 1);
    layout->addWidget(browse);
}

bool TlsOptionsWidget::verify() const
{
    return m_verify->isChecked();
}

QString TlsOptionsWidget::caCertPath() const
{
    return m_caCert->text().trimmed();
}

void TlsOptionsWidget::setVerify(bool on)
{
    m_verify->setChecked(on);
}

void TlsOptionsWidget::setCaCertPath(const QString &path)
{
    m_caCert->setText(path);
}

bool TlsOptionsWidget::savedVerify()
{
    return AppSettings::verifyCertificate();
}

QString TlsOptionsWidget::savedCaCertPath()
{
    return AppSettings::caCertificate();
}

void TlsOptionsWidget::save() const
{
    AppSettings::setCertificateCheck(verify(), caCertPath());
}

} // namespace cbi
