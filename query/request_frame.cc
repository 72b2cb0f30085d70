#include "query/request_frame.h"

#include <cctype>

namespace morgue {

namespace {

bool starts_with_nocase(std::string_view line, std::string_view prefix)
{
    if (line.size() < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(line[i])) != prefix[i]) return false;
    return true;
}

// The value of a "Content-Length:" line as a number (-1: not a plain number).
long long content_length(std::string_view value)
{
    size_t b = value.find_first_not_of(" \t");
    size_t e = value.find_last_not_of(" \t\r");
    if (b == std::string_view::npos || e - b >= 18) return -1;
    long long n = 0;
    for (size_t i = b; i <= e; ++i) {
        if (value[i] < '0' || value[i] > '9') return -1;
        n = n * 10 + (value[i] - '0');
    }
    return n;
}

} // namespace

Frame frame_request(std::string_view buf, size_t max_header, size_t max_body, size_t* length)
{
    // Headers end at an empty line; the HTTP library takes a bare \n as a
    // line end too, so we do as well.
    size_t end = std::string_view::npos;
    for (size_t i = buf.find('\n'); i != std::string_view::npos; i = buf.find('\n', i + 1)) {
        size_t next = i + 1;
        if (next < buf.size() && buf[next] == '\n') { end = next + 1; break; }
        if (next + 1 < buf.size() && buf[next] == '\r' && buf[next + 1] == '\n') { end = next + 2; break; }
        if (next >= max_header) break;
    }
    if (end == std::string_view::npos || end > max_header)
        return buf.size() >= max_header ? Frame::too_large : Frame::incomplete;
    long long body = 0;
    bool seen_length = false;
    for (size_t pos = buf.find('\n') + 1; pos < end;) {
        size_t eol = buf.find('\n', pos);
        std::string_view line = buf.substr(pos, eol - pos);
        pos = eol + 1;
        if (starts_with_nocase(line, "transfer-encoding:")) return Frame::bad_body;
        if (starts_with_nocase(line, "content-length:")) {
            long long n = content_length(line.substr(15));
            if (n < 0 || seen_length) return Frame::bad_body;
            seen_length = true;
            body = n;
        }
    }
    if (static_cast<unsigned long long>(body) > max_body) body = 0;
    if (buf.size() - end < static_cast<size_t>(body)) return Frame::incomplete;
    *length = end + static_cast<size_t>(body);
    return Frame::complete;
}

} // namespace morgue
