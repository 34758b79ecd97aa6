// SPDX-License-Identifier: MIT
#include "rule.h"

namespace cbi {

const ResponseSpec &Rule::responseForCall(quint64 call) const
{
    quint64 total = 0;
    for (const auto &r : responses)
        total += quint64(qMax(1, r.times));
    if (call >= total) {
        if (then == Then::RepeatLast)
            return responses.constLast();
        call %= total;
    }
    for (const auto &r : responses) {
        const quint64 times = quint64(qMax(1, r.times));
        if (call < times)
            return r;
        call -= times;
    }
    return responses.constLast();
}

} // namespace cbi
