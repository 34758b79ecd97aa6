// SPDX-License-Identifier: MIT
#pragma once

#include "rules/expectation.h"

#include <QList>
#include <QString>

namespace cbi {

// A JUnit XML report of a scenario run, the format CI systems display: one test case per
// expectation (and one for the driver command, when there is one). Machine output: never translated.
class JUnitReport
{
public:
    struct Case
    {
        QString name;
        bool passed = false;
        QString detail;
    };

    QString suiteName;
    double seconds = 0;
    QList<Case> cases;

    void add(const Expectation::Result &result) { cases.append({result.name, result.passed, result.detail}); }
    int failures() const;
    QByteArray toXml() const;
    bool save(const QString &path, QString *error) const;
};

} // namespace cbi
