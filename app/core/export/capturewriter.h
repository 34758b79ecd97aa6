// SPDX-License-Identifier: MIT
#pragma once

#include "capture/capturedrequest.h"

class QIODevice;

namespace cbi {

// Writes captures to a device one at a time, so exports of any size run in constant memory:
// JSON (one document), NDJSON (the --jsonl objects), HAR 1.2 (request and reply, timings; opens in
// browser devtools), CSV (the table's columns, UTF-8 with a header) and cURL (shell commands that
// replay each capture against a target URL).
class CaptureWriter
{
public:
    enum class Format
    {
        Json,
        Ndjson,
        Har,
        Csv,
        Curl
    };

    static bool formatFromName(const QString &name, Format *format);
    static QStringList formatNames();
    static QString fileSuffix(Format format);
    // The file an export writes: a suffix that names a format decides it (flow.csv is CSV whatever was
    // picked; .jsonl is NDJSON); without one, the format's suffix is added (gui walk F11).
    static QString exportPath(const QString &path, Format *format);

    CaptureWriter(QIODevice *device, Format format,
        const QString &curlTarget = QStringLiteral("http://127.0.0.1:10006"));
    // On by default: the admin secret some OpenIM versions send shows as "***" (see SecretMask).
    void setMaskSecrets(bool mask) { m_maskSecrets = mask; }
    void begin();
    void write(const CapturedRequest &capture);
    void end();
    qint64 count() const { return m_count; }

private:
    static QByteArray csvField(const QString &text);

    QIODevice *m_device;
    Format m_format;
    QString m_curlTarget;
    qint64 m_count = 0;
    bool m_maskSecrets = true;
};

} // namespace cbi
