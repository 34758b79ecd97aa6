// SPDX-License-Identifier: MIT
#include "servertoolbar.h"

#include "appsettings.h"
#include "dialogs/tlsdialog.h"
#include "server/serverhost.h"
#include "themeicon.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

namespace cbi {

ServerToolBar::ServerToolBar(ServerHost *host, QWidget *parent)
    : QToolBar(tr("Server"), parent)
    , m_host(host)
    , m_address(new QLineEdit(this))
    , m_port(new QSpinBox(this))
    , m_basePath(new QLineEdit(this))
{
    setObjectName(QStringLiteral("serverToolBar"));
    m_address->setText(QStringLiteral("127.0.0.1"));
    // Wide enough for a whole address and path at any scale (gui walk F19: ".0.0.1", "ample").
    m_address->setMinimumWidth(
        m_address->fontMetrics().horizontalAdvance(QStringLiteral("000.000.000.000")) + 16);
    m_address->setMaximumWidth(m_address->minimumWidth() + 20);
    m_address->setAccessibleName(tr("Listen address"));
    m_address->setToolTip(tr("127.0.0.1 for this machine only; 0.0.0.0 to accept OpenIM from other hosts"));
    m_port->setRange(0, 65535);
    m_port->setValue(10006);
    m_port->setAccessibleName(tr("Port"));
    m_basePath->setText(QStringLiteral("/callbackExample"));
    m_basePath->setMinimumWidth(
        m_basePath->fontMetrics().horizontalAdvance(QStringLiteral("/callbackExample")) + 16);
    m_basePath->setMaximumWidth(m_basePath->minimumWidth() + 60);
    m_basePath->setAccessibleName(tr("Base path"));
    addWidget(new QLabel(tr(" Listen "), this));
    addWidget(m_address);
    addWidget(new QLabel(tr(" : "), this));
    addWidget(m_port);
    addWidget(new QLabel(tr(" Path "), this));
    addWidget(m_basePath);
    m_https = addAction(QString(), this, [this] {
        TlsDialog dialog(m_tlsCert, m_tlsKey, this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        m_tlsCert = dialog.certPath();
        m_tlsKey = dialog.keyPath();
        updateHttpsAction();
    });
    m_https->setObjectName(QStringLiteral("httpsAction"));
    updateHttpsAction();

    setToolButtonStyle(Qt::ToolButtonTextBesideIcon); // icons help; the words say what each does
    m_startStop = addAction(ThemeIcon::get("media-playback-start"), tr("&Start Server"));
    m_startStop->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(m_startStop, &QAction::triggered, this, [this] {
        if (m_host->isListening()) {
            m_host->stop();
            refresh();
            Q_EMIT stateChanged({}, {});
            return;
        }
        ServerConfig config = m_host->config();
        QHostAddress address;
        if (!address.setAddress(m_address->text().trimmed())) {
            Q_EMIT stateChanged(
                {}, tr("\"%1\" is not an IP address (e.g. 127.0.0.1 or 0.0.0.0).").arg(m_address->text()));
            return;
        }
        config.address = address;
        config.port = quint16(m_port->value());
        config.basePath = m_basePath->text().trimmed();
        config.tlsCertPath = m_tlsCert;
        config.tlsKeyPath = m_tlsKey;
        startServer(config);
    });
    auto *copyUrl = addAction(ThemeIcon::get("edit-copy"), tr("Copy URL"), this, [this] {
        if (!m_host->webhookUrl().isEmpty())
            QApplication::clipboard()->setText(m_host->webhookUrl());
    });
    copyUrl->setToolTip(tr("Copy the url for OpenIM's webhooks.yml"));
    refresh();
}

bool ServerToolBar::startServer(const ServerConfig &config)
{
    showFields(config);
    QString error;
    if (!m_host->start(config, &error)) {
        refresh();
        Q_EMIT stateChanged({},
            tr("Cannot listen on %1 port %2: %3. Another program (or another inspector) may be using the "
               "port: choose another port and press Start.")
                .arg(config.address.toString())
                .arg(config.port)
                .arg(error));
        return false;
    }
    showFields(m_host->config()); // the port picked when asked for port 0
    refresh();
    Q_EMIT stateChanged(m_host->webhookUrl(), {});
    return true;
}

void ServerToolBar::adoptServer()
{
    showFields(m_host->config());
    refresh();
    if (m_host->isListening())
        Q_EMIT stateChanged(m_host->webhookUrl(), {});
}

QList<QWidget *> ServerToolBar::tabOrder() const
{
    return {m_address, m_port, m_basePath};
}

void ServerToolBar::saveSettings() const
{
    ServerConfig config;
    config.address = QHostAddress(m_address->text());
    config.port = quint16(m_port->value());
    config.basePath = m_basePath->text();
    config.tlsCertPath = m_tlsCert;
    config.tlsKeyPath = m_tlsKey;
    AppSettings::setServer(config);
}

void ServerToolBar::showFields(const ServerConfig &config)
{
    m_address->setText(config.address.toString());
    m_port->setValue(config.port);
    m_basePath->setText(config.basePath);
    m_tlsCert = config.tlsCertPath;
    m_tlsKey = config.tlsKeyPath;
    updateHttpsAction();
}

void ServerToolBar::updateHttpsAction()
{
    // The button shows the scheme the next Start serves; the tooltip which files make it HTTPS.
    m_https->setText(m_tlsCert.isEmpty() ? tr("HTTP") : tr("HTTPS"));
    m_https->setIcon(ThemeIcon::get(m_tlsCert.isEmpty() ? "security-low" : "security-high"));
    m_https->setToolTip(m_tlsCert.isEmpty()
            ? tr("Plain HTTP. Click to serve HTTPS with a certificate and key")
            : tr("HTTPS with %1 and %2. Click to change")
                  .arg(QDir::toNativeSeparators(m_tlsCert), QDir::toNativeSeparators(m_tlsKey)));
}

void ServerToolBar::refresh()
{
    const bool listening = m_host->isListening();
    m_startStop->setText(listening ? tr("&Stop Server") : tr("&Start Server"));
    m_startStop->setIcon(ThemeIcon::get(listening ? "media-playback-stop" : "media-playback-start"));
    m_address->setEnabled(!listening);
    m_port->setEnabled(!listening);
    m_basePath->setEnabled(!listening);
    m_https->setEnabled(!listening);
}

} // namespace cbi
