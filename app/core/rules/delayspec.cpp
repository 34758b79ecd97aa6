// SPDX-License-Identifier: MIT
#include "delayspec.h"

#include <QJsonArray>
#include <QRandomGenerator>

#include <cmath>

namespace cbi {

int DelaySpec::sample(QRandomGenerator &random, int timeoutMs) const
{
    switch (kind) {
    case Kind::None:
        return 0;
    case Kind::Fixed:
        return ms;
    case Kind::Uniform:
        return minMs + int(random.bounded(maxMs - minMs + 1));
    case Kind::LogNormal: {
        // Box-Muller: a standard normal from two uniforms in (0, 1].
        const double u1 = 1.0 - random.generateDouble();
        const double u2 = random.generateDouble();
        const double z = std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
        const double value = medianMs * std::exp(sigma * z);
        return int(std::lround(std::min(value, double(maxMs))));
    }
    case Kind::PastTimeout:
        return timeoutMs + marginMs;
    }
    return 0;
}

QJsonObject DelaySpec::toJson() const
{
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::Fixed:
        return {{QStringLiteral("fixed"), ms}};
    case Kind::Uniform:
        return {{QStringLiteral("uniform"), QJsonArray {minMs, maxMs}}};
    case Kind::LogNormal:
        return {{QStringLiteral("lognormal"),
            QJsonObject {{QStringLiteral("median"), medianMs}, {QStringLiteral("sigma"), sigma},
                {QStringLiteral("max"), maxMs}}}};
    case Kind::PastTimeout:
        return {{QStringLiteral("pastTimeout"), marginMs}};
    }
    return {};
}

} // namespace cbi
