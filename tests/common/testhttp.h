// SPDX-License-Identifier: MIT
// A blocking HTTP/1.1 client for black-box tests over real sockets (the server under test runs on
// another thread or process).
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QTcpSocket>

namespace testhttp {

// A callback as OpenIM v3.4.2 and later posts it: the command under /callbackExample, an operationID header.
inline QByteArray callbackRequest(
    const QByteArray &command, const QByteArray &body, const QByteArray &operationID)
{
    return "POST /callbackExample/" + command + " HTTP/1.1\r\nHost: x\r\noperationID: " + operationID
        + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
        + "\r\n\r\n" + body;
}

struct Response
{
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(QByteArrayView name) const
    {
        for (const auto &h : headers) {
            if (QByteArrayView(h.first).compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        }
        return {};
    }
};

// Parses as many complete responses as the buffer holds (100 Continue included), removing them.
inline QList<Response> parseResponses(QByteArray &buffer)
{
    QList<Response> out;
    for (;;) {
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return out;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        Response r;
        r.status = lines.first().split(' ').value(1).toInt();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            r.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
        }
        if (r.status == 100) {
            buffer.remove(0, end + 4);
            out.append(r);
            continue;
        }
        if (r.header("transfer-encoding").compare("chunked", Qt::CaseInsensitive) == 0) {
            qsizetype pos = end + 4;
            QByteArray body;
            for (;;) {
                const qsizetype nl = buffer.indexOf("\r\n", pos);
                if (nl < 0)
                    return out; // more to come
                const qint64 size = buffer.mid(pos, nl - pos).toLongLong(nullptr, 16);
                if (buffer.size() < nl + 2 + size + 2)
                    return out;
                body += buffer.mid(nl + 2, size);
                pos = nl + 2 + size + 2;
                if (size == 0)
                    break;
            }
            r.body = body;
            buffer.remove(0, pos);
            out.append(r);
            continue;
        }
        const qsizetype length = r.header("content-length").toLongLong();
        if (buffer.size() < end + 4 + length)
            return out;
        r.body = buffer.mid(end + 4, length);
        buffer.remove(0, end + 4 + length);
        out.append(r);
    }
}

inline QByteArray request(const QByteArray &method, const QByteArray &target, const QByteArray &body = {},
    const QByteArray &extraHeaders = {}, const QByteArray &version = "HTTP/1.1")
{
    return method + ' ' + target + ' ' + version + "\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + extraHeaders + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

// Connects if needed, sends, and reads until `count` final responses arrived (or the timeout).
inline QList<Response> exchange(
    QTcpSocket &socket, quint16 port, const QByteArray &data, int count = 1, int timeoutMs = 5000)
{
    if (socket.state() != QAbstractSocket::ConnectedState) {
        socket.connectToHost(QHostAddress::LocalHost, port);
        if (!socket.waitForConnected(2000))
            return {};
    }
    socket.write(data);
    socket.flush();
    QList<Response> out;
    QByteArray buffer;
    QElapsedTimer timer;
    timer.start();
    int finals = 0;
    while (finals < count && timer.elapsed() < timeoutMs) {
        if (socket.bytesAvailable() == 0 && !socket.waitForReadyRead(int(timeoutMs - timer.elapsed())))
            break;
        buffer += socket.readAll();
        for (const Response &r : parseResponses(buffer)) {
            out.append(r);
            finals += r.status == 100 ? 0 : 1;
        }
    }
    return out;
}

// One request on a fresh connection; status 0 when nothing came back.
inline Response call(quint16 port, const QByteArray &method, const QByteArray &target,
    const QByteArray &body = {}, const QByteArray &extraHeaders = {}, int timeoutMs = 5000)
{
    QTcpSocket socket;
    const auto replies = exchange(socket, port, request(method, target, body, extraHeaders), 1, timeoutMs);
    return replies.isEmpty() ? Response() : replies.last();
}

// Two one-to-one messages, as OpenIM's before-send callback carries them.
inline const QByteArray aliceToBob =
    R"({"sendID":"alice","recvID":"bob","callbackCommand":"callbackBeforeSendSingleMsgCommand"})";
inline const QByteArray carolToDan =
    R"({"sendID":"carol","recvID":"dan","callbackCommand":"callbackBeforeSendSingleMsgCommand"})";

} // namespace testhttp
