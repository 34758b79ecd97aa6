// SPDX-License-Identifier: MIT
#pragma once

#include "capture/capturedrequest.h"
#include "capture/requestbody.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace cbi {

class Catalogue;
struct CommandSpec;

// What each OpenIM version the catalogue describes sends (versions.md D1, D4-D7): whether it sends a
// command at all, under which name, and with which request fields. Versions are profile names
// ("v3.7" ... "main"), so the catalogue needs nothing from the verdict layer; a version the catalogue
// does not describe (v3.6 and older) sends the newest requests and fits every request. Pure.
class VersionRequests
{
public:
    explicit VersionRequests(const Catalogue &catalogue);

    bool describes(const QString &version) const;
    // The name `version` sends the command under, or empty when that version never sends it.
    QString nameIn(const CommandSpec &spec, const QString &version) const;
    // The requests `version` sends where the newest server sends `request` (the catalogue's sample,
    // say): its fields added, dropped or emptied, and one call per member for v3.7's member join.
    // Empty when the version never sends the command.
    QList<QJsonObject> requestsIn(const CommandSpec &spec, const QString &version, QJsonObject request) const;

    // Why a request sent as `command` is not one `version` sends: {} when it fits, the command name
    // when the version never sends it so, else the fields that differ.
    QStringList misfits(const QString &command, const QJsonObject &body, const QString &version) const;
    // The described versions the request fits, oldest first.
    QStringList versionsFitting(const QString &command, const QJsonObject &body) const;
    // Adds a warning naming the likely version when `version` never sends such a request. Parses the
    // body only when it has to: for a command sent as named whose fields never changed, it does not.
    void check(CapturedRequest &capture, const RequestBody &body, const QString &version) const;

private:
    const Catalogue &m_catalogue;
};

} // namespace cbi
