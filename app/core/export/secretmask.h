// SPDX-License-Identifier: MIT
#pragma once

#include "capture/capturedrequest.h"

namespace cbi {

// OpenIM v3.7.0 - v3.8.0 put their admin secret (share.yml) in the user-register callbacks
// (versions.md D5), and exports get passed around: they show "secret":"***" unless asked not to.
// Only exports are masked; the live capture and the session keep the bytes as received.
class SecretMask
{
public:
    // The body with the value of every "secret" string member replaced by "***"; the rest of the
    // bytes as they were (no re-encoding, so a masked export differs from the capture in that value only).
    static QByteArray maskedBody(const QByteArray &body);
    // The capture with its body masked (a copy; cheap when there is nothing to mask).
    static CapturedRequest masked(const CapturedRequest &capture);
};

} // namespace cbi
