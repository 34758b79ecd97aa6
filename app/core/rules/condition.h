// SPDX-License-Identifier: MIT
#pragma once

#include "boundedregex.h"
#include "capture/conditionmatch.h"
#include "capture/requestbody.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace cbi {

struct CapturedRequest;

// One test on a request: a body JSON path, a header, a query parameter or the decoded ?key=,
// compared with an operator. Pure.
struct Condition
{
    enum class Source
    {
        Body,
        Header,
        Query,
        Key
    };
    enum class Op
    {
        Equals,
        Contains,
        Regex,
        Exists,
        In,
        Lt,
        Le,
        Gt,
        Ge
    };

    Source source = Source::Body;
    QString name; // JSON path, header name or parameter name
    Op op = Op::Equals;
    QJsonValue value;
    bool negate = false;
    bool ignoreCase = false; // text comparisons (equals, contains, in, regex) ignore letter case
    BoundedRegex regex; // compiled from value for Op::Regex

    // tested (optional) gets the condition and the text it was tested on (around the match for
    // contains), held or not; gaveUp (optional) is set when a regex ran out of its budget on this
    // request (then the condition does not hold).
    bool matches(const CapturedRequest &request, const RequestBody &body, ConditionMatch *tested = nullptr,
        bool *gaveUp = nullptr) const;
    // The condition as a capture records it (keywords and value), without what it held on.
    ConditionMatch record() const;
    QString describe() const; // "body content contains \"bad\"": the keywords, for reports

    static QString sourceName(Source source);
    static QString opName(Op op);
    static bool opFromName(const QString &name, Op *op);
    static bool sourceFromName(const QString &name, Source *source);
};

} // namespace cbi
