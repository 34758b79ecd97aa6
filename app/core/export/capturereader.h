// SPDX-License-Identifier: MIT
#pragma once

#include "capture/capturedrequest.h"

#include <QList>

namespace cbi {

// Reads captures back from an export: HAR (ours exactly, through the "_inspector" field; a browser's
// or another tool's from its requests and responses), a JSON document ({"captures": [...]} or an
// array) or NDJSON. The format is recognised from the content.
// An import file is someone's data: every entry is checked (JSON types, an RFC 9110 method token,
// header names and values without CR, LF or NUL) and one bad entry refuses the whole file, with a
// message naming the entry, rather than importing something other than what it says.
class CaptureReader
{
public:
    // Import files are read whole (a parsed capture takes about 7 times its bytes: a 400 MB HAR
    // once took 2.8 GB); beyond this size they are refused before reading.
    static constexpr qint64 maxFileSize = qint64(256) << 20; // 256 MiB

    static bool read(const QByteArray &data, QList<CapturedRequest> *captures, QString *error);
    // Checks the size first, then reads the file and calls read().
    static bool readFile(const QString &path, QList<CapturedRequest> *captures, QString *error);
    static CapturedRequest fromHarEntry(const QJsonObject &entry);
};

} // namespace cbi
