// Where one HTTP/1.1 request ends in the bytes a connection has sent so
// far. The server's waiting room (gate.h) reads requests with this before a
// worker thread sees them, so that no thread ever waits on a slow client.
// Pure: fuzzed (tests/fuzz) and unit-tested.
#pragma once

#include <cstddef>
#include <string_view>

namespace morgue {

enum class Frame {
    incomplete,   // wait for more bytes
    complete,     // *length bytes hold the request line, headers and body
    too_large,    // headers over max_header bytes: 431
    bad_body,     // chunked body, several or unreadable Content-Length: 400
};

// `max_body`: a declared body longer than this is "complete" at the end of
// its headers (the HTTP library answers 413 without reading it).
Frame frame_request(std::string_view buf, size_t max_header, size_t max_body, size_t* length);

} // namespace morgue
