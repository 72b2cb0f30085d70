// What an indexing run tells its user while it runs: a message for each
// problem (between redraws of the progress bar), the summary's counts and
// the progress bar itself.
#pragma once

#include "indexer/index_run.h"
#include "indexer/progress.h"
#include "common/status.h"

#include <cstdint>
#include <memory>
#include <string>

namespace morgue {

// "FILE:LINE" for a message ("<stdin>" for "-"; no line when 0).
std::string input_place(const std::string& path, uint64_t line = 0);

class RunReport {
public:
    RunReport(IndexSummary& summary, bool quiet) : sum_(summary), quiet_(quiet) {}

    IndexSummary& summary() { return sum_; }
    bool quiet() const { return quiet_; }

    // Prints "morgue-index: WHERE: LEVEL: WHAT".
    void message(const std::string& where, const char* level, const std::string& what);
    // A warning, unless --quiet.
    void warn(const std::string& where, const std::string& what);
    // Bad input costs what it spoils, not the run: one message, one more
    // failure counted, and Ok so that the caller goes on with the next input.
    Status failed(const std::string& where, const std::string& what);
    // The same for a failure whose message names its own place.
    Status failed(const std::string& what);

    // The bar over `total_bytes` of input (shown when `enabled`).
    void start_progress(bool enabled, uint64_t total_bytes);
    // The input now read shares its count of raw bytes read with its stream.
    void reading(std::shared_ptr<uint64_t> raw_bytes_read);
    void input_done();
    // Redraws the bar, if it is time, after an article was written.
    void article_written();
    // Erases the bar for good; the seconds since it started.
    double finish();

private:
    void clear_progress();

    IndexSummary& sum_;
    bool quiet_;
    std::unique_ptr<Progress> progress_;
    uint64_t done_raw_ = 0; // raw bytes of the inputs read before this one
    std::shared_ptr<uint64_t> current_raw_ = std::make_shared<uint64_t>(0);
};

} // namespace morgue
