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

// Reads HTTP/1.x requests off one connection's byte stream: request line and headers as sent
// (raw method token, HTTP version, header order and case), the body (de-chunked), with limits on
// head and body size, and what the connection asks for (keep-alive, 100-continue). The server
// parses with this alone: Qt 6.4's QHttpServer re-read every byte through QIODevice transactions
// and cost a third of the throughput while hiding the version and unknown methods (see
// docs/performance.md). Pure: unit-tested and fuzzable without sockets. Strict where RFC 9112 asks
// for a 400 (field names, Host, chunk sizes, Transfer-Encoding), since a lenient reading that differs
// from a proxy's in front is request smuggling; linear in the bytes fed, however they are pipelined or
// split.
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
        Malformed, // not valid HTTP/1.x framing (reason says why); the stream is abandoned
    };

    struct Output
    {
        Event event;
        RequestHead head; // what is known of the request (partial for HeaderTooLarge/Malformed)
        QString reason; // for Malformed
        QByteArray body; // for Complete: the whole body, de-chunked
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

    void finishHead(QList<Output> &out, QByteArrayView head);
    void complete(QList<Output> &out);
    void fail(QList<Output> &out, Event event, const QString &reason = {});
    static RequestHead parseHead(QByteArrayView head, QString *error);

    Limits m_limits;
    State m_state = State::Head;
    QByteArray m_buffer; // head, chunk-size or trailer line being accumulated (< maxHeaderBytes)
    qsizetype m_headScan = 0; // where in m_buffer the search for the head's end resumes
    bool m_chunkCR = false; // the CR of the CRLF after chunk data was seen
    RequestHead m_current;
    qint64 m_remaining = 0; // of the current body or chunk
    qint64 m_bodySeen = 0;
    QByteArray m_body; // of the current request
};

} // namespace cbi

// Every member is relocatable (Qt's implicitly shared types, integers): a read holding thousands of
// pipelined requests grows its output list by realloc instead of moving each element.
Q_DECLARE_TYPEINFO(cbi::RequestHead, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(cbi::HttpFramer::Output, Q_RELOCATABLE_TYPE);
