// SPDX-License-Identifier: MIT
#include "orderedjson.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace cbi {

namespace {
// A string token as sent (with its quotes) decoded: what a Go client put in it.
QString decodeString(const QByteArray &token)
{
    const QJsonDocument doc = QJsonDocument::fromJson('[' + token + ']');
    return doc.array().at(0).toString();
}
} // namespace

QString OrderedJson::indented(const QByteArray &json, const QString &decodedLabel)
{
    QJsonParseError error;
    const QJsonDocument check = QJsonDocument::fromJson(json, &error);
    if (check.isNull())
        return QString::fromUtf8(json);
    QByteArray out;
    out.reserve(json.size() * 2);
    int depth = 0;
    QByteArray note; // the decoded text of the line's string, written before the line ends
    const auto newline = [&] {
        out += note;
        note.clear();
        out += '\n';
        out += QByteArray(depth * 4, ' ');
    };
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json.at(i);
        if (c == '"') {
            qsizetype end = i + 1;
            while (end < json.size() && json.at(end) != '"')
                end += json.at(end) == '\\' ? 2 : 1;
            const QByteArray token = json.mid(i, end - i + 1);
            out += token;
            i = end;
            // A value (after ':') that holds a JSON object or array: shown decoded on its line.
            if (!decodedLabel.isEmpty() && out.size() > token.size()
                && out.at(out.size() - token.size() - 2) == ':') {
                const QString inner = decodeString(token);
                const QJsonDocument innerDoc = QJsonDocument::fromJson(inner.toUtf8());
                if (!innerDoc.isNull())
                    note = "    // " + decodedLabel.toUtf8() + ' ' + inner.toUtf8();
            }
            continue;
        }
        switch (c) {
        case '{':
        case '[': {
            qsizetype next = i + 1;
            while (next < json.size() && QChar::isSpace(uchar(json.at(next))))
                ++next;
            if (next < json.size() && (json.at(next) == '}' || json.at(next) == ']')) {
                out += c;
                out += json.at(next);
                i = next;
                break;
            }
            out += c;
            ++depth;
            newline();
            break;
        }
        case '}':
        case ']':
            --depth;
            newline();
            out += c;
            break;
        case ',':
            out += c;
            newline();
            break;
        case ':':
            out += ": ";
            break;
        case ' ':
        case '\t':
        case '\n':
        case '\r':
            break;
        default:
            out += c;
        }
    }
    out += note;
    return QString::fromUtf8(out);
}

} // namespace cbi
