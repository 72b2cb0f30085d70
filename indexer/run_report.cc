#include "indexer/run_report.h"

#include <cstdio>

namespace morgue {

std::string input_place(const std::string& path, uint64_t line)
{
    std::string p = path == "-" ? "<stdin>" : path;
    return line ? p + ":" + std::to_string(line) : p;
}

void RunReport::message(const std::string& where, const char* level, const std::string& what)
{
    clear_progress();
    std::fprintf(stderr, "morgue-index: %s: %s: %s\n", where.c_str(), level, what.c_str());
}

void RunReport::warn(const std::string& where, const std::string& what)
{
    if (!quiet_) message(where, "warning", what);
}

Status RunReport::failed(const std::string& where, const std::string& what)
{
    message(where, "error", what);
    ++sum_.failed;
    return Status::Ok();
}

Status RunReport::failed(const std::string& what)
{
    clear_progress();
    std::fprintf(stderr, "morgue-index: error: %s\n", what.c_str());
    ++sum_.failed;
    return Status::Ok();
}

void RunReport::start_progress(bool enabled, uint64_t total_bytes)
{
    progress_ = std::make_unique<Progress>(enabled, total_bytes);
}

void RunReport::reading(std::shared_ptr<uint64_t> raw_bytes_read)
{
    current_raw_ = std::move(raw_bytes_read);
}

void RunReport::input_done()
{
    done_raw_ += *current_raw_;
    current_raw_ = std::make_shared<uint64_t>(0);
}

void RunReport::article_written()
{
    if (progress_) progress_->update(sum_.added + sum_.replaced, sum_.text_bytes, done_raw_ + *current_raw_);
}

double RunReport::finish()
{
    clear_progress();
    return progress_ ? progress_->elapsed_seconds() : 0;
}

void RunReport::clear_progress()
{
    if (progress_) progress_->clear();
}

} // namespace morgue
