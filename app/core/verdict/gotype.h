// SPDX-License-Identifier: MIT
#pragma once

#include "catalogue/catalogue.h"

#include <QHash>
#include <QStringList>

#include <memory>

namespace cbi {

struct GoType;

struct GoField
{
    QString name; // the json tag
    QByteArray key; // the same, for exact matching
    QByteArray folded; // foldKey(key)
    std::shared_ptr<const GoType> type;
};

// A Go type as encoding/json sees it: the kinds OpenIM's reply structs use.
struct GoType
{
    enum class Kind
    {
        Bool,
        Int32,
        Int64,
        Uint8,
        String,
        Bytes, // []byte: base64 text or an array of numbers
        Ptr,
        Slice,
        Map, // map[string]elem
        Struct,
        WrapString, // OpenIM's wrapperspb.StringValue: UnmarshalJSON = json.Unmarshal into a string
        WrapInt32, // wrapperspb.Int32Value: UnmarshalJSON = strconv.ParseInt(raw, 10, 32)
    };
    Kind kind = Kind::Bool;
    QString name; // reflect's Type.String(): "int32", "[]*sdkws.UserInfo"
    std::shared_ptr<const GoType> elem;
    QList<GoField> fields;
};

// Builds GoTypes from the catalogue's Go type expressions ("*int32", "[]*sdkws.UserInfo",
// "*map[string]bool", "*wrapperspb.Int32Value") and its named structs.
class GoTypeParser
{
public:
    explicit GoTypeParser(const QHash<QString, QList<FieldSpec>> &structs)
        : m_structs(structs)
    {
    }

    // Null, and errorString() says why, when a type is unknown.
    std::shared_ptr<const GoType> structType(const QString &name, const QList<FieldSpec> &fields);
    std::shared_ptr<const GoType> parse(const QString &expr);
    QString errorString() const { return m_error; }

private:
    const QHash<QString, QList<FieldSpec>> &m_structs;
    QString m_error;
    QStringList m_open; // structs being built: a recursive struct is not supported
};

} // namespace cbi
