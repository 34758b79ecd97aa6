// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>

class QRandomGenerator;

namespace cbi {

// How long a reply waits before it is sent.
struct DelaySpec
{
    enum class Kind
    {
        None,
        Fixed, // ms
        Uniform, // between minMs and maxMs
        LogNormal, // median medianMs, shape sigma, never above maxMs
        PastTimeout, // the command's effective OpenIM timeout plus marginMs
    };

    Kind kind = Kind::None;
    int ms = 0;
    int minMs = 0;
    int maxMs = 0;
    double medianMs = 0;
    double sigma = 0.5;
    int marginMs = 100;

    int sample(QRandomGenerator &random, int timeoutMs) const;
    QJsonObject toJson() const;
};

} // namespace cbi
