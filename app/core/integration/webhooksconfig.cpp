// SPDX-License-Identifier: MIT
#include "webhooksconfig.h"

#include "catalogue/catalogue.h"
#include "webhooksversioncheck.h"

#include <QFile>
#include <QSet>

#include <vector>
#include <yaml-cpp/yaml.h>

namespace cbi {

namespace {
CaptureWarning mistake(const char *code, QStringList args = {})
{
    return CaptureWarning {QString::fromLatin1(code), std::move(args)};
}

QString text(const YAML::Node &node)
{
    return node && node.IsScalar() ? QString::fromStdString(node.Scalar()) : QString();
}

// A YAML list of scalars as written; a lone scalar counts as a list of one, as Go's weak decoding
// into a slice takes it.
QStringList scalars(const YAML::Node &node)
{
    QStringList out;
    if (node && node.IsSequence()) {
        for (const auto &item : node) {
            if (item.IsScalar())
                out.append(QString::fromStdString(item.Scalar()));
        }
    } else if (node && node.IsScalar() && !node.Scalar().empty()) {
        out.append(QString::fromStdString(node.Scalar()));
    }
    return out;
}

// The command a config key stands for, in any layout: "beforeSendSingleMsg" (configKey),
// "msgModify" (v3.0 - v3.6: callbackMsgModifyCommand), "callbackbeforeSendSingleMsg" (v2).
QString commandForKey(QString key)
{
    const Catalogue &catalogue = Catalogue::instance();
    if (key.startsWith(QLatin1String("callback"), Qt::CaseInsensitive) && key.size() > 8) {
        key = key.mid(8);
        key[0] = key.at(0).toLower();
    }
    for (const auto &spec : catalogue.commands()) {
        if (spec.configKey.compare(key, Qt::CaseInsensitive) == 0)
            return spec.command;
    }
    QString guess = QStringLiteral("callback") + key + QStringLiteral("Command");
    guess[8] = guess.at(8).toUpper();
    return catalogue.canonicalName(guess);
}
} // namespace

static std::optional<WebhooksConfig> parseDocument(const QByteArray &yaml, QString *error);

std::optional<WebhooksConfig> WebhooksConfig::parse(const QByteArray &yaml, QString *error)
{
    // yaml-cpp reports through exceptions; none may escape into Qt's event loop.
    try {
        return parseDocument(yaml, error);
    } catch (const YAML::Exception &e) {
        if (error)
            *error = QStringLiteral("line %1, column %2: %3")
                         .arg(e.mark.line + 1)
                         .arg(e.mark.column + 1)
                         .arg(QString::fromStdString(e.msg));
    } catch (const std::exception &e) {
        if (error)
            *error = QString::fromLocal8Bit(e.what());
    }
    return std::nullopt;
}

// YAML merge keys (<<: *defaults), as Go's YAML decoder applies them to OpenIM's config: the map's
// own keys win, then the merged maps in order. yaml-cpp reads "<<" as a plain key.
static YAML::Node withMerges(const YAML::Node &map, int depth = 0)
{
    if (!map.IsMap() || !map["<<"] || depth > 8)
        return map;
    YAML::Node out(YAML::NodeType::Map);
    for (auto it = map.begin(); it != map.end(); ++it) {
        if (it->first.IsScalar() && it->first.Scalar() != "<<")
            out[it->first.Scalar()] = it->second;
    }
    const YAML::Node merge = map["<<"];
    std::vector<YAML::Node> sources;
    if (merge.IsMap())
        sources.push_back(merge);
    else if (merge.IsSequence())
        for (const auto &m : merge)
            sources.push_back(m);
    for (const YAML::Node &source : sources) {
        const YAML::Node merged = withMerges(source, depth + 1);
        if (!merged.IsMap())
            continue;
        for (auto it = merged.begin(); it != merged.end(); ++it) {
            if (it->first.IsScalar() && !out[it->first.Scalar()])
                out[it->first.Scalar()] = it->second;
        }
    }
    return out;
}

static std::optional<WebhooksConfig> parseDocument(const QByteArray &yaml, QString *error)
{
    using Layout = WebhooksConfig::Layout;
    using Entry = WebhooksConfig::Entry;
    YAML::Node root;
    try {
        root = YAML::Load(yaml.toStdString());
    } catch (const YAML::Exception &e) {
        if (error)
            *error = QStringLiteral("line %1, column %2: %3")
                         .arg(e.mark.line + 1)
                         .arg(e.mark.column + 1)
                         .arg(QString::fromStdString(e.msg));
        return std::nullopt;
    }
    if (!root.IsMap()) {
        if (error)
            *error = QStringLiteral("not a YAML mapping: expected url: and one section per callback");
        return std::nullopt;
    }
    WebhooksConfig config;
    YAML::Node section = withMerges(root);
    if (section["callback"] && section["callback"].IsMap()) {
        // config.yaml of v2 - v3.6: everything under callback:.
        section = withMerges(section["callback"]);
        config.layout = Layout::Legacy;
    }
    config.url = text(section["url"]);
    if (config.url.isEmpty())
        config.url = text(section["callbackUrl"]);
    if (config.url.isEmpty()) {
        if (error)
            *error = QStringLiteral("no url: OpenIM would not know where to send callbacks");
        return std::nullopt;
    }
    bool stringTypes = false;
    for (auto it = section.begin(); it != section.end(); ++it) {
        if (!it->first.IsScalar())
            continue; // a complex key (? [a, b]) is no config key (found by the fuzzer: as<> threw)
        const QString key = QString::fromStdString(it->first.Scalar());
        if (key == QLatin1String("url") || key == QLatin1String("callbackUrl") || key == QLatin1String("<<")
            || !it->second.IsMap())
            continue;
        const YAML::Node node = withMerges(it->second);
        Entry e;
        e.key = key;
        e.command = commandForKey(key);
        // afterGroupMsgRevoke is in OpenIM's config struct, but no code sends it.
        if (e.command.isEmpty() && key != QLatin1String("afterGroupMsgRevoke"))
            config.mistakes.append(mistake("webhooks-unknown-key", {key}));
        const QString enable = text(node["enable"]);
        e.enable = enable == QLatin1String("true");
        QString timeout = text(node["timeout"]);
        if (timeout.isEmpty())
            timeout = text(node["callbackTimeOut"]);
        if (!timeout.isEmpty()) {
            bool ok = false;
            e.timeout = timeout.toInt(&ok);
            if (!ok || e.timeout < 0)
                config.mistakes.append(mistake("webhooks-bad-timeout", {key, timeout}));
            else if (e.timeout > 15)
                config.mistakes.append(mistake("webhooks-timeout-capped", {key, timeout}));
        }
        QString failedContinue = text(node["failedContinue"]);
        if (failedContinue.isEmpty())
            failedContinue = text(node["callbackFailedContinue"]);
        e.hasFailedContinue = !failedContinue.isEmpty();
        e.failedContinue = failedContinue != QLatin1String("false");
        for (const char *list : {"allowedTypes", "deniedTypes"}) {
            const YAML::Node types = node[list];
            if (types && types.IsSequence()) {
                for (const auto &t : types) {
                    if (t.IsScalar() && !QString::fromStdString(t.Scalar()).toInt())
                        stringTypes = true; // "200-500" ranges: v3.7 - v3.8.3
                }
            }
            if (QLatin1String(list) == QLatin1String("allowedTypes") && types)
                stringTypes = true; // allowedTypes is gone from the newest layout
        }
        e.allowedTypes = scalars(node["allowedTypes"]);
        e.deniedTypes = scalars(node["deniedTypes"]);
        e.attentionIds = scalars(node["attentionIds"]);
        config.entries.append(e);
    }
    if (config.layout != Layout::Legacy && stringTypes)
        config.layout = Layout::V37;
    if (config.url.endsWith(QLatin1Char('/')))
        config.mistakes.append(mistake("webhooks-url-slash", {config.url}));
    if (config.url.contains(QLatin1Char('?')))
        config.mistakes.append(mistake("webhooks-url-query", {config.url}));
    if (config.layout != Layout::Legacy) {
        QStringList keys;
        for (const auto &e : std::as_const(config.entries)) {
            if (e.hasFailedContinue && !e.failedContinue)
                keys.append(e.key);
        }
        if (!keys.isEmpty())
            config.mistakes.append(
                mistake("webhooks-failed-continue-ignored", {keys.join(QStringLiteral(", "))}));
    }
    return config;
}

std::optional<WebhooksConfig> WebhooksConfig::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    // OpenIM's file is a few kB; a 100 MB one once took 47 s and 6.7 GB to read.
    constexpr qint64 maxBytes = 4 * 1024 * 1024;
    if (file.size() > maxBytes) {
        if (error)
            *error = QStringLiteral("%1: %2 bytes; a webhooks.yml of more than 4 MiB is not read")
                         .arg(path)
                         .arg(file.size());
        return std::nullopt;
    }
    auto config = parse(file.read(maxBytes + 1), error);
    if (!config && error)
        *error = path + QStringLiteral(": ") + *error;
    return config;
}

QStringList WebhooksConfig::enabledCommands() const
{
    QStringList out;
    for (const auto &e : entries) {
        if (e.enable && !e.command.isEmpty())
            out.append(e.command);
    }
    return out;
}

const WebhooksConfig::Entry *WebhooksConfig::entryFor(const QString &command) const
{
    for (const auto &e : entries) {
        if (e.command == command)
            return &e;
    }
    return nullptr;
}

void WebhooksConfig::applyTo(Scenario *scenario) const
{
    for (const auto &e : entries) {
        if (!e.command.isEmpty() && e.timeout >= 0)
            scenario->timeouts.insert(e.command, e.timeout);
        if (layout == Layout::Legacy && e.hasFailedContinue && !e.failedContinue)
            scenario->failedContinue = false; // one flag per scenario: the strictest wins
    }
}

WebhooksConfig::Drift WebhooksConfig::compare(const QList<CapturedRequest> &captures) const
{
    QSet<QString> seen;
    for (const auto &c : captures)
        seen.insert(c.canonicalCommand.isEmpty() ? c.command : c.canonicalCommand);
    Drift drift;
    QSet<QString> enabled;
    for (const auto &e : entries) {
        if (e.command.isEmpty())
            continue;
        if (e.enable) {
            enabled.insert(e.command);
            if (!seen.contains(e.command))
                drift.enabledButSilent.append(e.command);
        }
    }
    for (const auto &command : std::as_const(seen)) {
        if (!command.isEmpty() && !enabled.contains(command) && Catalogue::instance().find(command))
            drift.arrivedButDisabled.append(command);
    }
    drift.arrivedButDisabled.sort();
    return drift;
}

QByteArray WebhooksConfig::generate(
    const QString &url, const QStringList &commands, int timeoutSeconds, bool environment, Profile profile)
{
    QList<const CommandSpec *> specs;
    for (const auto &spec : Catalogue::instance().commands()) {
        if (WebhooksVersionCheck::hasKey(spec, profile))
            specs.append(&spec);
    }
    QByteArray out;
    if (environment) {
        out += "IMENV_WEBHOOKS_URL=" + url.toUtf8() + '\n';
        for (const CommandSpec *spec : std::as_const(specs)) {
            const QByteArray key = spec->configKey.toUpper().toUtf8();
            out += "IMENV_WEBHOOKS_" + key
                + "_ENABLE=" + (commands.contains(spec->command) ? "true" : "false") + '\n';
            if (commands.contains(spec->command))
                out += "IMENV_WEBHOOKS_" + key + "_TIMEOUT=" + QByteArray::number(timeoutSeconds) + '\n';
        }
        return out;
    }
    out += "# webhooks.yml for OpenIM " + profileRange(profile).toUtf8()
        + " written by OpenIM Callback Inspector: every enabled callback goes to the inspector.\n";
    out += "url: " + url.toUtf8() + "\n";
    // No failedContinue: v3.7 and later read it but no code uses it (OpenIM issue #3808), so writing it
    // would only suggest a fallback that does not exist.
    for (const CommandSpec *spec : std::as_const(specs)) {
        out += spec->configKey.toUtf8()
            + ":\n  enable: " + (commands.contains(spec->command) ? "true" : "false")
            + "\n  timeout: " + QByteArray::number(timeoutSeconds) + '\n';
    }
    return out;
}

} // namespace cbi
