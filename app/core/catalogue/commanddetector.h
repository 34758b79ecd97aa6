// SPDX-License-Identifier: MIT
#pragma once

#include "capture/capturedrequest.h"
#include "capture/requestbody.h"

namespace cbi {

class Catalogue;

// Works out which OpenIM callback a captured request is, whatever URL style the sending OpenIM
// version used, and fills command, canonicalCommand, urlStyle, operationID, keyData and warnings.
// Pure: no I/O, safe on any thread.
class CommandDetector
{
public:
    explicit CommandDetector(
        const Catalogue &catalogue, const QString &basePath = QStringLiteral("/callbackExample"));

    QString basePath() const { return m_basePath; }
    // Returns the body parsed as a JSON object (empty when it is not one), for the rules to reuse.
    // version: the profile name of the OpenIM version captures are judged against; a request that
    // version never sends gets a warning naming the versions it looks like (empty: no such check).
    RequestBody detect(CapturedRequest &capture, const QString &version = {}) const;

    // "/callbackExample/" -> "/callbackExample", "x" -> "/x", "" or "/" -> "" (the root).
    static QString normalizeBasePath(const QString &path);

private:
    // Warnings on the request's fields: the admin secret, and those of another OpenIM version.
    void checkRequest(CapturedRequest &capture, const RequestBody &body, const QString &version) const;

    const Catalogue &m_catalogue;
    QString m_basePath;
};

} // namespace cbi
