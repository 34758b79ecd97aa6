// SPDX-License-Identifier: MIT
#include "scenario.h"

#include "capture/httpsyntax.h"
#include "catalogue/catalogue.h"
#include "jsonpath.h"
#include "scenarioreader.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QUrl>

#include <limits>

namespace cbi {

namespace {

QJsonObject conditionToJson(const Condition &c)
{
    QJsonObject o {{Condition::sourceName(c.source), c.name}, {Condition::opName(c.op), c.value}};
    if (c.negate)
        o.insert(QStringLiteral("not"), true);
    if (c.ignoreCase)
        o.insert(QStringLiteral("ignoreCase"), true);
    return o;
}

} // namespace

std::optional<Scenario> Scenario::fromJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const QByteArray before = json.left(parseError.offset);
        const qsizetype line = before.count('\n') + 1;
        const qsizetype column = parseError.offset - (before.lastIndexOf('\n') + 1) + 1;
        if (error)
            *error =
                QStringLiteral("line %1, column %2: %3").arg(line).arg(column).arg(parseError.errorString());
        return std::nullopt;
    }
    if (!doc.isObject()) {
        if (error)
            *error = QStringLiteral("$: expected a JSON object");
        return std::nullopt;
    }
    ScenarioReader reader;
    Scenario s;
    if (!reader.readScenario(doc.object(), &s)) {
        if (error)
            *error = reader.error;
        return std::nullopt;
    }
    // Expectations are only read by `run`; keep their text so that saving from the GUI keeps them.
    s.expectationsJson = doc.object().value(QLatin1String("expect")).toArray();
    return s;
}

std::optional<Scenario> Scenario::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = file.errorString();
        return std::nullopt;
    }
    return fromJson(file.readAll(), error);
}

QByteArray Scenario::toJson() const
{
    QJsonObject o {{QStringLiteral("scenario"), currentVersion}};
    if (!name.isEmpty())
        o.insert(QStringLiteral("name"), name);
    if (!description.isEmpty())
        o.insert(QStringLiteral("description"), description);
    o.insert(QStringLiteral("profile"), profileName(profile));
    o.insert(QStringLiteral("failedContinue"), failedContinue);
    QJsonObject t {{QStringLiteral("default"), defaultTimeoutSeconds}};
    for (auto it = timeouts.begin(); it != timeouts.end(); ++it)
        t.insert(it.key(), it.value());
    o.insert(QStringLiteral("timeouts"), t);
    QJsonArray rulesArray;
    for (const Rule &rule : rules) {
        QJsonObject r {{QStringLiteral("name"), rule.name}, {QStringLiteral("command"), rule.command}};
        if (!rule.enabled)
            r.insert(QStringLiteral("enabled"), false);
        if (!rule.matchAll)
            r.insert(QStringLiteral("match"), QStringLiteral("any"));
        if (!rule.conditions.isEmpty()) {
            QJsonArray when;
            for (const auto &c : rule.conditions)
                when.append(conditionToJson(c));
            r.insert(QStringLiteral("when"), when);
        }
        if (rule.responses.size() == 1) {
            r.insert(QStringLiteral("respond"), rule.responses.first().toJson());
        } else {
            QJsonArray respond;
            for (const auto &response : rule.responses)
                respond.append(response.toJson());
            r.insert(QStringLiteral("respond"), respond);
        }
        if (rule.then == Rule::Then::Cycle)
            r.insert(QStringLiteral("then"), QStringLiteral("cycle"));
        rulesArray.append(r);
    }
    o.insert(QStringLiteral("rules"), rulesArray);
    if (!expectationsJson.isEmpty())
        o.insert(QStringLiteral("expect"), expectationsJson);
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

bool Scenario::save(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(toJson()) < 0 || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace cbi
