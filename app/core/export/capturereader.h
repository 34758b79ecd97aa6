// SPDX-License-Identifier: MIT
#pragma once

#include "capture/capturedrequest.h"

#include <QList>

namespace cbi {

// Reads captures back from an export: HAR (ours exactly, through the "_inspector" field; a browser's
// or another tool's from its requests and responses), a JSON document ({"captures": [...]} or an
// array) or NDJSON. The format is recognised from the content.
class CaptureReader
{
public:
    static bool read(const QByteArray &data, QList<CapturedRequest> *captures, QString *error);
    static CapturedRequest fromHarEntry(const QJsonObject &entry);
};

} // namespace cbi
