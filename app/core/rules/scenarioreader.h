// SPDX-License-Identifier: MIT
#pragma once

#include "scenario.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace cbi {

// Reads a scenario document with a path to every value, so each error names where it is
// ("$.rules[0].when[1].regex: ..."). Everything is checked; nothing unknown is accepted.
class ScenarioReader
{
public:
    QString error; // the first error, with its path

    bool readScenario(const QJsonObject &o, Scenario *s);

private:
    bool fail(const QString &path, const QString &message);
    bool onlyKeys(const QJsonObject &o, const QString &path, const QStringList &allowed);
    bool readInt(const QJsonObject &o, const QString &key, const QString &path, int *out, int min, int max);
    bool readString(const QJsonObject &o, const QString &key, const QString &path, QString *out);
    bool readDelay(const QJsonValue &value, const QString &path, DelaySpec *d);
    bool readForward(const QJsonValue &value, const QString &parent, ResponseSpec *r);
    bool readResponse(const QJsonValue &value, const QString &path, ResponseSpec *r);
    bool readCondition(const QJsonValue &value, const QString &path, Condition *c);
    bool readMatch(const QJsonValue &value, const QString &path, CaptureMatch *m);
    bool readExpectation(const QJsonValue &value, const QString &path, Expectation *e);
    bool readRule(const QJsonValue &value, const QString &path, Rule *rule);
};

} // namespace cbi
