// SPDX-License-Identifier: MIT
#pragma once

#include "server/serverconfig.h"

#include <QToolBar>

class QLineEdit;
class QSpinBox;

namespace cbi {

class ServerHost;

// Where OpenIM should post: address, port, base path, HTTP or HTTPS (certificate and key), Start
// and Stop, and Copy URL for webhooks.yml. The fields show the running server's settings and are
// locked while it listens.
class ServerToolBar : public QToolBar
{
    Q_OBJECT
public:
    explicit ServerToolBar(ServerHost *host, QWidget *parent = nullptr);

    // Starts (or restarts) the server with config; stateChanged says how it went.
    bool startServer(const ServerConfig &config);
    // Shows the server as it runs (a window that replaces another).
    void adoptServer();
    QAction *startStopAction() const { return m_startStop; }
    // Start or Stop, and the fields locked while the server listens, as it is now.
    void refresh();
    QList<QWidget *> tabOrder() const;
    void saveSettings() const;

Q_SIGNALS:
    // url: the base URL to paste into webhooks.yml (empty: not listening); error: why not.
    void stateChanged(const QString &url, const QString &error);

private:
    void showFields(const ServerConfig &config);
    void updateHttpsAction();

    ServerHost *m_host;
    QLineEdit *m_address;
    QSpinBox *m_port;
    QLineEdit *m_basePath;
    QAction *m_https;
    QAction *m_startStop;
    QString m_tlsCert; // HTTPS at the next Start when set (with the key)
    QString m_tlsKey;
};

} // namespace cbi
