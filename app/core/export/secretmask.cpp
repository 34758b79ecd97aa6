// SPDX-License-Identifier: MIT
#include "secretmask.h"

#include <QRegularExpression>

namespace cbi {

QByteArray SecretMask::maskedBody(const QByteArray &body)
{
    if (!body.contains("\"secret\""))
        return body;
    // A member named secret with a string value. Inside a JSON string a quote is escaped (\"), so
    // text that merely mentions "secret" (an ex field holding JSON, say) is left alone.
    static const QRegularExpression member(QStringLiteral(R"re(("secret"\s*:\s*)"(?:[^"\\]|\\.)*")re"));
    QString text = QString::fromUtf8(body);
    if (text.toUtf8() != body)
        return body; // not UTF-8: not a JSON body OpenIM sent
    text.replace(member, QStringLiteral("\\1\"***\""));
    return text.toUtf8();
}

CapturedRequest SecretMask::masked(const CapturedRequest &capture)
{
    const QByteArray body = maskedBody(capture.body);
    if (body == capture.body)
        return capture;
    CapturedRequest out = capture;
    out.body = body;
    return out;
}

} // namespace cbi
