// SPDX-License-Identifier: MIT
#include "connection.h"

namespace cbi {

Connection::~Connection()
{
    m_registry->remove(this);
}

void Connection::onReadyRead()
{
    if (m_rejecting || m_lastRequest) {
        m_socket->readAll(); // drop what follows a rejected or last request
        return;
    }
    m_lastActivity.restart();
    for (;;) {
        handleParsed();
        if (m_rejecting || m_lastRequest || !m_parsed.empty()
            || m_socket->state() != QAbstractSocket::ConnectedState)
            return;
        if (backlogged()) {
            m_paused = true; // resumeIfDrained() picks up when the replies have gone
            return;
        }
        const QByteArray data = m_socket->read(readChunk);
        if (data.isEmpty())
            return;
        for (auto &o : m_framer.feed(data))
            m_parsed.push_back(std::move(o));
    }
}

// Handles framed requests in order until the connection is backlogged.
void Connection::handleParsed()
{
    while (!m_parsed.empty()) {
        if (backlogged()) {
            m_paused = true;
            return;
        }
        HttpFramer::Output o = std::move(m_parsed.front());
        m_parsed.pop_front();
        switch (o.event) {
        case HttpFramer::Event::Head:
            // Clients that send Expect wait (curl: a second) before the body without this.
            if (o.head.expectContinue && (o.head.chunked || o.head.contentLength > 0))
                m_socket->write(QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n"));
            break;
        case HttpFramer::Event::Complete:
            m_sink->handleRequest(this, o.head, std::move(o.body));
            if (m_lastRequest || m_streaming) {
                m_parsed.clear(); // an event stream or export owns the connection from here
                return;
            }
            if (!o.head.keepAlive) {
                m_lastRequest = true;
                m_parsed.clear();
                return;
            }
            if (m_socket->state() != QAbstractSocket::ConnectedState) {
                m_parsed.clear();
                return; // a fault closed it
            }
            break;
        case HttpFramer::Event::HeaderTooLarge:
        case HttpFramer::Event::BodyTooLarge:
        case HttpFramer::Event::Malformed:
            m_parsed.clear();
            reject(o);
            return;
        }
    }
}

void Connection::reject(const HttpFramer::Output &failure)
{
    m_rejecting = true;
    m_sink->rejectRequest(this, failure);
}

} // namespace cbi
