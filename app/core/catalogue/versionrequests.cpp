// SPDX-License-Identifier: MIT
#include "versionrequests.h"

#include "catalogue.h"

#include <QJsonArray>

namespace cbi {

VersionRequests::VersionRequests(const Catalogue &catalogue)
    : m_catalogue(catalogue)
{
}

bool VersionRequests::describes(const QString &version) const
{
    return m_catalogue.versions().contains(version);
}

QString VersionRequests::nameIn(const CommandSpec &spec, const QString &version) const
{
    if (!describes(version))
        return spec.command;
    if (!spec.sentByNewest || !spec.in.contains(version) || spec.unsentIn.contains(version))
        return {};
    const LegacyName *legacy = m_catalogue.legacyFor(spec.command, version);
    return legacy ? legacy->name : spec.command;
}

QList<QJsonObject> VersionRequests::requestsIn(
    const CommandSpec &spec, const QString &version, QJsonObject request) const
{
    const QString name = nameIn(spec, version);
    if (name.isEmpty())
        return {};
    if (!describes(version))
        return {request};
    request.insert(QStringLiteral("callbackCommand"), name);
    const LegacyName *legacy = m_catalogue.legacyFor(spec.command, version);
    if (legacy && !legacy->perItemOf.isEmpty()) {
        // One call per entry of the list, with the entry's fields at the top level (v3.7's member join).
        const QJsonArray items = request.take(legacy->perItemOf).toArray();
        QList<QJsonObject> out;
        for (const auto &item : items) {
            QJsonObject call;
            for (const FieldSpec &f : legacy->requestFields) {
                const QJsonObject entry = item.toObject();
                const QJsonValue value = entry.contains(f.name) ? entry.value(f.name) : request.value(f.name);
                if (!value.isUndefined())
                    call.insert(f.name, value);
            }
            out.append(call);
        }
        return out;
    }
    for (const FieldSpec &f : spec.requestFields) {
        if (!f.in.isEmpty() && !f.in.contains(version)) {
            request.remove(f.name);
            continue;
        }
        if (!f.in.isEmpty() && !request.contains(f.name) && !f.sample.isUndefined())
            request.insert(f.name, f.sample);
        if (f.emptyIn.contains(version) && request.contains(f.name))
            request.insert(f.name, QString());
    }
    return {request};
}

QStringList VersionRequests::misfits(
    const QString &command, const QJsonObject &body, const QString &version) const
{
    const CommandSpec *spec = m_catalogue.find(m_catalogue.canonicalName(command));
    if (!spec || !describes(version))
        return {};
    if (nameIn(*spec, version) != command)
        return {command};
    if (m_catalogue.legacyFor(spec->command, version))
        return {}; // an older request of its own: no field of it changed between versions
    QStringList out;
    for (const FieldSpec &f : spec->requestFields) {
        const bool present = body.contains(f.name);
        if (!f.in.isEmpty() && present != f.in.contains(version)) {
            out.append(f.name); // sent by other versions only, or missing where it is always sent
            continue;
        }
        const QJsonValue value = body.value(f.name);
        if (!value.isString())
            continue;
        const bool empty = value.toString().isEmpty();
        if ((empty && f.filledIn.contains(version)) || (!empty && f.emptyIn.contains(version)))
            out.append(f.name);
    }
    return out;
}

QStringList VersionRequests::versionsFitting(const QString &command, const QJsonObject &body) const
{
    QStringList out;
    for (const QString &version : m_catalogue.versions()) {
        if (misfits(command, body, version).isEmpty())
            out.append(version);
    }
    return out;
}

static bool hasVersionedFields(const CommandSpec &spec)
{
    for (const FieldSpec &f : spec.requestFields) {
        if (!f.in.isEmpty() || !f.emptyIn.isEmpty() || !f.filledIn.isEmpty())
            return true;
    }
    return false;
}

void VersionRequests::check(CapturedRequest &c, const RequestBody &request, const QString &version) const
{
    const CommandSpec *spec = m_catalogue.find(c.canonicalCommand);
    if (!spec || !describes(version))
        return;
    if (nameIn(*spec, version) == c.command && !hasVersionedFields(*spec))
        return; // most callbacks: nothing to tell apart, so no need to parse the body
    const QJsonObject &body = request.object();
    const QStringList misfit = misfits(c.command, body, version);
    if (misfit.isEmpty())
        return;
    const bool wholeCommand = misfit == QStringList {c.command};
    const LegacyName *legacy = m_catalogue.findLegacy(c.command);
    if (wholeCommand && legacy && !describes(legacy->versions))
        return; // a name from before v3.7: the legacy-name warning already says whose it is
    const QStringList fitting = versionsFitting(c.command, body);
    if (wholeCommand && spec->branchIn.contains(version)) {
        // Perhaps a build of the branch, not a release: say so rather than suggest another profile.
        c.warnings.append({QStringLiteral("version-branch-only"),
            {version, c.command, fitting.join(QStringLiteral(", "))}});
        return;
    }
    const char *code = wholeCommand ? (fitting.isEmpty() ? "version-never-sends" : "version-command")
                                    : (fitting.isEmpty() ? "version-fields-none" : "version-fields");
    c.warnings.append({QString::fromLatin1(code),
        {version, wholeCommand ? c.command : misfit.join(QStringLiteral(", ")),
            fitting.join(QStringLiteral(", "))}});
}

} // namespace cbi
