// SPDX-License-Identifier: MIT
#include "catalogue.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

static void initCatalogueResource()
{
    // The resource lives in a static library: make sure its initializer is linked in.
    Q_INIT_RESOURCE(catalogue);
}

namespace cbi {

QStringList CommandSpec::honouredResponseFields() const
{
    QStringList out;
    for (const auto &f : responseFields) {
        if (f.honoured)
            out.append(f.name);
    }
    return out;
}

static QStringList readStrings(const QJsonValue &array)
{
    QStringList out;
    for (const auto &v : array.toArray())
        out.append(v.toString());
    return out;
}

static QList<FieldSpec> readFields(const QJsonArray &array)
{
    QList<FieldSpec> out;
    out.reserve(array.size());
    for (const auto &v : array) {
        const QJsonObject o = v.toObject();
        out.append({o.value(QLatin1String("name")).toString(), o.value(QLatin1String("type")).toString(),
            o.value(QLatin1String("honoured")).toBool(), o.value(QLatin1String("go")).toString(),
            readStrings(o.value(QLatin1String("in"))), readStrings(o.value(QLatin1String("emptyIn"))),
            readStrings(o.value(QLatin1String("filledIn"))), o.value(QLatin1String("sample"))});
    }
    return out;
}

Catalogue Catalogue::fromJson(const QByteArray &json, QString *errorString)
{
    Catalogue c;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (!doc.isObject()) {
        if (errorString)
            *errorString = error.errorString();
        return c;
    }
    const QJsonObject root = doc.object();
    if (root.value(QLatin1String("schema")).toInt() != 1) {
        if (errorString)
            *errorString = QStringLiteral("unsupported catalogue schema");
        return c;
    }
    c.m_defaultTimeout = root.value(QLatin1String("defaultTimeoutSeconds")).toInt(5);
    c.m_maxTimeout = root.value(QLatin1String("maxTimeoutSeconds")).toInt(15);
    c.m_versions = readStrings(root.value(QLatin1String("versions")));
    const QJsonArray commands = root.value(QLatin1String("commands")).toArray();
    for (const auto &v : commands) {
        const QJsonObject o = v.toObject();
        CommandSpec spec;
        spec.command = o.value(QLatin1String("command")).toString();
        spec.configKey = o.value(QLatin1String("configKey")).toString();
        spec.phase = o.value(QLatin1String("phase")).toString() == QLatin1String("before")
            ? CommandSpec::Phase::Before
            : CommandSpec::Phase::After;
        spec.service = o.value(QLatin1String("service")).toString();
        spec.since = o.value(QLatin1String("since")).toString();
        spec.sentByNewest = o.value(QLatin1String("sent")).toBool(true);
        spec.hasKeyQuery = o.value(QLatin1String("keyQuery")).toBool();
        spec.in = readStrings(o.value(QLatin1String("in")));
        spec.unsentIn = readStrings(o.value(QLatin1String("unsentIn")));
        spec.branchIn = readStrings(o.value(QLatin1String("branchIn")));
        spec.requestFields = readFields(o.value(QLatin1String("request")).toArray());
        spec.responseFields = readFields(o.value(QLatin1String("response")).toArray());
        spec.responseStruct = o.value(QLatin1String("responseStruct")).toString();
        spec.sampleRequest = o.value(QLatin1String("sample")).toObject();
        c.m_byName.insert(spec.command, c.m_commands.size());
        c.m_commands.append(spec);
    }
    const QJsonArray legacy = root.value(QLatin1String("legacy")).toArray();
    for (const auto &v : legacy) {
        const QJsonObject o = v.toObject();
        LegacyName l {o.value(QLatin1String("name")).toString(), o.value(QLatin1String("current")).toString(),
            o.value(QLatin1String("versions")).toString(),
            readFields(o.value(QLatin1String("response")).toArray()),
            o.value(QLatin1String("responseStruct")).toString(),
            readFields(o.value(QLatin1String("request")).toArray()),
            o.value(QLatin1String("perItemOf")).toString()};
        c.m_legacyByName.insert(l.name, c.m_legacy.size());
        c.m_legacy.append(l);
    }
    const QJsonObject structs = root.value(QLatin1String("goStructs")).toObject();
    for (auto it = structs.begin(); it != structs.end(); ++it)
        c.m_goStructs.insert(it.key(), readFields(it.value().toArray()));
    return c;
}

const Catalogue &Catalogue::instance()
{
    static const Catalogue catalogue = [] {
        initCatalogueResource();
        QFile file(QStringLiteral(":/catalogue/openim-catalogue.json"));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("the OpenIM catalogue resource is missing from this build");
        QString error;
        Catalogue c = fromJson(file.readAll(), &error);
        if (c.commands().isEmpty())
            qFatal("the OpenIM catalogue resource is broken: %s", qPrintable(error));
        return c;
    }();
    return catalogue;
}

const CommandSpec *Catalogue::find(const QString &command) const
{
    const auto it = m_byName.constFind(command);
    return it == m_byName.constEnd() ? nullptr : &m_commands.at(*it);
}

const LegacyName *Catalogue::findLegacy(const QString &name) const
{
    const auto it = m_legacyByName.constFind(name);
    return it == m_legacyByName.constEnd() ? nullptr : &m_legacy.at(*it);
}

const LegacyName *Catalogue::legacyFor(const QString &current, const QString &versions) const
{
    for (const auto &l : m_legacy) {
        if (l.current == current && l.versions == versions)
            return &l;
    }
    return nullptr;
}

QString Catalogue::canonicalName(const QString &name) const
{
    if (find(name))
        return name;
    if (const LegacyName *l = findLegacy(name))
        return l->current;
    return {};
}

bool Catalogue::looksLikeCommand(const QString &name) const
{
    // Current and legacy names, or anything shaped like one (callbackXxxCommand).
    return find(name) || findLegacy(name)
        || (name.size() > 15 && name.startsWith(QLatin1String("callback"), Qt::CaseInsensitive)
            && name.endsWith(QLatin1String("Command")));
}

} // namespace cbi
