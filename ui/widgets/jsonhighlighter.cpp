// SPDX-License-Identifier: MIT
#include "jsonhighlighter.h"

#include "readablecolor.h"

#include <QGuiApplication>
#include <QPalette>
#include <QRegularExpression>

namespace cbi {

JsonHighlighter::JsonHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
}

void JsonHighlighter::updateColors()
{
    // Hues made readable on the palette in use (light, dark, high contrast); checked per block so
    // a palette changed at run time shows from the next text on.
    const QColor base = QGuiApplication::palette().color(QPalette::Base);
    if (base == m_base)
        return;
    m_base = base;
    m_key.setForeground(ReadableColor::on(QColor(0x29, 0x80, 0xb9), base));
    m_string.setForeground(ReadableColor::on(QColor(0x2e, 0x8b, 0x57), base));
    m_number.setForeground(ReadableColor::on(QColor(0xd3, 0x54, 0x00), base));
    m_keyword.setForeground(ReadableColor::on(QColor(0x8e, 0x44, 0xad), base));
}

void JsonHighlighter::highlightBlock(const QString &text)
{
    updateColors();
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
