// Splits a ByteStream into lines with a hard size limit, so that one 50 MB
// line costs a bounded buffer, not 50 MB of memory.
#pragma once

#include "indexer/byte_stream.h"

#include <string>

namespace morgue {

class LineReader {
public:
    LineReader(ByteStream& in, size_t max_line);

    enum class Result { line, too_long, eof };
    // Reads the next line (without its '\n' or "\r\n"). A line longer than
    // max_line is skipped to its end and reported as too_long.
    Status next(std::string* line, Result* result);
    // The 1-based number of the line last returned.
    uint64_t line_number() const { return line_no_; }

    // Up to `n` bytes still to be read, without consuming them: fewer at end
    // of stream, or once at least one whole line is buffered.
    Status peek(size_t n, std::string_view* out);

    // Everything still to be read, if it is at most `max` bytes; otherwise
    // *too_big is set and the stream is drained to its end.
    Status read_rest(size_t max, std::string* out, bool* too_big);

private:
    Status fill(); // appends one chunk to buf_; sets eof_ at end of stream
    ByteStream& in_;
    size_t max_;
    std::string buf_;
    size_t pos_ = 0;
    bool eof_ = false;
    uint64_t line_no_ = 0;
};

} // namespace morgue
