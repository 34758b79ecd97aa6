// SPDX-License-Identifier: MIT
// Opens N connections at once, sends one OpenIM-shaped POST on each, and reports when the replies
// came, measured from each request's own send: wall time, lateness percentiles (reply time minus the
// expected delay), the earliest reply and how many came early or failed. One JSON object on stdout.
//   cbi-burst PORT [N=1000] [DELAY_MS=1000]
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: cbi-burst PORT [N] [DELAY_MS]\n");
        return 2;
    }
    const quint16 port = quint16(args.at(1).toUInt());
    const int count = args.size() > 2 ? args.at(2).toInt() : 1000;
    const double delayMs = args.size() > 3 ? args.at(3).toDouble() : 1000;
    const QByteArray body =
        R"({"sendID":"user_alice","callbackCommand":"callbackBeforeSendSingleMsgCommand",)"
        R"("recvID":"user_bob","contentType":101,"content":"hi"})"
        "\n";

    QElapsedTimer clock;
    clock.start();
    std::vector<qint64> sentAt(size_t(count), -1);
    std::vector<double> latency;
    latency.reserve(size_t(count));
    int done = 0;
    int failed = 0;
    auto finish = [&] {
        if (++done == count)
            QCoreApplication::quit();
    };
    for (int i = 0; i < count; ++i) {
        auto *socket = new QTcpSocket(&app);
        auto *buffer = new QByteArray;
        QObject::connect(socket, &QTcpSocket::connected, socket, [=, &sentAt, &clock] {
            sentAt[size_t(i)] = clock.nsecsElapsed();
            socket->write(
                "POST /callbackExample/callbackBeforeSendSingleMsgCommand HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                "operationID: burst-"
                + QByteArray::number(i) + "\r\nContent-Type: application/json\r\nContent-Length: "
                + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        });
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [=, &latency, &sentAt, &clock, &finish] {
            *buffer += socket->readAll();
            const qsizetype end = buffer->indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const qsizetype cl = buffer->indexOf("Content-Length: ");
            const qsizetype length =
                cl < 0 ? 0 : buffer->mid(cl + 16, buffer->indexOf('\r', cl) - cl - 16).toLongLong();
            if (buffer->size() < end + 4 + length)
                return;
            latency.push_back(double(clock.nsecsElapsed() - sentAt[size_t(i)]) / 1e6);
            socket->disconnect();
            socket->abort();
            delete buffer;
            finish();
        });
        QObject::connect(socket, &QTcpSocket::errorOccurred, socket, [=, &failed, &finish] {
            std::fprintf(stderr, "request %d: %s\n", i, qPrintable(socket->errorString()));
            socket->disconnect();
            ++failed;
            finish();
        });
        socket->connectToHost(QHostAddress::LocalHost, port);
    }
    QTimer::singleShot(int(delayMs) + 30000, &app, [] { QCoreApplication::exit(1); });
    const int code = app.exec();
    const double wall = double(clock.nsecsElapsed()) / 1e6;
    std::sort(latency.begin(), latency.end());
    auto pct = [&](double p) {
        return latency.empty()
            ? 0.0
            : latency[std::min(latency.size() - 1, size_t(p / 100.0 * double(latency.size())))] - delayMs;
    };
    const auto early = std::count_if(latency.begin(), latency.end(), [&](double l) { return l < delayMs; });
    std::printf("{\"requests\": %d, \"ok\": %zu, \"failed\": %d, \"delayMs\": %.0f, \"wallMs\": %.1f, "
                "\"earliestReplyMs\": %.2f, \"early\": %ld, \"latenessMs\": {\"p50\": %.2f, \"p99\": %.2f, "
                "\"max\": %.2f}}\n",
        count, latency.size(), failed, delayMs, wall, latency.empty() ? 0.0 : latency.front(), long(early),
        pct(50), pct(99), latency.empty() ? 0.0 : latency.back() - delayMs);
    return code;
}
