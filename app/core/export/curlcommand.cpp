// SPDX-License-Identifier: MIT
#include "curlcommand.h"

#include <QStringList>

#include <cstdio>

namespace cbi {

namespace {
// Characters a terminal or an editor may act on or hide (C0/C1 controls, bidi overrides, tag
// characters, line separators): never shown raw in a command someone will read before running it.
// Whole code points, so that those beyond the BMP are seen too.
bool unsafeChar(char32_t ch)
{
    switch (QChar::category(ch)) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
        return true;
    default:
        return false;
    }
}

// True when the bytes may stand between single quotes as they are: valid UTF-8 (so the command is
// text) with no unsafe characters; a body may keep its line breaks and tabs (pretty-printed JSON).
bool quotable(const QByteArray &bytes, bool body)
{
    const QString text = QString::fromUtf8(bytes);
    if (text.toUtf8() != bytes)
        return false;
    for (const uint ch : text.toUcs4()) {
        if (body && (ch == U'\n' || ch == U'\t'))
            continue;
        if (unsafeChar(ch))
            return false;
    }
    return true;
}

QString singleQuoted(const QString &text)
{
    QString out = text;
    out.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + out + QLatin1Char('\'');
}

// A printf format, in single quotes, that prints exactly `bytes`: printable ASCII stays, % and \ are
// doubled, everything else (and the quote) is a three-digit octal escape, which dash and bash share.
QString printfArgument(const QByteArray &bytes)
{
    QByteArray out;
    out.reserve(bytes.size() * 2 + 2);
    out += '\'';
    char octal[5];
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const uchar b = uchar(bytes.at(i));
        // A leading '-' would be read as an option of printf.
        if (b >= 0x20 && b < 0x7f && b != '\'' && b != '\\' && b != '%' && !(i == 0 && b == '-')) {
            out += char(b);
        } else if (b == '%' || b == '\\') {
            out += char(b);
            out += char(b);
        } else {
            std::snprintf(octal, sizeof octal, "\\%03o", unsigned(b));
            out += octal;
        }
    }
    out += '\'';
    return QString::fromLatin1(out);
}

// Builds the words of one command line; arguments that are not quotable text are computed first
// into shell variables. Command substitution strips trailing newlines, so printf appends an "x"
// that ${var%x} takes off again.
class Words
{
public:
    void add(const QString &word) { m_words.append(word); }
    void addArgument(const QByteArray &bytes)
    {
        if (quotable(bytes, false)) {
            m_words.append(singleQuoted(QString::fromUtf8(bytes)));
            return;
        }
        const QString var = QStringLiteral("cbi_arg%1").arg(m_prelude.size() + 1);
        m_prelude.append(var + QStringLiteral("=$(printf ") + printfArgument(bytes + 'x') + QLatin1Char(')'));
        m_words.append(QStringLiteral("\"${") + var + QStringLiteral("%x}\""));
    }
    QString line(const QString &stdinFormat) const
    {
        QStringList statements = m_prelude;
        QString command = m_words.join(QLatin1Char(' '));
        if (!stdinFormat.isEmpty())
            command = QStringLiteral("printf ") + stdinFormat + QStringLiteral(" | ") + command;
        statements.append(command);
        return statements.join(QStringLiteral("; "));
    }

private:
    QStringList m_prelude;
    QStringList m_words;
};
} // namespace

QString CurlCommand::commentText(const QString &text)
{
    QList<uint> points = text.toUcs4();
    for (uint &ch : points) {
        if (unsafeChar(ch))
            ch = U'?';
    }
    return QString::fromUcs4(reinterpret_cast<const char32_t *>(points.constData()), points.size());
}

QByteArray CurlCommand::urlBytes(const QString &text)
{
    for (QChar ch : text) {
        if (ch.unicode() > 0xff)
            return text.toUtf8();
    }
    return text.toLatin1();
}

QString CurlCommand::forCapture(const CapturedRequest &c, const QString &baseUrl, const QString &caCertPath)
{
    QString base = baseUrl;
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    QByteArray url = base.toUtf8() + urlBytes(c.path);
    if (!c.query.isEmpty())
        url += '?' + urlBytes(c.query);
    const auto refuse = [&c](const QString &why) {
        return QStringLiteral("# capture %1 cannot be replayed with curl: %2").arg(c.id).arg(why);
    };
    // Answered 400/413/431 without being read whole: replaying it would send another request.
    if (c.rejection != Rejection::None)
        return refuse(QStringLiteral("the inspector refused it (%1) and did not keep it whole")
                          .arg(rejectionName(c.rejection)));
    // No shell argument can hold a NUL byte.
    if (c.method.contains('\0'))
        return refuse(QStringLiteral("its method contains a NUL byte"));
    if (url.contains('\0'))
        return refuse(QStringLiteral("its URL contains a NUL byte"));

    Words words;
    // --globoff: [] and {} in a captured path are not curl's URL ranges.
    words.add(QStringLiteral("curl --globoff"));
    if (!caCertPath.isEmpty() && url.startsWith("https:")) {
        words.add(QStringLiteral("--cacert"));
        words.addArgument(caCertPath.toUtf8());
    }
    if (!c.method.isEmpty()) {
        words.add(QStringLiteral("-X"));
        words.addArgument(c.method);
    }
    words.addArgument(url);
    for (const auto &h : c.headers) {
        // curl computes these itself; replaying them verbatim would lie about the new request.
        // Names starting with ':' are HTTP/2 pseudo-headers from a browser's HAR.
        if (h.first.compare("host", Qt::CaseInsensitive) == 0
            || h.first.compare("content-length", Qt::CaseInsensitive) == 0
            || h.first.compare("transfer-encoding", Qt::CaseInsensitive) == 0
            || h.first.compare("expect", Qt::CaseInsensitive) == 0 || h.first.startsWith(':'))
            continue;
        if (h.first.contains('\0') || h.second.contains('\0'))
            return refuse(QStringLiteral("a header contains a NUL byte"));
        // curl reads "-H @file" from a file.
        if (h.first.isEmpty() || h.first.startsWith('@'))
            return refuse(QStringLiteral("a header name is empty or starts with @"));
        words.add(QStringLiteral("-H"));
        // "Name:" with nothing after it would make curl remove the header; "Name;" sends it empty.
        words.addArgument(
            h.second.isEmpty() ? QByteArray(h.first + ';') : QByteArray(h.first + ": " + h.second));
    }
    if (c.body.isEmpty())
        return words.line({});
    // "--data-binary @x" reads the file x: a body starting with @ goes through stdin, as does any body
    // that is not quotable text (NUL bytes cannot be arguments at all).
    if (!c.body.startsWith('@') && quotable(c.body, true)) {
        words.add(QStringLiteral("--data-binary"));
        words.add(singleQuoted(QString::fromUtf8(c.body)));
        return words.line({});
    }
    words.add(QStringLiteral("--data-binary @-"));
    return words.line(printfArgument(c.body));
}

} // namespace cbi
