// SPDX-License-Identifier: MIT
#include "jsonhighlighter.h"

#include <QRegularExpression>

namespace cbi {

JsonHighlighter::JsonHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    // Mid-tone colours that read on light and dark palettes alike.
    m_key.setForeground(QColor(0x29, 0x80, 0xb9));
    m_string.setForeground(QColor(0x2e, 0x8b, 0x57));
    m_number.setForeground(QColor(0xd3, 0x54, 0x00));
    m_keyword.setForeground(QColor(0x8e, 0x44, 0xad));
}

void JsonHighlighter::highlightBlock(const QString &text)
{
    static const QRegularExpression strings(QStringLiteral(R"("(?:[^"\\]|\\.)*"(\s*:)?)"));
    static const QRegularExpression numbers(QStringLiteral(R"((?<![\w."])-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)"));
    static const QRegularExpression keywords(QStringLiteral(R"(\b(?:true|false|null)\b)"));
    for (auto it = numbers.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        setFormat(int(m.capturedStart()), int(m.capturedLength()), m_number);
    }
    for (auto it = keywords.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        setFormat(int(m.capturedStart()), int(m.capturedLength()), m_keyword);
    }
    for (auto it = strings.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const bool isKey = !m.captured(1).isEmpty();
        const int length = int(m.capturedLength() - m.captured(1).size());
        setFormat(int(m.capturedStart()), length, isKey ? m_key : m_string);
    }
}

} // namespace cbi
