// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

namespace cbi {

struct FieldSpec
{
    QString name;
    QString type; // Go-flavoured: string, int32, int64, bool, string[], object, ... ("|null" when nullable)
    bool honoured = false; // response fields only: OpenIM reads it back
    // Response fields of before-callbacks: the exact Go type OpenIM decodes it into ("*int32",
    // "[]*sdkws.UserInfo", "*wrapperspb.StringValue"; named structs are in Catalogue::goStructs()).
    QString goType;
    // Request fields only, by version (profile names, see Catalogue::versions()); empty: no difference.
    QStringList in; // the versions that send the field at all
    QStringList emptyIn; // the versions that always send it as ""
    QStringList filledIn; // the versions that never send it as ""
    QJsonValue sample; // a field the newest request lacks: its value where it is sent
};

struct CommandSpec
{
    enum class Phase
    {
        Before,
        After
    };

    QString command;
    QString configKey; // key in webhooks.yml
    Phase phase = Phase::After;
    QString service; // the OpenIM process that sends it
    QString since;
    bool sentByNewest = true; // false: defined but never sent (afterUserKickOff)
    bool hasKeyQuery = false; // carries ?key=base64(JSON) on newest servers
    QStringList in; // the versions that define it (under the legacy name of that version, if one)
    QStringList unsentIn; // versions that define it but never send it (v3.8.0's online callbacks)
    QStringList branchIn; // versions whose releases never send it but later branch builds do (D14)
    QList<FieldSpec> requestFields;
    QList<FieldSpec> responseFields;
    QString responseStruct; // the Go struct of the reply ("callbackstruct.CallbackBeforePushResp")
    QJsonObject sampleRequest;

    bool isBefore() const { return phase == Phase::Before; }
    QStringList honouredResponseFields() const;
};

struct LegacyName
{
    QString name;
    QString current; // empty: no current equivalent
    QString versions; // "v2", "v3.0", "v3.4.2-v3.6", "v3.7", "docs"
    // Empty, or the reply this version read when it differed from the current command's (v3.7's flat
    // member join): the verdict for a profile of that name judges the reply by these.
    QList<FieldSpec> responseFields;
    QString responseStruct; // with responseFields: the Go struct of that reply
    // Empty, or the request this version sent when it differed (v3.7's member join): its fields, and
    // perItemOf, the list of the current request that it sent one call per entry of.
    QList<FieldSpec> requestFields;
    QString perItemOf;
};

// The OpenIM callback catalogue: every command OpenIM Server sends (52 on the newest servers)
// and the names older versions or the documentation used. Built from the project resource
// :/catalogue/openim-catalogue.json, written from OpenIM Server's source.
class Catalogue
{
public:
    // The shared instance, loaded once from the resource (immutable afterwards, so thread-safe).
    static const Catalogue &instance();
    // For tests and tools: parse a catalogue document; errorString() says what was wrong.
    static Catalogue fromJson(const QByteArray &json, QString *errorString = nullptr);

    const QList<CommandSpec> &commands() const { return m_commands; }
    const QList<LegacyName> &legacyNames() const { return m_legacy; }
    // The named Go structs reply fields refer to ("sdkws.UserInfo"), each field with its goType.
    const QHash<QString, QList<FieldSpec>> &goStructs() const { return m_goStructs; }
    const CommandSpec *find(const QString &command) const; // current names only
    const LegacyName *findLegacy(const QString &name) const;
    // The legacy name `versions` used for the current command `current`, if any.
    const LegacyName *legacyFor(const QString &current, const QString &versions) const;
    // The current name for a current or legacy name; empty when unknown.
    QString canonicalName(const QString &name) const;
    bool looksLikeCommand(const QString &name) const;

    // The OpenIM versions (profile names) whose requests the catalogue describes, oldest first; the
    // commands' and fields' `in` lists name them. Older versions are taken to send the newest requests.
    const QStringList &versions() const { return m_versions; }

    int defaultTimeoutSeconds() const { return m_defaultTimeout; }
    int maxTimeoutSeconds() const { return m_maxTimeout; }

private:
    QList<CommandSpec> m_commands;
    QList<LegacyName> m_legacy;
    QHash<QString, qsizetype> m_byName;
    QHash<QString, qsizetype> m_legacyByName;
    QHash<QString, QList<FieldSpec>> m_goStructs;
    QStringList m_versions;
    int m_defaultTimeout = 5;
    int m_maxTimeout = 15;
};

} // namespace cbi
