// SPDX-License-Identifier: MIT
#include "capturediff.h"

#include <QJsonDocument>

#include <algorithm>
#include <vector>

namespace cbi {

static QStringList bodyLines(const QByteArray &body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    // QJsonObject keeps its keys sorted: two bodies with the same fields in another order compare equal.
    const QString text =
        doc.isNull() ? QString::fromUtf8(body) : QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
    QStringList out = text.split(QLatin1Char('\n'));
    while (!out.isEmpty() && out.last().isEmpty())
        out.removeLast();
    return out;
}

QStringList CaptureDiff::lines(const CapturedRequest &c)
{
    QStringList out;
    out.append(QStringLiteral("%1 %2%3 %4")
                   .arg(QString::fromLatin1(c.method), c.path,
                       c.query.isEmpty() ? QString() : QLatin1Char('?') + c.query,
                       QString::fromLatin1(c.httpVersion)));
    HeaderList headers = c.headers;
    std::stable_sort(headers.begin(), headers.end(),
        [](const auto &a, const auto &b) { return a.first.compare(b.first, Qt::CaseInsensitive) < 0; });
    for (const auto &h : headers)
        out.append(QString::fromLatin1(h.first) + QStringLiteral(": ") + QString::fromUtf8(h.second));
    out.append(QString());
    out += bodyLines(c.body);
    out.append(QString());
    out.append(
        QStringLiteral("reply: HTTP %1, delay %2 ms%3")
            .arg(c.reply.status)
            .arg(c.reply.delayMs)
            .arg(c.reply.fault == Fault::None ? QString()
                                              : QStringLiteral(", fault ") + faultName(c.reply.fault)));
    out += bodyLines(c.reply.body);
    out.append(QStringLiteral("verdict: %1 %2")
                   .arg(Verdict::outcomeName(c.verdict.outcome))
                   .arg(c.verdict.errCode ? QString::number(c.verdict.errCode) : QString())
                   .trimmed());
    return out;
}

QList<CaptureDiff::Line> CaptureDiff::diff(const QStringList &left, const QStringList &right)
{
    QList<Line> out;
    const qsizetype n = left.size();
    const qsizetype m = right.size();
    constexpr qsizetype limit = 4000;
    if (n > limit || m > limit) {
        if (left == right) {
            for (const auto &l : left)
                out.append({Line::Kind::Same, l});
            return out;
        }
        for (const auto &l : left)
            out.append({Line::Kind::OnlyLeft, l});
        for (const auto &r : right)
            out.append({Line::Kind::OnlyRight, r});
        return out;
    }
    // lcs[i][j]: the longest common subsequence of left[i..] and right[j..].
    std::vector<std::vector<int>> lcs(size_t(n + 1), std::vector<int>(size_t(m + 1), 0));
    for (qsizetype i = n - 1; i >= 0; --i) {
        for (qsizetype j = m - 1; j >= 0; --j) {
            lcs[size_t(i)][size_t(j)] = left.at(i) == right.at(j)
                ? lcs[size_t(i + 1)][size_t(j + 1)] + 1
                : std::max(lcs[size_t(i + 1)][size_t(j)], lcs[size_t(i)][size_t(j + 1)]);
        }
    }
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < n && j < m) {
        if (left.at(i) == right.at(j)) {
            out.append({Line::Kind::Same, left.at(i)});
            ++i;
            ++j;
        } else if (lcs[size_t(i + 1)][size_t(j)] >= lcs[size_t(i)][size_t(j + 1)]) {
            out.append({Line::Kind::OnlyLeft, left.at(i++)});
        } else {
            out.append({Line::Kind::OnlyRight, right.at(j++)});
        }
    }
    while (i < n)
        out.append({Line::Kind::OnlyLeft, left.at(i++)});
    while (j < m)
        out.append({Line::Kind::OnlyRight, right.at(j++)});
    return out;
}

} // namespace cbi
