// SPDX-License-Identifier: MIT
#include "boundedregex.h"

#define PCRE2_CODE_UNIT_WIDTH 16
#include <QElapsedTimer>

#include <pcre2.h>

namespace cbi {

struct BoundedRegex::Code
{
    pcre2_code *code = nullptr;
    ~Code() { pcre2_code_free(code); }
};

namespace {

struct Budget
{
    QElapsedTimer clock;
    qint64 ms = 0;
    unsigned calls = 0;
};

// Called at every pattern item (PCRE2_AUTO_CALLOUT); the clock is read every 1024 calls.
int checkBudget(pcre2_callout_block *, void *data)
{
    auto *budget = static_cast<Budget *>(data);
    if ((++budget->calls & 1023) == 0 && budget->clock.hasExpired(budget->ms))
        return PCRE2_ERROR_CALLOUT;
    return 0;
}

int run(const pcre2_code *code, QStringView subject)
{
    std::unique_ptr<pcre2_match_context, decltype(&pcre2_match_context_free)> context(
        pcre2_match_context_create(nullptr), pcre2_match_context_free);
    std::unique_ptr<pcre2_match_data, decltype(&pcre2_match_data_free)> data(
        pcre2_match_data_create(1, nullptr), pcre2_match_data_free);
    if (!context || !data)
        return PCRE2_ERROR_NOMEMORY;
    Budget budget;
    budget.ms = BoundedRegex::budgetMsFor(subject.size());
    budget.clock.start();
    // A pattern's own (*LIMIT_MATCH=) can lower this, never raise it.
    pcre2_set_match_limit(context.get(), BoundedRegex::matchLimit);
    pcre2_set_callout(context.get(), checkBudget, &budget);
    return pcre2_match(code, reinterpret_cast<PCRE2_SPTR>(subject.utf16()), PCRE2_SIZE(subject.size()), 0, 0,
        data.get(), context.get());
}

} // namespace

BoundedRegex::BoundedRegex(const QString &pattern)
    : m_pattern(pattern)
{
    int error = 0;
    PCRE2_SIZE offset = 0;
    pcre2_code *code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.utf16()),
        PCRE2_SIZE(pattern.size()), PCRE2_UTF | PCRE2_UCP | PCRE2_AUTO_CALLOUT, &error, &offset, nullptr);
    if (!code) {
        PCRE2_UCHAR message[256];
        const int n = pcre2_get_error_message(error, message, 256);
        m_error = QStringLiteral("%1 at offset %2")
                      .arg(QString::fromUtf16(reinterpret_cast<const char16_t *>(message), qMax(0, n)))
                      .arg(offset);
        return;
    }
    pcre2_jit_compile(code, PCRE2_JIT_COMPLETE); // without JIT (not built for this CPU) it still works
    auto compiled = std::make_shared<Code>();
    compiled->code = code;
    m_code = std::move(compiled);
}

qint64 BoundedRegex::budgetMsFor(qsizetype textLength)
{
    // QString length is in UTF-16 units: two bytes each.
    return budgetMs + budgetMsPerMiB * qint64(textLength) * 2 / (1024 * 1024);
}

BoundedRegex::Result BoundedRegex::match(QStringView subject) const
{
    if (!m_code)
        return Result::NoMatch;
    int rc = run(m_code->code, subject);
    if (rc <= PCRE2_ERROR_UTF16_ERR1 && rc >= PCRE2_ERROR_UTF16_ERR3) {
        // A lone surrogate (a JSON \ud800 escape): match the text with U+FFFD in its place.
        const QString clean = QString::fromUtf8(subject.toUtf8());
        rc = run(m_code->code, clean);
    }
    if (rc >= 0)
        return Result::Match;
    return rc == PCRE2_ERROR_NOMATCH ? Result::NoMatch : Result::GaveUp;
}

} // namespace cbi
