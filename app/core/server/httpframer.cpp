// SPDX-License-Identifier: MIT
#include "httpframer.h"

#include <cstring>

namespace cbi {

QByteArray RequestHead::header(QByteArrayView name) const
{
    for (const auto &h : headers) {
        if (QByteArrayView(h.first).compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

HttpFramer::HttpFramer()
    : HttpFramer(Limits {})
{
}

HttpFramer::HttpFramer(Limits limits)
    : m_limits(limits)
{
}

bool HttpFramer::idle() const
{
    return m_state == State::Head && m_buffer.isEmpty();
}

void HttpFramer::fail(QList<Output> &out, Event event, const QString &reason)
{
    m_state = State::Failed;
    m_buffer.clear();
    m_body.clear();
    out.append({event, m_current, reason, {}});
}

static bool containsToken(QByteArrayView value, QByteArrayView token)
{
    qsizetype from = 0;
    while (from <= value.size()) {
        qsizetype comma = value.indexOf(',', from);
        if (comma < 0)
            comma = value.size();
        if (value.sliced(from, comma - from).trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
        from = comma + 1;
    }
    return false;
}

// The method token so far consists of token characters and is short (RFC 9110 section 5.6.2).
static bool methodLooksValid(QByteArrayView buffer)
{
    constexpr qsizetype longestMethod = 32;
    const qsizetype n = qMin(buffer.size(), longestMethod + 1);
    for (qsizetype i = 0; i < n; ++i) {
        const char ch = buffer.at(i);
        if (ch == ' ')
            return i > 0;
        const bool tchar = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')
            || (ch != 0 && std::strchr("!#$%&'*+-.^_`|~", ch));
        if (!tchar)
            return false;
    }
    return n <= longestMethod;
}

// One pass over the head, no line list: this runs for every request.
RequestHead HttpFramer::parseHead(QByteArrayView head, QString *error)
{
    RequestHead h;
    h.headBytes = head.size();
    const QByteArrayView all = head;
    h.headers.reserve(12);
    QByteArrayView te;
    QByteArrayView contentLength;
    QByteArrayView expect;
    QByteArrayView connection;
    bool contentLengthConflict = false;
    qsizetype pos = 0;
    bool first = true;
    while (pos < all.size()) {
        qsizetype nl = all.indexOf('\n', pos);
        if (nl < 0)
            nl = all.size();
        QByteArrayView line = all.sliced(pos, nl - pos);
        pos = nl + 1;
        if (line.endsWith('\r'))
            line.chop(1);
        if (first) {
            first = false;
            const qsizetype sp1 = line.indexOf(' ');
            const qsizetype sp2 = sp1 < 0 ? -1 : line.indexOf(' ', sp1 + 1);
            const bool three = sp1 > 0 && sp2 > sp1 + 1 && line.indexOf(' ', sp2 + 1) < 0;
            if (three) {
                h.method = line.first(sp1).toByteArray();
                h.target = line.sliced(sp1 + 1, sp2 - sp1 - 1).toByteArray();
                h.version = line.sliced(sp2 + 1).toByteArray();
            } else if (sp1 > 0) {
                h.method = line.first(sp1).toByteArray(); // what is known, for the rejection
            }
            if (!three || !(h.version == "HTTP/1.1" || h.version == "HTTP/1.0")) {
                if (error)
                    *error = QStringLiteral("invalid request line");
            }
            continue;
        }
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            if (error && error->isEmpty())
                *error = QStringLiteral("invalid header line");
            continue;
        }
        const QByteArrayView name = line.first(colon);
        const QByteArrayView value = line.sliced(colon + 1).trimmed();
        h.headers.append({name.toByteArray(), value.toByteArray()});
        // The first occurrence counts, as RequestHead::header() reads it.
        auto note = [&](QByteArrayView wanted, QByteArrayView &slot) {
            if (slot.isNull() && name.compare(wanted, Qt::CaseInsensitive) == 0)
                slot = value.isNull() ? QByteArrayView("") : value;
        };
        note("transfer-encoding", te);
        if (name.compare("content-length", Qt::CaseInsensitive) == 0 && !contentLength.isNull()
            && value != contentLength)
            contentLengthConflict = true;
        note("content-length", contentLength);
        note("expect", expect);
        note("connection", connection);
    }
    // RFC 9112 6.3: a body length the server cannot be sure of is a 400, never a guess, since a
    // proxy in front may have framed the request differently (request smuggling).
    auto malformed = [&](const char *why) {
        if (error && error->isEmpty())
            *error = QString::fromLatin1(why);
    };
    if (!te.isNull()) {
        const qsizetype lastComma = te.lastIndexOf(',');
        h.chunked = te.sliced(lastComma + 1).trimmed().compare("chunked", Qt::CaseInsensitive) == 0;
        if (!contentLength.isNull())
            malformed("both Content-Length and Transfer-Encoding");
        else if (!h.chunked)
            malformed("Transfer-Encoding other than chunked");
    } else if (!contentLength.isNull()) {
        const QByteArrayView digits = contentLength.trimmed();
        bool ok = !digits.isEmpty() && digits.size() <= 18;
        for (char c : digits)
            ok = ok && c >= '0' && c <= '9';
        if (!ok || contentLengthConflict)
            malformed(
                contentLengthConflict ? "conflicting Content-Length headers" : "invalid Content-Length");
        else
            h.contentLength = digits.toLongLong();
    }
    h.expectContinue = expect.compare("100-continue", Qt::CaseInsensitive) == 0;
    if (h.version == "HTTP/1.0")
        h.keepAlive = containsToken(connection, "keep-alive");
    else
        h.keepAlive = !containsToken(connection, "close");
    return h;
}

void HttpFramer::finishHead(QList<Output> &out, QByteArrayView head)
{
    QString error;
    m_current = parseHead(head, &error);
    m_buffer.clear();
    if (!error.isEmpty()) {
        fail(out, Event::Malformed, error);
        return;
    }
    m_bodySeen = 0;
    if (!m_current.chunked && m_current.contentLength > m_limits.maxBodyBytes) {
        fail(out, Event::BodyTooLarge);
        return;
    }
    out.append({Event::Head, m_current, {}, {}});
    if (m_current.chunked) {
        m_state = State::ChunkSize;
    } else if (m_current.contentLength > 0) {
        m_remaining = m_current.contentLength;
        m_body.reserve(qsizetype(qMin<qint64>(m_remaining, 64 * 1024))); // a claimed length is not yet data
        m_state = State::Body;
    } else {
        out.append({Event::Complete, m_current, {}, {}});
        m_state = State::Head;
    }
}

void HttpFramer::complete(QList<Output> &out)
{
    out.append({Event::Complete, m_current, {}, std::move(m_body)});
    m_body = QByteArray();
    m_state = State::Head;
}

QList<HttpFramer::Output> HttpFramer::feed(QByteArrayView data)
{
    QList<Output> out;
    qsizetype i = 0;
    const qsizetype n = data.size();
    while (i < n && m_state != State::Failed) {
        switch (m_state) {
        case State::Head: {
            // Empty lines before a request line are tolerated (RFC 9112 section 2.2).
            if (m_buffer.isEmpty()) {
                while (i < n && (data[i] == '\r' || data[i] == '\n'))
                    ++i;
                if (i == n)
                    break;
            }
            // Usually the whole head arrives in one read: search it in place and copy nothing.
            const bool inPlace = m_buffer.isEmpty();
            if (!inPlace)
                m_buffer.append(data.data() + i, n - i);
            const QByteArrayView pending = inPlace ? data.sliced(i) : QByteArrayView(m_buffer);
            const qsizetype scanFrom = inPlace ? 0 : qMax<qsizetype>(0, m_buffer.size() - (n - i) - 3);
            if (!methodLooksValid(pending)) {
                // TLS on the plain port, binary junk: no need to wait for a line end that never comes.
                m_current = {};
                fail(out, Event::Malformed, QStringLiteral("not an HTTP request"));
                break;
            }
            qsizetype end = pending.indexOf("\r\n\r\n", scanFrom);
            qsizetype endLength = 4;
            const qsizetype lfEnd = pending.indexOf("\n\n", scanFrom);
            if (lfEnd >= 0 && (end < 0 || lfEnd < end)) {
                end = lfEnd;
                endLength = 2;
            }
            if (end < 0) {
                if (inPlace)
                    m_buffer.append(data.data() + i, n - i);
                i = n;
                if (m_buffer.size() > m_limits.maxHeaderBytes) {
                    QString ignored;
                    m_current = parseHead(m_buffer, &ignored);
                    fail(out, Event::HeaderTooLarge);
                }
                break;
            }
            const qsizetype headSize = end + endLength;
            // Give back what belongs to the body or the next request.
            i = n - (pending.size() - headSize);
            const QByteArrayView head = pending.first(headSize);
            if (headSize > m_limits.maxHeaderBytes) {
                QString ignored;
                m_current = parseHead(head, &ignored);
                fail(out, Event::HeaderTooLarge);
                break;
            }
            finishHead(out, head);
            break;
        }
        case State::Body: {
            const qint64 take = qMin<qint64>(m_remaining, n - i);
            m_body.append(data.data() + i, qsizetype(take));
            i += take;
            m_remaining -= take;
            if (m_remaining == 0)
                complete(out);
            break;
        }
        case State::ChunkSize:
        case State::Trailer: {
            const qsizetype nl = data.indexOf('\n', i);
            const qsizetype stop = nl < 0 ? n : nl + 1;
            m_buffer.append(data.data() + i, stop - i);
            i = stop;
            if (m_buffer.size() > m_limits.maxHeaderBytes) {
                fail(out, Event::HeaderTooLarge);
                break;
            }
            if (nl < 0)
                break;
            QByteArray line = m_buffer.trimmed();
            m_buffer.clear();
            if (m_state == State::Trailer) {
                if (line.isEmpty())
                    complete(out);
                break;
            }
            const qsizetype semicolon = line.indexOf(';');
            if (semicolon >= 0)
                line.truncate(semicolon);
            bool ok = false;
            const qint64 size = line.trimmed().toLongLong(&ok, 16);
            if (!ok || size < 0) {
                fail(out, Event::Malformed, QStringLiteral("invalid chunk size"));
                break;
            }
            m_bodySeen += size;
            if (m_bodySeen > m_limits.maxBodyBytes) {
                fail(out, Event::BodyTooLarge);
                break;
            }
            if (size == 0) {
                m_state = State::Trailer;
            } else {
                m_remaining = size;
                m_state = State::ChunkData;
            }
            break;
        }
        case State::ChunkData: {
            const qint64 take = qMin<qint64>(m_remaining, n - i);
            m_body.append(data.data() + i, qsizetype(take));
            i += take;
            m_remaining -= take;
            if (m_remaining == 0) {
                m_state = State::ChunkDataEnd;
                m_remaining = 2; // the CRLF after the data
            }
            break;
        }
        case State::ChunkDataEnd: {
            // Accept CRLF or a bare LF.
            if (data[i] == '\r') {
                ++i;
                --m_remaining;
                break;
            }
            if (data[i] == '\n')
                ++i;
            m_state = State::ChunkSize;
            break;
        }
        case State::Failed:
            break;
        }
    }
    return out;
}

} // namespace cbi
