// The progress bar on a terminal: articles, MB, articles/s and ETA.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace morgue {

class Progress {
public:
    // `enabled` is false when stderr is not a terminal or --quiet was given.
    Progress(bool enabled, uint64_t total_bytes);
    // Called often; redraws at most a few times a second.
    void update(uint64_t articles, uint64_t text_bytes, uint64_t input_bytes);
    // Erases the bar so that a message can be printed on a clean line.
    void clear();
    double elapsed_seconds() const;

private:
    bool enabled_;
    uint64_t total_;
    bool drawn_ = false;
    std::chrono::steady_clock::time_point start_, last_;
};

} // namespace morgue
