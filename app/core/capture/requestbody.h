// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <memory>

namespace cbi {

// A request body and, parsed on first use only, its JSON object. Most callbacks need no more
// than two top-level strings (callbackCommand, operationID) and whether the body is JSON at
// all; a one-pass scan answers that, and QJsonDocument (the larger part of the cost of a
// capture when it ran for every request) runs only when rules, templates or the verdict look
// inside. Copies share the parsed object.
class RequestBody
{
public:
    RequestBody();
    explicit RequestBody(const QByteArray &raw);
    RequestBody(const QJsonObject &object); // NOLINT: an already parsed body converts implicitly

    // The body as a JSON object; empty when it is not one.
    const QJsonObject &object() const;
    QJsonValue value(QLatin1StringView key) const { return object().value(key); }
    QJsonValue value(const QString &key) const { return object().value(key); }

    struct Summary
    {
        bool empty = false; // nothing but whitespace
        bool isObject = false;
        QString error; // why it is not a JSON object (empty when it is, or when the body is empty)
        QString callbackCommand;
        QString operationID;
    };
    // What command detection needs, without building the object when the fast scan can tell.
    Summary summary() const;

    // The fast scan alone: true when `raw` is certainly a JSON object that QJsonDocument accepts,
    // with the two top-level strings extracted; false when it cannot tell (then parse).
    static bool scan(const QByteArray &raw, QString *callbackCommand, QString *operationID);

private:
    struct State
    {
        QByteArray raw;
        bool parsed = false;
        QJsonObject object;
        QString error;
    };
    void parse() const;
    std::shared_ptr<State> m_state;
};

} // namespace cbi
