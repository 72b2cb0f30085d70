#include "indexer/thread_cpu.h"

#include <algorithm>
#include <ctime>
#include <mutex>

namespace morgue {

namespace {
std::mutex mu;
std::map<std::string, ThreadCpu>& table()
{
    static std::map<std::string, ThreadCpu> t;
    return t;
}
} // namespace

void record_thread_cpu(const std::string& kind)
{
    timespec ts{};
    if (::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) != 0) return;
    const double s = static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
    std::lock_guard<std::mutex> g(mu);
    ThreadCpu& t = table()[kind];
    t.seconds += s;
    t.max_seconds = std::max(t.max_seconds, s);
    ++t.threads;
}

std::map<std::string, ThreadCpu> thread_cpu()
{
    std::lock_guard<std::mutex> g(mu);
    return table();
}

} // namespace morgue
