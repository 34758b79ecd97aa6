// SPDX-License-Identifier: MIT
// Times HttpFramer::feed over pipelined tiny requests (`POST /x` with `Content-Length: 2`), CRLF and
// bare LF, in one feed and in reads of 64 KiB as a socket gives them. Framing must cost time linear in
// the bytes: the table shows the median of several runs and the ratio per doubling of the input. Times
// are the thread's CPU time (the framer's work, its allocations and page faults), which suffers less than
// wall time when another build shares the cores.
//   cbi-bench-framer [--reps N=5] [--one-feed] [SIZE_MB ...]   (default sizes 1 2 4 8 16 20)
// Defect 4 of the November reliability report: the old framer searched the rest of the input for
// every request, 28.7 s for 2.1 MB.
#include "http/httpframer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <vector>

using namespace cbi;

namespace {

struct Run
{
    double ms = 0;
    qsizetype requests = 0;
};

double cpuMs()
{
    timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

Run feedOnce(const QByteArray &input, qsizetype slice)
{
    HttpFramer framer;
    const double start = cpuMs();
    qsizetype completes = 0;
    for (qsizetype i = 0; i < input.size(); i += slice) {
        const auto out = framer.feed(QByteArrayView(input).sliced(i, qMin(slice, input.size() - i)));
        for (const auto &o : out)
            completes += o.event == HttpFramer::Event::Complete ? 1 : 0;
    }
    return {cpuMs() - start, completes};
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

} // namespace

int main(int argc, char **argv)
{
    int reps = 5;
    bool oneFeedOnly = false;
    std::vector<double> sizes;
    for (int a = 1; a < argc; ++a) {
        if (std::strcmp(argv[a], "--reps") == 0 && a + 1 < argc)
            reps = std::max(1, std::atoi(argv[++a]));
        else if (std::strcmp(argv[a], "--one-feed") == 0)
            oneFeedOnly = true;
        else
            sizes.push_back(std::atof(argv[a]));
    }
    if (sizes.empty())
        sizes = {1, 2, 4, 8, 16, 20};

    std::printf("| line ends | feed | MB | requests | median CPU ms | min | max | MB/s | x per doubling |\n");
    std::printf("| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
    for (const char *eol : {"\r\n", "\n"}) {
        const QByteArray e(eol);
        const QByteArray one = "POST /x HTTP/1.1" + e + "Host: x" + e + "Content-Length: 2" + e + e + "{}";
        for (const qsizetype slice : {qsizetype(0), qsizetype(64 * 1024)}) {
            if (slice && oneFeedOnly)
                continue;
            double previousMs = 0;
            double previousMb = 0;
            for (const double mb : sizes) {
                const qsizetype count = qsizetype(mb * 1024 * 1024) / one.size();
                const QByteArray input = one.repeated(count);
                std::vector<double> times;
                for (int r = 0; r < reps; ++r) {
                    const Run run = feedOnce(input, slice ? slice : input.size());
                    if (run.requests != count) {
                        std::fprintf(stderr, "framed %lld of %lld requests\n", qlonglong(run.requests),
                            qlonglong(count));
                        return 1;
                    }
                    times.push_back(run.ms);
                }
                const double ms = median(times);
                // Scaled to a doubling of the input, so uneven steps (16 -> 20 MB) compare too.
                char perDoubling[32] = "-";
                if (previousMs > 0)
                    std::snprintf(perDoubling, sizeof perDoubling, "%.2f",
                        std::pow(ms / previousMs, 1.0 / std::log2(mb / previousMb)));
                std::printf("| %s | %s | %g | %lld | %.1f | %.1f | %.1f | %.1f | %s |\n",
                    eol[0] == '\r' ? "CRLF" : "LF", slice ? "64 KiB reads" : "one feed", mb, qlonglong(count),
                    ms, *std::min_element(times.begin(), times.end()),
                    *std::max_element(times.begin(), times.end()), mb / (ms / 1000), perDoubling);
                std::fflush(stdout);
                previousMs = ms;
                previousMb = mb;
            }
        }
    }
    return 0;
}
