// SPDX-License-Identifier: MIT
#include "appsettings.h"

#include <QDir>
#include <QSettings>

namespace cbi {

namespace {

QVariant read(const char *key, const QVariant &fallback = {})
{
    return QSettings().value(QLatin1String(key), fallback);
}

void write(const char *key, const QVariant &value)
{
    QSettings().setValue(QLatin1String(key), value);
}

} // namespace

QString AppSettings::language()
{
    return read("ui/language").toString();
}

void AppSettings::setLanguage(const QString &code)
{
    write("ui/language", code);
}

QString AppSettings::appearance()
{
    return read("ui/appearance").toString();
}

void AppSettings::setAppearance(const QString &name)
{
    write("ui/appearance", name);
}

void AppSettings::applyServer(ServerConfig *config)
{
    QHostAddress address;
    if (address.setAddress(read("server/address").toString()))
        config->address = address;
    config->port = quint16(read("server/port", config->port).toUInt());
    config->basePath = read("server/basePath", config->basePath).toString();
    config->tlsCertPath = read("server/tlsCert").toString();
    config->tlsKeyPath = read("server/tlsKey").toString();
}

void AppSettings::setServer(const ServerConfig &config)
{
    write("server/address", config.address.toString());
    write("server/port", config.port);
    write("server/basePath", config.basePath);
    write("server/tlsCert", config.tlsCertPath);
    write("server/tlsKey", config.tlsKeyPath);
}

QByteArray AppSettings::windowGeometry()
{
    return read("window/geometry").toByteArray();
}

QByteArray AppSettings::windowState()
{
    return read("window/state").toByteArray();
}

QByteArray AppSettings::captureSplitter()
{
    return read("window/splitter").toByteArray();
}

QByteArray AppSettings::captureHeader()
{
    // A key of its own since the warnings and clientMsgID columns: an older state has fewer columns.
    return read("window/captureHeader").toByteArray();
}

void AppSettings::setWindowLayout(const QByteArray &geometry, const QByteArray &state)
{
    write("window/geometry", geometry);
    write("window/state", state);
}

void AppSettings::setCaptureLayout(const QByteArray &splitter, const QByteArray &header)
{
    write("window/splitter", splitter);
    write("window/captureHeader", header);
}

QString AppSettings::businessServerUrl()
{
    return read("replay/url", QStringLiteral("http://127.0.0.1:8080/callbackExample")).toString();
}

void AppSettings::setBusinessServerUrl(const QString &url)
{
    write("replay/url", url);
}

bool AppSettings::verifyCertificate()
{
    return read("client/verifyCertificate", true).toBool();
}

QString AppSettings::caCertificate()
{
    return read("client/caCertificate").toString();
}

void AppSettings::setCertificateCheck(bool verify, const QString &caCertificate)
{
    write("client/verifyCertificate", verify);
    write("client/caCertificate", caCertificate);
}

QStringList AppSettings::recentSessions()
{
    return read("session/recent").toStringList();
}

void AppSettings::addRecentSession(const QString &path)
{
    // The most recent first, eight at most.
    QStringList recent = recentSessions();
    recent.removeAll(path);
    recent.prepend(path);
    write("session/recent", recent.mid(0, 8));
}

QString AppSettings::lastScenario()
{
    return read("scenario/last").toString();
}

void AppSettings::setLastScenario(const QString &path)
{
    write("scenario/last", path);
}

QString AppSettings::exportFolder()
{
    return read("export/folder", QDir::homePath()).toString();
}

void AppSettings::setExportFolder(const QString &folder)
{
    write("export/folder", folder);
}

} // namespace cbi
