// SPDX-License-Identifier: MIT
#include "jsonpath.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace cbi {

namespace {
struct Step
{
    QString key; // empty for an index step
    int index = -1;
};

bool parse(const QString &path, QList<Step> *steps)
{
    qsizetype i = 0;
    const qsizetype n = path.size();
    if (n == 0)
        return false;
    while (i < n) {
        if (path.at(i) == QLatin1Char('[')) {
            const qsizetype close = path.indexOf(QLatin1Char(']'), i);
            if (close < 0)
                return false;
            bool ok = false;
            const int index = path.mid(i + 1, close - i - 1).toInt(&ok);
            if (!ok || index < 0)
                return false;
            steps->append({QString(), index});
            i = close + 1;
            if (i < n && path.at(i) == QLatin1Char('.'))
                ++i;
            continue;
        }
        qsizetype end = i;
        while (end < n && path.at(end) != QLatin1Char('.') && path.at(end) != QLatin1Char('['))
            ++end;
        if (end == i)
            return false;
        steps->append({path.mid(i, end - i), -1});
        i = end;
        if (i < n && path.at(i) == QLatin1Char('.')) {
            ++i;
            if (i == n)
                return false;
        }
    }
    return true;
}

QJsonValue enter(const QJsonValue &value)
{
    if (value.isString()) {
        const QJsonDocument doc = QJsonDocument::fromJson(value.toString().toUtf8());
        if (doc.isObject())
            return doc.object();
        if (doc.isArray())
            return doc.array();
    }
    return value;
}
} // namespace

bool JsonPath::isValid(const QString &path)
{
    QList<Step> steps;
    return parse(path, &steps);
}

std::optional<QJsonValue> JsonPath::resolve(const QJsonValue &root, const QString &path)
{
    QList<Step> steps;
    if (!parse(path, &steps))
        return std::nullopt;
    QJsonValue current = root;
    for (const Step &step : steps) {
        current = enter(current);
        if (step.index >= 0) {
            if (!current.isArray() || step.index >= current.toArray().size())
                return std::nullopt;
            current = current.toArray().at(step.index);
        } else {
            if (!current.isObject() || !current.toObject().contains(step.key))
                return std::nullopt;
            current = current.toObject().value(step.key);
        }
    }
    return current;
}

} // namespace cbi
