// SPDX-License-Identifier: MIT
// Opens N connections at once, sends one OpenIM-shaped POST on each, and reports when the replies
// came, measured from each request's own send: wall time, lateness percentiles (reply time minus the
// expected delay), the earliest reply and how many came early or failed. One JSON object on stdout.
//   cbi-burst PORT [N=1000] [DELAY_MS=1000] [PATH=/callbackExample/callbackBeforeSendSingleMsgCommand]
// Plain epoll and non-blocking sockets: a client that polls all N sockets on every loop (as Qt 6.4's
// dispatchers do) would itself add the lateness it is there to measure.
#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

namespace {
double nowMs()
{
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

struct Request
{
    int fd = -1;
    bool sent = false;
    double sentAt = 0;
    std::string reply;
};

// A whole response: head and Content-Length bytes of body.
bool complete(const std::string &r)
{
    const size_t end = r.find("\r\n\r\n");
    if (end == std::string::npos)
        return false;
    size_t length = 0;
    const size_t cl = r.find("Content-Length: ");
    if (cl != std::string::npos && cl < end)
        length = size_t(std::strtoul(r.c_str() + cl + 16, nullptr, 10));
    return r.size() >= end + 4 + length;
}
} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: cbi-burst PORT [N] [DELAY_MS] [PATH]\n");
        return 2;
    }
    const int port = std::atoi(argv[1]);
    const int count = argc > 2 ? std::atoi(argv[2]) : 1000;
    const double delayMs = argc > 3 ? std::atof(argv[3]) : 1000;
    const std::string path = argc > 4 ? argv[4] : "/callbackExample/callbackBeforeSendSingleMsgCommand";
    rlimit limit;
    getrlimit(RLIMIT_NOFILE, &limit);
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);

    const std::string body =
        R"({"sendID":"user_alice","callbackCommand":"callbackBeforeSendSingleMsgCommand",)"
        R"("recvID":"user_bob","contentType":101,"content":"hi"})"
        "\n";
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_port = htons(uint16_t(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);

    const int epoll = epoll_create1(EPOLL_CLOEXEC);
    std::vector<Request> requests(static_cast<size_t>(count));
    std::vector<double> latency;
    latency.reserve(size_t(count));
    int failed = 0;
    int done = 0;
    const double start = nowMs();
    for (int i = 0; i < count; ++i) {
        Request &r = requests[size_t(i)];
        r.fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (r.fd < 0) {
            std::fprintf(stderr, "request %d: socket: %s\n", i, std::strerror(errno));
            ++failed;
            ++done;
            continue;
        }
        const int one = 1;
        setsockopt(r.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        if (connect(r.fd, reinterpret_cast<sockaddr *>(&address), sizeof address) < 0
            && errno != EINPROGRESS) {
            std::fprintf(stderr, "request %d: connect: %s\n", i, std::strerror(errno));
            close(r.fd);
            r.fd = -1;
            ++failed;
            ++done;
            continue;
        }
        epoll_event event {};
        event.events = EPOLLOUT;
        event.data.u32 = uint32_t(i);
        epoll_ctl(epoll, EPOLL_CTL_ADD, r.fd, &event);
    }

    auto finish = [&](Request &r, bool ok) {
        if (ok)
            latency.push_back(nowMs() - r.sentAt);
        else
            ++failed;
        epoll_ctl(epoll, EPOLL_CTL_DEL, r.fd, nullptr);
        close(r.fd);
        r.fd = -1;
        ++done;
    };
    std::vector<epoll_event> events(1024);
    const double deadline = start + delayMs + 30000;
    char buffer[4096];
    while (done < count && nowMs() < deadline) {
        const int n = epoll_wait(epoll, events.data(), int(events.size()), 100);
        for (int e = 0; e < n; ++e) {
            Request &r = requests[events[size_t(e)].data.u32];
            if (r.fd < 0)
                continue;
            const uint32_t what = events[size_t(e)].events;
            if (!r.sent) {
                int error = 0;
                socklen_t length = sizeof error;
                getsockopt(r.fd, SOL_SOCKET, SO_ERROR, &error, &length);
                if (error != 0) {
                    std::fprintf(
                        stderr, "request %u: %s\n", events[size_t(e)].data.u32, std::strerror(error));
                    finish(r, false);
                    continue;
                }
                const std::string request = "POST " + path
                    + " HTTP/1.1\r\nHost: 127.0.0.1\r\noperationID: burst-"
                    + std::to_string(events[size_t(e)].data.u32)
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size())
                    + "\r\n\r\n" + body;
                r.sentAt = nowMs();
                if (write(r.fd, request.data(), request.size()) != ssize_t(request.size())) {
                    finish(r, false);
                    continue;
                }
                r.sent = true;
                epoll_event event {};
                event.events = EPOLLIN | EPOLLRDHUP;
                event.data.u32 = events[size_t(e)].data.u32;
                epoll_ctl(epoll, EPOLL_CTL_MOD, r.fd, &event);
                continue;
            }
            if (what & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)) {
                for (;;) {
                    const ssize_t got = read(r.fd, buffer, sizeof buffer);
                    if (got > 0) {
                        r.reply.append(buffer, size_t(got));
                        continue;
                    }
                    if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
                        break;
                    break; // closed or failed: judged below
                }
                if (complete(r.reply))
                    finish(r, r.reply.compare(0, 12, "HTTP/1.1 200") == 0); // an error reply is a failure
                else if (what & (EPOLLRDHUP | EPOLLHUP | EPOLLERR))
                    finish(r, false);
            }
        }
    }
    failed += count - done; // still waiting at the deadline
    const double wall = nowMs() - start;
    double lastSend = start;
    for (const Request &r : requests)
        lastSend = std::max(lastSend, r.sentAt);
    std::sort(latency.begin(), latency.end());
    auto pct = [&](double p) {
        return latency.empty()
            ? 0.0
            : latency[std::min(latency.size() - 1, size_t(p / 100.0 * double(latency.size())))] - delayMs;
    };
    const auto early = std::count_if(latency.begin(), latency.end(), [&](double l) { return l < delayMs; });
    std::printf("{\"requests\": %d, \"ok\": %zu, \"failed\": %d, \"delayMs\": %.0f, \"wallMs\": %.1f, "
                "\"lastSendMs\": %.1f, \"earliestReplyMs\": %.2f, \"early\": %ld, \"latenessMs\": {\"p50\": "
                "%.2f, \"p99\": %.2f, "
                "\"max\": %.2f}}\n",
        count, latency.size(), failed, delayMs, wall, lastSend - start,
        latency.empty() ? 0.0 : latency.front(), long(early), pct(50), pct(99),
        latency.empty() ? 0.0 : latency.back() - delayMs);
    return failed == 0 ? 0 : 1;
}
