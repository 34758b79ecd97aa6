// SPDX-License-Identifier: MIT
// The capture server on its own thread (as in the GUI) on port 0, for black-box tests over real
// sockets: the tests use blocking client sockets. A test class derives from it and calls
// setUpServer() in init() and tearDownServer() in cleanup().
#pragma once

#include "capture/capturestore.h"
#include "server/captureserver.h"
#include "server/epolldispatcher.h"
#include "testhttp.h"

#include <QTcpSocket>
#include <QTest>
#include <QThread>

#include <cerrno>
#include <poll.h>
#include <sys/socket.h>

namespace serverfixture {

using namespace cbi;

using testhttp::parseResponses;
using testhttp::Response;

QByteArray post(const QByteArray &path, const QByteArray &body, const QByteArray &extraHeaders = {},
    const QByteArray &version = "HTTP/1.1")
{
    return testhttp::request("POST", path, body, extraHeaders, version);
}

const QByteArray sampleBody = "{\"sendID\":\"u1\",\"recvID\":\"u2\",\"callbackCommand\":"
                              "\"callbackBeforeSendSingleMsgCommand\",\"contentType\":101}";

// JSON with single quotes for readability (moc cannot read raw strings with quotes).
QByteArray q(const char *text)
{
    return QByteArray(text).replace('\'', '"');
}

class ServerFixture
{
protected:
    QThread m_thread;
    CaptureStore *m_store = nullptr;
    CaptureServer *m_server = nullptr;
    quint16 m_port = 0;

    bool startServer(const ServerConfig &config)
    {
        bool ok = false;
        QMetaObject::invokeMethod(
            m_server,
            [&] {
                ok = m_server->start(config);
                m_port = m_server->serverPort();
            },
            Qt::BlockingQueuedConnection);
        return ok;
    }

    // The rule engine answers from now on (instead of the tests' header-driven planner).
    void useScenario(const Scenario &scenario)
    {
        QMetaObject::invokeMethod(
            m_server,
            [&] {
                m_server->setPlanner({});
                m_server->setScenario(scenario);
            },
            Qt::BlockingQueuedConnection);
    }

    static ServerConfig testConfig()
    {
        ServerConfig config;
        config.port = 0;
        config.maxBodyBytes = 64 * 1024;
        config.maxHeaderBytes = 4 * 1024;
        return config;
    }

    QList<Response> exchange(QTcpSocket &socket, const QByteArray &data, int count, int timeoutMs = 5000)
    {
        return testhttp::exchange(socket, m_port, data, count, timeoutMs);
    }

    QList<CapturedRequest> waitForCaptures(int count)
    {
        QTest::qWaitFor([&] { return m_store->size() >= count; }, 5000);
        const auto captures = m_store->snapshot();
        if (captures.size() != count)
            qWarning("expected %d captures, have %lld", count, qlonglong(captures.size()));
        return captures;
    }

    void setUpServer()
    {
        m_store = new CaptureStore(1000);
        m_store->setFlushIntervalMs(5);
        m_server = new CaptureServer(m_store);
        // Tests choose the delay per request with a header.
        m_server->setPlanner([](CapturedRequest &c) {
            c.reply = continueReply(c.headerValue("x-test-delay").toInt());
            if (c.headerValue("x-test-status").size())
                c.reply.status = c.headerValue("x-test-status").toInt();
            if (c.headerValue("x-test-fault").size())
                c.reply.fault = faultFromName(QString::fromLatin1(c.headerValue("x-test-fault")));
            c.reply.dripIntervalMs = 20;
            c.reply.dripBytes = 16;
        });
        m_server->moveToThread(&m_thread);
        m_thread.setEventDispatcher(new EpollDispatcher); // as in serve and the window's server thread
        m_thread.start();
        QVERIFY(startServer(testConfig()));
        QVERIFY(m_port != 0);
    }

    void tearDownServer()
    {
        QMetaObject::invokeMethod(
            m_server, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
        delete m_store;
    }

    // Reads from the raw descriptor: 0 bytes is a FIN, -1 with ECONNRESET an RST.
    static int rawReceive(QTcpSocket &socket, QByteArray *data, int *error)
    {
        const int fd = int(socket.socketDescriptor());
        for (;;) {
            pollfd p {fd, POLLIN, 0};
            if (::poll(&p, 1, 3000) <= 0)
                return -2; // nothing within 3 s
            char buffer[4096];
            const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
            if (n > 0) {
                data->append(buffer, n);
                continue;
            }
            *error = n < 0 ? errno : 0;
            return int(n);
        }
    }
};

} // namespace serverfixture
