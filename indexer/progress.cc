#include "indexer/progress.h"

#include <algorithm>
#include <cstdio>

namespace morgue {

Progress::Progress(bool enabled, uint64_t total_bytes)
    : enabled_(enabled), total_(total_bytes), start_(std::chrono::steady_clock::now()), last_(start_) {}

double Progress::elapsed_seconds() const
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void Progress::update(uint64_t articles, uint64_t text_bytes, uint64_t input_bytes)
{
    if (!enabled_) return;
    auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::milliseconds(250)) return;
    last_ = now;
    double secs = elapsed_seconds();
    double rate = secs > 0 ? articles / secs : 0;
    char bar[32] = "";
    char eta[32] = "";
    if (total_ > 0) {
        double frac = std::min(1.0, static_cast<double>(input_bytes) / static_cast<double>(total_));
        int filled = static_cast<int>(frac * 20);
        std::string b = "[" + std::string(filled, '#') + std::string(20 - filled, '.') + "]";
        std::snprintf(bar, sizeof bar, "%s %3d%% ", b.c_str(), static_cast<int>(frac * 100));
        if (frac > 0.001) {
            auto left = static_cast<long>(secs / frac - secs);
            std::snprintf(eta, sizeof eta, "  ETA %ld:%02ld", left / 60, left % 60);
        }
    }
    std::fprintf(stderr, "\r%s%llu articles  %.1f MB  %.0f articles/s%s\033[K", bar,
                 static_cast<unsigned long long>(articles), text_bytes / 1e6, rate, eta);
    std::fflush(stderr);
    drawn_ = true;
}

void Progress::clear()
{
    if (drawn_) {
        std::fputs("\r\033[K", stderr);
        drawn_ = false;
    }
}

} // namespace morgue
