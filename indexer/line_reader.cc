#include "indexer/line_reader.h"

#include <cstring>

namespace morgue {

namespace {
constexpr size_t kChunk = 1 << 16;
}

LineReader::LineReader(ByteStream& in, size_t max_line) : in_(in), max_(max_line) {}

Status LineReader::fill()
{
    if (pos_ > 0 && pos_ == buf_.size()) {
        buf_.clear();
        pos_ = 0;
    } else if (pos_ > kChunk) {
        buf_.erase(0, pos_);
        pos_ = 0;
    }
    size_t old = buf_.size();
    buf_.resize(old + kChunk);
    size_t got = 0;
    Status s = in_.read(buf_.data() + old, kChunk, &got);
    buf_.resize(old + got);
    if (s.ok() && got == 0) eof_ = true;
    return s;
}

Status LineReader::next(std::string* line, Result* result)
{
    size_t rel = 0; // bytes after pos_ already known to hold no '\n'
    bool overflow = false;
    for (;;) {
        size_t avail = buf_.size() - pos_ - rel;
        const void* nl = avail ? std::memchr(buf_.data() + pos_ + rel, '\n', avail) : nullptr;
        if (nl) {
            size_t end = static_cast<size_t>(static_cast<const char*>(nl) - buf_.data());
            ++line_no_;
            if (overflow || end - pos_ > max_) {
                *result = Result::too_long;
                line->clear();
            } else {
                size_t len = end - pos_;
                if (len && buf_[end - 1] == '\r') --len;
                line->assign(buf_, pos_, len);
                *result = Result::line;
            }
            pos_ = end + 1;
            return Status::Ok();
        }
        rel = buf_.size() - pos_;
        if (rel > max_) {
            // Past the limit: forget what we have and keep looking for '\n'.
            overflow = true;
            buf_.clear();
            pos_ = 0;
            rel = 0;
        }
        if (eof_) break;
        Status s = fill(); // keeps pos_-relative offsets valid
        if (!s.ok()) return s;
    }
    // End of stream: a last line without '\n'.
    if (pos_ == buf_.size() && !overflow) {
        *result = Result::eof;
        return Status::Ok();
    }
    ++line_no_;
    if (overflow || buf_.size() - pos_ > max_) {
        *result = Result::too_long;
        line->clear();
    } else {
        line->assign(buf_, pos_, std::string::npos);
        if (!line->empty() && line->back() == '\r') line->pop_back();
        *result = Result::line;
    }
    buf_.clear();
    pos_ = 0;
    return Status::Ok();
}

Status LineReader::peek(size_t n, std::string_view* out)
{
    // Stop early once a whole line is in: on a pipe, more may be a long
    // time coming, and one line is enough to tell the format.
    while (buf_.size() - pos_ < n && !eof_ && buf_.find('\n', pos_) == std::string::npos) {
        Status s = fill();
        if (!s.ok()) return s;
    }
    *out = std::string_view(buf_).substr(pos_, n);
    return Status::Ok();
}

Status LineReader::read_rest(size_t max, std::string* out, bool* too_big)
{
    *too_big = false;
    out->clear();
    for (;;) {
        if (buf_.size() - pos_ > max) {
            *too_big = true;
            buf_.clear();
            pos_ = 0;
        }
        if (eof_) break;
        Status s = fill();
        if (!s.ok()) return s;
    }
    if (!*too_big) out->assign(buf_, pos_, std::string::npos);
    buf_.clear();
    pos_ = 0;
    return Status::Ok();
}

} // namespace morgue
