// SPDX-License-Identifier: MIT
#include "httpframer.h"

#include "capture/httpsyntax.h"

#include <algorithm>
#include <cstring>
#include <utility>

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

namespace {

// tchar (RFC 9110 section 5.6.2): what a method or a field name is made of.
bool isTchar(char ch)
{
    return HttpSyntax::isTokenChar(ch);
}

// A control character other than HTAB: never part of a field value or a request target.
bool isCtl(char ch)
{
    const auto u = uchar(ch);
    return (u < 0x20 && ch != '\t') || u == 0x7f;
}

bool isHex(char ch)
{
    return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F');
}

bool containsToken(QByteArrayView value, QByteArrayView token)
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
bool methodLooksValid(QByteArrayView buffer)
{
    constexpr qsizetype longestMethod = 32;
    const qsizetype n = qMin(buffer.size(), longestMethod + 1);
    for (qsizetype i = 0; i < n; ++i) {
        const char ch = buffer.at(i);
        if (ch == ' ')
            return i > 0;
        if (!isTchar(ch))
            return false;
    }
    return n <= longestMethod;
}

// The usual method and version tokens as static data: no allocation for them per request.
QByteArray sharedIfCommon(QByteArrayView token)
{
    if (token == "POST")
        return QByteArrayLiteral("POST");
    if (token == "HTTP/1.1")
        return QByteArrayLiteral("HTTP/1.1");
    if (token == "GET")
        return QByteArrayLiteral("GET");
    if (token == "HTTP/1.0")
        return QByteArrayLiteral("HTTP/1.0");
    return token.toByteArray();
}

// The size of the head through the empty line that ends it (an LF followed by CRLF or LF), or -1 with
// *resume set to where the search must go on once more bytes came: each byte is looked at once, so
// framing stays linear however many requests one read holds or however a head is split.
qsizetype findHeadEnd(QByteArrayView s, qsizetype from, qsizetype *resume)
{
    const char *p = s.data();
    const qsizetype n = s.size();
    while (from < n) {
        const auto *lf = static_cast<const char *>(std::memchr(p + from, '\n', size_t(n - from)));
        if (!lf)
            break;
        const qsizetype at = lf - p;
        if (at + 1 < n && p[at + 1] == '\n')
            return at + 2;
        if (at + 2 < n && p[at + 1] == '\r' && p[at + 2] == '\n')
            return at + 3;
        if (at + 1 >= n || (at + 2 >= n && p[at + 1] == '\r')) {
            *resume = at; // undecided until the next byte(s)
            return -1;
        }
        from = at + 1;
    }
    *resume = n;
    return -1;
}

// A line without its LF and an optional CR before it; a CR anywhere else is a bare CR.
QByteArrayView stripLineEnd(QByteArrayView line)
{
    if (line.endsWith('\n'))
        line.chop(1);
    if (line.endsWith('\r'))
        line.chop(1);
    return line;
}

// Why a field line (header or trailer) is not `token ":" OWS value OWS`, or null (RFC 9112 section 5).
// *colon is where the colon is (-1 without one).
const char *fieldLineError(QByteArrayView line, qsizetype *colon)
{
    *colon = line.indexOf(':');
    if (line.startsWith(' ') || line.startsWith('\t'))
        return "header line starts with whitespace (obsolete line folding)";
    if (*colon <= 0)
        return "invalid header line";
    const QByteArrayView name = line.first(*colon);
    if (name.endsWith(' ') || name.endsWith('\t'))
        return "whitespace between a header name and its colon";
    if (!std::all_of(name.begin(), name.end(), isTchar))
        return "invalid character in a header name";
    const QByteArrayView value = line.sliced(*colon + 1);
    if (std::any_of(value.begin(), value.end(), isCtl))
        return "control character in a header value";
    return nullptr;
}

} // namespace

// One pass over the head, no line list: this runs for every request. The first error wins; parsing
// goes on so that what is known of a rejected request is captured.
RequestHead HttpFramer::parseHead(QByteArrayView head, QString *error)
{
    RequestHead h;
    h.headBytes = head.size();
    h.headers.reserve(qMax<qsizetype>(0, std::count(head.begin(), head.end(), '\n') - 1));
    auto malformed = [&](const char *why) {
        if (error && error->isEmpty())
            *error = QString::fromLatin1(why);
    };
    QByteArrayView contentLength;
    QByteArrayView expect;
    QByteArrayView connection;
    bool contentLengthConflict = false;
    bool transferEncoding = false;
    int chunkedCodings = 0; // RFC 9112 6.1: chunked once, and last, of all TE lines combined
    bool lastCodingChunked = false;
    int hosts = 0;
    qsizetype pos = 0;
    bool first = true;
    while (pos < head.size()) {
        qsizetype nl = head.indexOf('\n', pos);
        if (nl < 0)
            nl = head.size();
        const QByteArrayView line = stripLineEnd(head.sliced(pos, nl - pos));
        pos = nl + 1;
        if (line.contains('\r'))
            malformed("bare CR in the head");
        if (first) {
            first = false;
            const qsizetype sp1 = line.indexOf(' ');
            const qsizetype sp2 = sp1 < 0 ? -1 : line.indexOf(' ', sp1 + 1);
            const bool three = sp1 > 0 && sp2 > sp1 + 1 && line.indexOf(' ', sp2 + 1) < 0;
            if (three) {
                h.method = sharedIfCommon(line.first(sp1));
                h.target = line.sliced(sp1 + 1, sp2 - sp1 - 1).toByteArray();
                h.version = sharedIfCommon(line.sliced(sp2 + 1));
            } else if (sp1 > 0) {
                h.method = line.first(sp1).toByteArray(); // what is known, for the rejection
            }
            if (!three || !(h.version == "HTTP/1.1" || h.version == "HTTP/1.0"))
                malformed("invalid request line");
            else if (std::any_of(
                         h.target.begin(), h.target.end(), [](char c) { return isCtl(c) || c == '\t'; }))
                malformed("control character in the request target");
            continue;
        }
        if (line.isEmpty())
            continue;
        qsizetype colon = -1;
        if (const char *why = fieldLineError(line, &colon)) {
            malformed(why);
            if (colon <= 0)
                continue;
        }
        const QByteArrayView name = line.first(colon);
        const QByteArrayView value = line.sliced(colon + 1).trimmed();
        h.headers.append({name.toByteArray(), value.toByteArray()});
        const QByteArrayView valueOrEmpty = value.isNull() ? QByteArrayView("") : value;
        auto is = [&](QByteArrayView wanted) { return name.compare(wanted, Qt::CaseInsensitive) == 0; };
        if (is("transfer-encoding")) {
            // Several TE lines are one comma list (RFC 9110 section 5.3); empty elements do not count.
            transferEncoding = true;
            for (qsizetype from = 0; from <= value.size();) {
                qsizetype comma = value.indexOf(',', from);
                if (comma < 0)
                    comma = value.size();
                const QByteArrayView coding = value.sliced(from, comma - from).trimmed();
                from = comma + 1;
                if (coding.isEmpty())
                    continue;
                lastCodingChunked = coding.compare("chunked", Qt::CaseInsensitive) == 0;
                chunkedCodings += lastCodingChunked ? 1 : 0;
            }
        } else if (is("content-length")) {
            if (!contentLength.isNull() && value != contentLength)
                contentLengthConflict = true;
            if (contentLength.isNull())
                contentLength = valueOrEmpty;
        } else if (is("host")) {
            ++hosts;
        } else if (is("expect") && expect.isNull()) {
            expect = valueOrEmpty;
        } else if (is("connection") && connection.isNull()) {
            connection = valueOrEmpty;
        }
    }
    // RFC 9112 3.2: a server must answer 400 to an HTTP/1.1 request without Host and to any with two.
    if (hosts > 1)
        malformed("more than one Host header");
    else if (hosts == 0 && h.version == "HTTP/1.1")
        malformed("HTTP/1.1 request without a Host header");
    // RFC 9112 6.3: a body length the server cannot be sure of is a 400, never a guess, since a
    // proxy in front may have framed the request differently (request smuggling).
    if (transferEncoding) {
        h.chunked = lastCodingChunked && chunkedCodings == 1;
        if (!contentLength.isNull())
            malformed("both Content-Length and Transfer-Encoding");
        else if (!lastCodingChunked)
            malformed("Transfer-Encoding other than chunked (the final coding must be chunked)");
        else if (chunkedCodings > 1)
            malformed("Transfer-Encoding chunked more than once");
    } else if (!contentLength.isNull()) {
        const QByteArrayView digits = contentLength;
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

// chunk-size [BWS ";" chunk-ext] (RFC 9112 section 7.1): 1*HEXDIG, nothing before it and only
// whitespace before a ";". -1: invalid, -2: too large for 15 significant hex digits (60 bits).
static qint64 parseChunkSize(QByteArrayView line)
{
    qsizetype digits = 0;
    while (digits < line.size() && isHex(line.at(digits)))
        ++digits;
    if (digits == 0)
        return -1;
    qsizetype k = digits;
    while (k < line.size() && (line.at(k) == ' ' || line.at(k) == '\t'))
        ++k;
    if (k == line.size() ? k != digits : line.at(k) != ';')
        return -1; // "5 " or "0x5"
    const QByteArrayView extension = line.sliced(k);
    if (std::any_of(extension.begin(), extension.end(), isCtl))
        return -1;
    QByteArrayView hex = line.first(digits);
    while (hex.size() > 1 && hex.front() == '0')
        hex = hex.sliced(1);
    if (hex.size() > 15)
        return -2;
    qint64 size = 0;
    for (char c : hex)
        size = size * 16 + (c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
    return size;
}

void HttpFramer::finishHead(QList<Output> &out, QByteArrayView head)
{
    QString error;
    m_current = parseHead(head, &error);
    m_buffer.clear();
    m_headScan = 0;
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
    // Heads and chunk lines are never searched or buffered past this (m_buffer stays below it).
    const qsizetype limit = qMax<qsizetype>(1, m_limits.maxHeaderBytes);
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
            // Usually the whole head arrives in one read: search it in place and copy nothing. A head
            // split across reads is continued in m_buffer, from where the last search stopped.
            const bool inPlace = m_buffer.isEmpty();
            const qsizetype before = m_buffer.size();
            const qsizetype take = qMin(n - i, limit - before);
            if (!inPlace)
                m_buffer.append(data.data() + i, take);
            const QByteArrayView pending = inPlace ? data.sliced(i, take) : QByteArrayView(m_buffer);
            if (!methodLooksValid(pending)) {
                // TLS on the plain port, binary junk: no need to wait for a line end that never comes.
                m_current = {};
                fail(out, Event::Malformed, QStringLiteral("not an HTTP request"));
                break;
            }
            const qsizetype headSize = findHeadEnd(pending, inPlace ? 0 : m_headScan, &m_headScan);
            if (headSize < 0) {
                if (pending.size() >= limit) {
                    // No end within the limit: whatever follows, this head is too large.
                    QString ignored;
                    m_current = parseHead(pending, &ignored);
                    fail(out, Event::HeaderTooLarge);
                    break;
                }
                if (inPlace)
                    m_buffer.append(pending.data(), pending.size());
                i += take;
                break;
            }
            i += headSize - before; // what follows belongs to the body or the next request
            finishHead(out, pending.first(headSize));
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
            const qsizetype take = qMin(n - i, limit - m_buffer.size());
            const qsizetype nl = data.sliced(i, take).indexOf('\n');
            const qsizetype stop = nl < 0 ? take : nl + 1;
            m_buffer.append(data.data() + i, stop);
            i += stop;
            if (nl < 0) {
                if (m_buffer.size() >= limit)
                    fail(out, Event::HeaderTooLarge);
                break;
            }
            const QByteArray lineBytes = std::exchange(m_buffer, {});
            const QByteArrayView line = stripLineEnd(lineBytes);
            if (line.contains('\r')) {
                fail(out, Event::Malformed, QStringLiteral("bare CR in a chunk line"));
                break;
            }
            if (m_state == State::Trailer) {
                qsizetype colon = -1;
                const char *why = line.isEmpty() ? nullptr : fieldLineError(line, &colon);
                if (why)
                    fail(out, Event::Malformed, QStringLiteral("trailer: ") + QString::fromLatin1(why));
                else if (line.isEmpty())
                    complete(out);
                break;
            }
            const qint64 size = parseChunkSize(line);
            if (size < 0) {
                fail(out, Event::Malformed,
                    size == -2 ? QStringLiteral("chunk size too large")
                               : QStringLiteral("invalid chunk size"));
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
                m_chunkCR = false;
            }
            break;
        }
        case State::ChunkDataEnd: {
            // CRLF, or a bare LF (RFC 9112 section 2.2); anything else means the size was wrong.
            const char ch = data[i++];
            if (ch == '\r' && !m_chunkCR) {
                m_chunkCR = true;
            } else if (ch == '\n') {
                m_state = State::ChunkSize;
            } else {
                fail(out, Event::Malformed, QStringLiteral("chunk data not followed by CRLF"));
            }
            break;
        }
        case State::Failed:
            break;
        }
    }
    return out;
}

} // namespace cbi
