// SPDX-License-Identifier: MIT
#include "capturefilter.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace cbi {

QStringList CaptureFilter::fieldNames()
{
    return {QStringLiteral("command"), QStringLiteral("verdict"), QStringLiteral("rule"),
        QStringLiteral("sendID"), QStringLiteral("recvID"), QStringLiteral("groupID"),
        QStringLiteral("userID"), QStringLiteral("operationID"), QStringLiteral("clientMsgID"),
        QStringLiteral("content"), QStringLiteral("status"), QStringLiteral("delay"), QStringLiteral("has")};
}

// A number of milliseconds, "1000" or "1000ms".
static bool parseMs(QString text, int *ms)
{
    if (text.endsWith(QLatin1String("ms"), Qt::CaseInsensitive))
        text.chop(2);
    bool ok = false;
    *ms = text.toInt(&ok);
    return ok && *ms >= 0;
}

// verdict:VALUE takes an outcome name or a prefix of one (verdict:block), or an errCode.
static bool isVerdictValue(const QString &value)
{
    bool number = false;
    value.toInt(&number);
    if (number)
        return true;
    for (Verdict::Outcome outcome : Verdict::outcomes()) {
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
        // delay>MS, delay<MS (and delay:>MS, as people type it too).
        static const QRegularExpression delayCompare(
            QStringLiteral("^delay:?([<>])(.*)$"), QRegularExpression::CaseInsensitiveOption);
        if (const auto m = delayCompare.match(word); m.hasMatch()) {
            term.field = QStringLiteral("delay");
            term.compare = m.captured(1).at(0).toLatin1();
            term.value = m.captured(2);
            if (!parseMs(term.value, &term.number)) {
                if (error)
                    *error = QStringLiteral("delay%1: \"%2\" is not a number of milliseconds")
                                 .arg(m.captured(1), term.value);
                return {};
            }
            filter.m_terms.append(term);
            continue;
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
                                            "failed, ignored, notCallback, or an errCode)")
                                 .arg(term.value);
                return {};
            }
            if ((term.field == QLatin1String("delay") && !parseMs(term.value, &term.number))
                || (term.field == QLatin1String("status") && !parseMs(term.value, &term.number))) {
                if (error)
                    *error = QStringLiteral("%1: \"%2\" is not a number").arg(term.field, term.value);
                return {};
            }
            if (term.field == QLatin1String("has")
                && term.value.compare(QLatin1String("warning"), Qt::CaseInsensitive)
                && term.value.compare(QLatin1String("warnings"), Qt::CaseInsensitive)) {
                if (error)
                    *error = QStringLiteral("has: \"%1\" is not known (has:warning)").arg(term.value);
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

QString CaptureFilter::contentText(const QJsonObject &body)
{
    const QString content = body.value(QLatin1String("content")).toString();
    // Text messages carry their element as JSON: {"content":"hi"}.
    if (content.startsWith(QLatin1Char('{'))) {
        const QJsonValue inner =
            QJsonDocument::fromJson(content.toUtf8()).object().value(QLatin1String("content"));
        if (inner.isString())
            return inner.toString();
    }
    return content;
}

bool CaptureFilter::matches(const CapturedRequest &c) const
{
    if (m_terms.isEmpty())
        return true;
    QJsonObject body;
    bool bodyParsed = false;
    auto parsedBody = [&]() -> const QJsonObject & {
        if (!bodyParsed) {
            body = QJsonDocument::fromJson(c.body).object();
            bodyParsed = true;
        }
        return body;
    };
    auto bodyField = [&](const QString &name) { return parsedBody().value(name).toString(); };
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
            hit = c.reply.status == t.number;
        } else if (t.field == QLatin1String("clientMsgID")) {
            hit = containsText(bodyField(t.field), t.value);
        } else if (t.field == QLatin1String("content")) {
            hit = containsText(contentText(parsedBody()), t.value);
        } else if (t.field == QLatin1String("delay")) {
            const int delay = c.reply.delayMs;
            hit = t.compare == '<' ? delay < t.number
                : t.compare == '>' ? delay > t.number
                                   : delay == t.number;
        } else if (t.field == QLatin1String("has")) {
            hit = warningCount(c) > 0;
        } else {
            hit = bodyField(t.field).compare(t.value, Qt::CaseInsensitive) == 0;
        }
        if (hit == t.negate)
            return false;
    }
    return true;
}

} // namespace cbi
