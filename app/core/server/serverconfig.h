// SPDX-License-Identifier: MIT
#pragma once

#include <QHostAddress>
#include <QString>
#include <QStringList>

namespace cbi {

struct ServerConfig
{
    QHostAddress address = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 10006; // OpenIM's sample webhooks.yml points at 127.0.0.1:10006
    QString basePath = QStringLiteral("/callbackExample");
    qint64 maxBodyBytes = 16 * 1024 * 1024;
    qsizetype maxHeaderBytes = 64 * 1024;
    int idleTimeoutMs = 60 * 1000; // paused while a reply is pending
    int listenBacklog =
        4096; // Qt's default of 50 costs bursts a 1 s SYN retransmit (the kernel caps it at somaxconn)
    QString controlToken; // for /__inspector/: required when set; generated at start beyond loopback
    QStringList allowedHosts; // Host names the control API accepts besides localhost and IP literals
    // HTTPS: PEM certificate (chain) and private key files; both empty: plain HTTP.
    QString tlsCertPath;
    QString tlsKeyPath;

    // Forward mode's calls to an https:// business server: checked as OpenIM checks them, plus this CA.
    QString forwardCaCertPath;
    bool forwardVerify = true;

    bool tls() const { return !tlsCertPath.isEmpty(); }
    QString scheme() const { return tls() ? QStringLiteral("https") : QStringLiteral("http"); }
};

} // namespace cbi
