// SPDX-License-Identifier: MIT
#include "capturefilter.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace cbi {

QStringList CaptureFilter::fieldNames()
{
    return {QStringLiteral("command"), QStringLiteral("verdict"), QStringLiteral("rule"),
        QStringLiteral("sendID"), QStringLiteral("recvID"), QStringLiteral("groupID"),
        QStringLiteral("userID"), QStringLiteral("operationID"), QStringLiteral("status")};
}

// verdict:VALUE takes an outcome name or a prefix of one (verdict:block), or an errCode.
static bool isVerdictValue(const QString &value)
{
    bool number = false;
    value.toInt(&number);
    if (number)
        return true;
    for (auto outcome : {Verdict::Outcome::Continue, Verdict::Outcome::Blocked, Verdict::Outcome::Modified,
             Verdict::Outcome::Failed, Verdict::Outcome::Ignored}) {
        if (Verdict::outcomeName(outcome).startsWith(value, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

CaptureFilter CaptureFilter::parse(const QString &text, QString *error)
{
    CaptureFilter filter;
    QStringList words;
    QString current;
    bool quoted = false;
    bool hadQuote = false;
    for (const QChar ch : text) {
        if (ch == QLatin1Char('"')) {
            quoted = !quoted;
            hadQuote = true;
            continue;
        }
        if (ch.isSpace() && !quoted) {
            if (!current.isEmpty() || hadQuote)
                words.append(current);
            current.clear();
            hadQuote = false;
            continue;
        }
        current += ch;
    }
    if (quoted) {
        if (error)
            *error = QStringLiteral("unclosed quote");
        return {};
    }
    if (!current.isEmpty() || hadQuote)
        words.append(current);

    const QStringList fields = fieldNames();
    for (QString word : std::as_const(words)) {
        Term term;
        if (word.startsWith(QLatin1Char('-')) && word.size() > 1) {
            term.negate = true;
            word.remove(0, 1);
        }
        const qsizetype colon = word.indexOf(QLatin1Char(':'));
        if (colon > 0) {
            const QString field = word.left(colon);
            auto it = std::find_if(fields.begin(), fields.end(),
                [&](const QString &f) { return f.compare(field, Qt::CaseInsensitive) == 0; });
            if (it == fields.end()) {
                if (error)
                    *error = QStringLiteral("unknown field \"%1\" (fields: %2)")
                                 .arg(field, fields.join(QStringLiteral(", ")));
                return {};
            }
            term.field = *it;
            term.value = word.mid(colon + 1);
            if (term.value.isEmpty()) {
                if (error)
                    *error = QStringLiteral("%1: needs a value").arg(term.field);
                return {};
            }
            // A misspelt verdict matched nothing, silently (gui walk F12): say so instead.
            if (term.field == QLatin1String("verdict") && !isVerdictValue(term.value)) {
                if (error)
                    *error = QStringLiteral("verdict: \"%1\" is not a verdict (continue, blocked, modified, "
                                            "failed, ignored, or an errCode)")
                                 .arg(term.value);
                return {};
            }
        } else {
            term.value = word;
        }
        filter.m_terms.append(term);
    }
    if (error)
        error->clear();
    return filter;
}

static bool containsText(const QString &haystack, const QString &needle)
{
    return haystack.contains(needle, Qt::CaseInsensitive);
}

bool CaptureFilter::matches(const CapturedRequest &c) const
{
    if (m_terms.isEmpty())
        return true;
    QJsonObject body;
    bool bodyParsed = false;
    auto bodyField = [&](const QString &name) {
        if (!bodyParsed) {
            body = QJsonDocument::fromJson(c.body).object();
            bodyParsed = true;
        }
        return body.value(name).toString();
    };
    for (const Term &t : m_terms) {
        bool hit = false;
        if (t.field.isEmpty()) {
            hit = containsText(c.path, t.value) || containsText(c.command, t.value)
                || containsText(c.operationID, t.value)
                || QString::fromUtf8(c.body).contains(t.value, Qt::CaseInsensitive);
            for (qsizetype i = 0; !hit && i < c.headers.size(); ++i)
                hit = QString::fromUtf8(c.headers.at(i).second).contains(t.value, Qt::CaseInsensitive);
        } else if (t.field == QLatin1String("command")) {
            hit = containsText(c.command, t.value) || containsText(c.canonicalCommand, t.value);
        } else if (t.field == QLatin1String("verdict")) {
            hit = Verdict::outcomeName(c.verdict.outcome).startsWith(t.value, Qt::CaseInsensitive)
                || (t.value.toInt() != 0 && c.verdict.errCode == t.value.toInt());
        } else if (t.field == QLatin1String("rule")) {
            hit = containsText(c.ruleName, t.value);
        } else if (t.field == QLatin1String("operationID")) {
            hit = containsText(c.operationID, t.value);
        } else if (t.field == QLatin1String("status")) {
            hit = QString::number(c.reply.status) == t.value;
        } else {
            hit = bodyField(t.field).compare(t.value, Qt::CaseInsensitive) == 0;
        }
        if (hit == t.negate)
            return false;
    }
    return true;
}

} // namespace cbi
