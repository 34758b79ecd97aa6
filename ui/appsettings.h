// SPDX-License-Identifier: MIT
#pragma once

#include "server/serverconfig.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace cbi {

// Everything the window remembers between runs, typed, over QSettings: the one place that knows the
// keys and their defaults (tests isolate it with QStandardPaths::setTestModeEnabled).
class AppSettings
{
public:
    static QString language(); // "" follows the system
    static void setLanguage(const QString &code);
    static QString appearance(); // a theme name; "" is the system's
    static void setAppearance(const QString &name);

    // Where the window listened last time (what the toolbar showed).
    static void applyServer(ServerConfig *config);
    static void setServer(const ServerConfig &config);

    static QByteArray windowGeometry();
    static QByteArray windowState();
    static QByteArray captureSplitter();
    static QByteArray captureHeader();
    static void setWindowLayout(const QByteArray &geometry, const QByteArray &state);
    static void setCaptureLayout(const QByteArray &splitter, const QByteArray &header);

    // Simulate and Replay: the business server, and how its certificate is checked.
    static QString businessServerUrl();
    static void setBusinessServerUrl(const QString &url);
    static bool verifyCertificate();
    static QString caCertificate();
    static void setCertificateCheck(bool verify, const QString &caCertificate);

    static QStringList recentSessions(); // newest first
    static void addRecentSession(const QString &path);
    static QString lastScenario();
    static void setLastScenario(const QString &path);
    static QString exportFolder();
    static void setExportFolder(const QString &folder);
};

} // namespace cbi
