#include "query/request_frame.h"

#include <doctest/doctest.h>

#include <string>

using namespace morgue;

TEST_CASE("request_frame: where a request ends, or why it is refused")
{
    struct Case {
        std::string in;
        Frame frame;
        size_t length; // for complete
    };
    const std::string get = "GET /api/search?q=oil HTTP/1.1\r\nHost: x\r\n\r\n";
    const Case cases[] = {
        {"", Frame::incomplete, 0},
        {"GET / HTTP/1.1\r\nHost: x\r\n", Frame::incomplete, 0},                    // no empty line yet
        {get, Frame::complete, get.size()},
        {get + "GET /next", Frame::complete, get.size()},                           // pipelined: the first only
        {"GET / HTTP/1.0\n\n", Frame::complete, 16},                                // bare newlines
        {"GET / HTTP/1.1\r\nContent-Length: 5\r\n\r\nab", Frame::incomplete, 0},   // body not all here
        {"GET / HTTP/1.1\r\ncontent-length:  5 \r\n\r\nabcdeX", Frame::complete, 44},
        {"GET / HTTP/1.1\r\nContent-Length: 999999\r\n\r\n", Frame::complete, 42},  // over max_body: the library says 413
        {"GET / HTTP/1.1\r\nContent-Length: -1\r\n\r\n", Frame::bad_body, 0},
        {"GET / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\nx", Frame::bad_body, 0},
        {"GET / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n", Frame::bad_body, 0},
        {"GET /" + std::string(300, 'a') + " HTTP/1.1\r\n", Frame::too_large, 0},  // no end within max_header
    };
    for (const auto& c : cases) {
        size_t length = 0;
        CAPTURE(c.in);
        CHECK(frame_request(c.in, 256, 1000, &length) == c.frame);
        if (c.frame == Frame::complete) CHECK(length == c.length);
    }
}
