// SPDX-License-Identifier: MIT
#pragma once

#include "capture/capturedrequest.h"

#include <QByteArray>
#include <QList>

namespace cbi {

// The request line and headers of one HTTP/1.x request, as the client sent them.
struct RequestHead
{
    QByteArray method;
    QByteArray target;
    QByteArray version; // "HTTP/1.1"
    HeaderList headers;
    qint64 contentLength = 0;
    bool chunked = false;
    bool expectContinue = false;
    bool keepAlive = true;
    qsizetype headBytes = 0;

    QByteArray header(QByteArrayView name) const;
};

// Follows the request boundaries of one connection's byte stream without keeping bodies.
// Qt 6.4's QHttpServer has no limits and hides the HTTP version and unknown method tokens; the
// server feeds every byte through this framer before Qt parses it, so it can enforce header and
// body limits, answer "Expect: 100-continue", honour HTTP/1.0 and Connection, and know the raw
// request line of each request Qt hands over. Pure: unit-tested and fuzzable without sockets.
class HttpFramer
{
public:
    struct Limits
    {
        qsizetype maxHeaderBytes = 64 * 1024;
        qint64 maxBodyBytes = 16 * 1024 * 1024;
    };

    enum class Event
    {
        Head, // head complete; the body (if any) follows
        Complete, // the request (head and body) is complete
        HeaderTooLarge, // head larger than maxHeaderBytes; the stream is abandoned
        BodyTooLarge, // declared or chunked body larger than maxBodyBytes; the stream is abandoned
        Malformed, // not HTTP/1.x; the stream is abandoned
    };

    struct Output
    {
        Event event;
        RequestHead head; // what is known of the request (partial for HeaderTooLarge/Malformed)
        QString reason; // for Malformed
    };

    HttpFramer();
    explicit HttpFramer(Limits limits);

    // Consumes bytes and reports what they completed, in order.
    QList<Output> feed(QByteArrayView data);
    bool failed() const { return m_state == State::Failed; }
    bool idle() const; // between requests (nothing of a next request seen yet)

private:
    enum class State
    {
        Head,
        Body,
        ChunkSize,
        ChunkData,
        ChunkDataEnd,
        Trailer,
        Failed
    };

    void finishHead(QList<Output> &out);
    void fail(QList<Output> &out, Event event, const QString &reason = {});
    static RequestHead parseHead(const QByteArray &head, QString *error);

    Limits m_limits;
    State m_state = State::Head;
    QByteArray m_buffer; // head, chunk-size or trailer line being accumulated
    RequestHead m_current;
    qint64 m_remaining = 0; // of the current body or chunk
    qint64 m_bodySeen = 0;
};

} // namespace cbi
