// SPDX-License-Identifier: MIT
#include "curlcommand.h"

namespace cbi {

QString CurlCommand::shellQuote(const QString &text)
{
    QString out = text;
    out.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + out + QLatin1Char('\'');
}

QString CurlCommand::forCapture(const CapturedRequest &c, const QString &baseUrl, const QString &caCertPath)
{
    QString base = baseUrl;
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    QString url = base + c.path;
    if (!c.query.isEmpty())
        url += QLatin1Char('?') + c.query;
    QStringList parts {
        QStringLiteral("curl"), QStringLiteral("-X"), QString::fromLatin1(c.method), shellQuote(url)};
    if (!caCertPath.isEmpty() && url.startsWith(QLatin1String("https:")))
        parts.insert(1, QStringLiteral("--cacert ") + shellQuote(caCertPath));
    for (const auto &h : c.headers) {
        // curl computes these itself; replaying them verbatim would lie about the new request.
        if (h.first.compare("host", Qt::CaseInsensitive) == 0
            || h.first.compare("content-length", Qt::CaseInsensitive) == 0
            || h.first.compare("transfer-encoding", Qt::CaseInsensitive) == 0
            || h.first.compare("expect", Qt::CaseInsensitive) == 0)
            continue;
        parts << QStringLiteral("-H")
              << shellQuote(
                     QString::fromLatin1(h.first) + QStringLiteral(": ") + QString::fromUtf8(h.second));
    }
    if (!c.body.isEmpty())
        parts << QStringLiteral("--data-binary") << shellQuote(QString::fromUtf8(c.body));
    return parts.join(QLatin1Char(' '));
}

} // namespace cbi
