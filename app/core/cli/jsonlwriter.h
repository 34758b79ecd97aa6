// SPDX-License-Identifier: MIT
#pragma once

#include "capture/capturedrequest.h"

#include <QByteArray>
#include <QList>

#include <cstdio>
#include <memory>

namespace cbi {

// `serve --jsonl`: writes lines to stdout from a thread of its own, so that a reader that stops
// reading (a stuck log shipper) blocks only this thread, never the server's. Lines wait in a queue
// of at most maxQueuedBytes; past that they are dropped and counted, and the drop is reported once
// the reader catches up. Thread-safe.
class JsonlWriter
{
public:
    static constexpr qsizetype maxQueuedBytes = 64 * 1024 * 1024;

    explicit JsonlWriter(std::FILE *out = stdout);
    // Writes what is queued, giving a stuck reader 2 s; then the rest is dropped, so that shutdown
    // never hangs on stdout.
    ~JsonlWriter();

    void write(const QByteArray &lines, int count);
    // One JSON line per capture (the --jsonl form: CapturedRequest::toJson).
    void writeCaptures(const QList<CapturedRequest> &batch);
    quint64 droppedLines() const;

private:
    struct State;
    std::shared_ptr<State> m_state;
};

} // namespace cbi
