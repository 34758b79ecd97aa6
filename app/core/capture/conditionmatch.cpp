// SPDX-License-Identifier: MIT
#include "conditionmatch.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace cbi {

namespace {
QString elided(const QString &text)
{
    return text.size() > 40 ? text.left(39) + QChar(0x2026) : text;
}
} // namespace

QString ConditionMatch::phrase(bool translated) const
{
    if (!translated) {
        QString text = source + QLatin1Char(' ') + name + QLatin1Char(' ');
        if (negate)
            text += QStringLiteral("not ");
        text += op;
        if (ignoreCase && op != QLatin1String("exists"))
            text += QStringLiteral(" (any case)");
        if (op != QLatin1String("exists"))
            text += QLatin1Char(' ')
                + QString::fromUtf8(QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact))
                      .mid(1)
                      .chopped(1);
        return text;
    }
    QString subject = name; // a body path is what users think of as "the field"
    if (source == QLatin1String("header"))
        subject = tr("header %1").arg(name);
    else if (source == QLatin1String("query"))
        subject = tr("query %1").arg(name);
    else if (source == QLatin1String("key"))
        subject = tr("key %1").arg(name);
    const QString shown = elided(valueText(value));
    QString text;
    if (op == QLatin1String("equals"))
        text = negate ? tr("%1 is not '%2'") : tr("%1 is '%2'");
    else if (op == QLatin1String("contains"))
        text = negate ? tr("%1 does not contain '%2'") : tr("%1 contains '%2'");
    else if (op == QLatin1String("regex"))
        text = negate ? tr("%1 does not match /%2/") : tr("%1 matches /%2/");
    else if (op == QLatin1String("exists"))
        return negate ? tr("%1 is absent").arg(subject) : tr("%1 is present").arg(subject);
    else if (op == QLatin1String("in"))
        text = negate ? tr("%1 is not one of %2") : tr("%1 is one of %2");
    else if (op == QLatin1String("lt"))
        text = negate ? tr("%1 is not below %2") : tr("%1 is below %2");
    else if (op == QLatin1String("le"))
        text = negate ? tr("%1 is above %2") : tr("%1 is at most %2");
    else if (op == QLatin1String("gt"))
        text = negate ? tr("%1 is not above %2") : tr("%1 is above %2");
    else if (op == QLatin1String("ge"))
        text = negate ? tr("%1 is below %2") : tr("%1 is at least %2");
    else // a keyword this version does not know (a newer file): as written
        return phrase(false);
    text = text.arg(subject, shown);
    return ignoreCase ? tr("%1 (any case)").arg(text) : text;
}

QString ConditionMatch::text(bool held, bool translated) const
{
    const QString what = phrase(translated);
    if (!translated) {
        const QString found = absent ? QStringLiteral("absent") : this->found;
        return held ? QStringLiteral("%1 (matched in: %2)").arg(what, found)
                    : QStringLiteral("%1 (found: %2)").arg(what, found);
    }
    if (absent)
        return tr("%1 (absent from the request)").arg(what);
    if (held && op == QLatin1String("contains") && !negate)
        return tr("%1 (matched in \"%2\")").arg(what, found);
    return tr("%1 (found \"%2\")").arg(what, found);
}

QJsonObject ConditionMatch::toJson() const
{
    QJsonObject o {
        {QStringLiteral("source"), source}, {QStringLiteral("name"), name}, {QStringLiteral("op"), op}};
    if (op != QLatin1String("exists"))
        o.insert(QStringLiteral("value"), value);
    if (negate)
        o.insert(QStringLiteral("not"), true);
    if (ignoreCase)
        o.insert(QStringLiteral("ignoreCase"), true);
    if (absent)
        o.insert(QStringLiteral("absent"), true);
    else
        o.insert(QStringLiteral("found"), found);
    return o;
}

ConditionMatch ConditionMatch::fromJson(const QJsonObject &o)
{
    ConditionMatch m;
    m.source = o.value(QLatin1String("source")).toString();
    m.name = o.value(QLatin1String("name")).toString();
    m.op = o.value(QLatin1String("op")).toString();
    m.value = o.value(QLatin1String("value"));
    if (m.value.isUndefined())
        m.value = QJsonValue();
    m.negate = o.value(QLatin1String("not")).toBool();
    m.ignoreCase = o.value(QLatin1String("ignoreCase")).toBool();
    m.absent = o.value(QLatin1String("absent")).toBool();
    m.found = o.value(QLatin1String("found")).toString();
    return m;
}

QString ConditionMatch::excerpt(const QString &text, qsizetype at, qsizetype length)
{
    constexpr qsizetype around = 25; // characters kept on each side of the match
    constexpr qsizetype whole = 60;
    if (text.size() <= whole)
        return text;
    const qsizetype from = qMax<qsizetype>(0, at - around);
    const qsizetype to = qMin(text.size(), qMax(at + qMin(length, whole) + around, from + whole));
    const QString dots = QStringLiteral("...");
    return (from > 0 ? dots : QString()) + text.mid(from, to - from) + (to < text.size() ? dots : QString());
}

QString ConditionMatch::valueText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    const QByteArray a = QJsonDocument(QJsonArray {v}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(a.mid(1, a.size() - 2));
}

} // namespace cbi
