// SPDX-License-Identifier: MIT
#include "gotype.h"

#include "godecoder.h"

namespace cbi {

using Kind = GoType::Kind;
using TypePtr = std::shared_ptr<const GoType>;

namespace {

TypePtr make(Kind kind, const QString &name, TypePtr elem = {})
{
    auto t = std::make_shared<GoType>();
    t->kind = kind;
    t->name = name;
    t->elem = std::move(elem);
    return t;
}

// The catalogue's Go-flavoured type as a Go type, for fields without goType.
QString goTypeOf(const FieldSpec &f)
{
    if (!f.goType.isEmpty())
        return f.goType;
    QString t = f.type;
    const bool nullable = t.endsWith(QLatin1String("|null"));
    t.remove(QLatin1String("|null"));
    if (t == QLatin1String("string[]"))
        t = QStringLiteral("[]string");
    else if (t == QLatin1String("object<string,bool>"))
        t = QStringLiteral("map[string]bool");
    else if (t == QLatin1String("base64 string"))
        t = QStringLiteral("[]byte");
    return nullable ? QLatin1Char('*') + t : t;
}

} // namespace

TypePtr GoTypeParser::structType(const QString &name, const QList<FieldSpec> &fields)
{
    if (m_open.contains(name)) {
        m_error = QStringLiteral("recursive Go struct %1").arg(name);
        return {};
    }
    m_open.append(name);
    auto t = std::make_shared<GoType>();
    t->kind = Kind::Struct;
    t->name = name;
    for (const auto &f : fields) {
        const TypePtr ft = parse(goTypeOf(f));
        if (!ft)
            return {};
        t->fields.append({f.name, f.name.toUtf8(), GoDecoder::foldKey(f.name.toUtf8()), ft});
    }
    m_open.removeLast();
    return t;
}

TypePtr GoTypeParser::parse(const QString &expr)
{
    if (expr.startsWith(QLatin1Char('*'))) {
        const TypePtr elem = parse(expr.mid(1));
        return elem ? make(Kind::Ptr, expr, elem) : nullptr;
    }
    if (expr == QLatin1String("[]byte") || expr == QLatin1String("[]uint8"))
        return make(Kind::Bytes, QStringLiteral("[]uint8"), make(Kind::Uint8, QStringLiteral("uint8")));
    if (expr.startsWith(QLatin1String("[]"))) {
        const TypePtr elem = parse(expr.mid(2));
        return elem ? make(Kind::Slice, expr, elem) : nullptr;
    }
    if (expr.startsWith(QLatin1String("map[string]"))) {
        const TypePtr elem = parse(expr.mid(11));
        return elem ? make(Kind::Map, expr, elem) : nullptr;
    }
    static const QHash<QString, Kind> basic = {{QStringLiteral("bool"), Kind::Bool},
        {QStringLiteral("int32"), Kind::Int32}, {QStringLiteral("int64"), Kind::Int64},
        {QStringLiteral("uint8"), Kind::Uint8}, {QStringLiteral("string"), Kind::String},
        {QStringLiteral("wrapperspb.StringValue"), Kind::WrapString},
        {QStringLiteral("wrapperspb.Int32Value"), Kind::WrapInt32}};
    if (const auto it = basic.constFind(expr); it != basic.constEnd())
        return make(*it, expr);
    if (const auto it = m_structs.constFind(expr); it != m_structs.constEnd())
        return structType(expr, *it);
    m_error = QStringLiteral("unknown Go type %1").arg(expr);
    return {};
}

} // namespace cbi
