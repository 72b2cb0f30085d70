#include "indexer/line_reader.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstring>
#include <vector>

using namespace morgue;

namespace {
// Hands out its text in small pieces, to exercise refills at every boundary.
class StringStream : public ByteStream {
public:
    StringStream(std::string s, size_t piece) : s_(std::move(s)), piece_(piece) {}
    Status read(char* buf, size_t cap, size_t* got) override
    {
        size_t n = std::min({cap, piece_, s_.size() - pos_});
        std::memcpy(buf, s_.data() + pos_, n);
        pos_ += n;
        *got = n;
        return Status::Ok();
    }

private:
    std::string s_;
    size_t piece_, pos_ = 0;
};

std::vector<std::string> lines_of(const std::string& text, size_t max, size_t piece)
{
    StringStream in(text, piece);
    LineReader r(in, max);
    std::vector<std::string> out;
    std::string line;
    LineReader::Result res;
    for (;;) {
        REQUIRE(r.next(&line, &res).ok());
        if (res == LineReader::Result::eof) break;
        out.push_back(res == LineReader::Result::too_long ? "<too long>" : line);
    }
    return out;
}
} // namespace

TEST_CASE("line reader: lines, CRLF, a last line without newline")
{
    for (size_t piece : {size_t{1}, size_t{2}, size_t{3}, size_t{7}, size_t{1000}}) {
        CAPTURE(piece);
        CHECK(lines_of("a\nbb\r\n\nccc", 100, piece) == std::vector<std::string>{"a", "bb", "", "ccc"});
        CHECK(lines_of("", 100, piece).empty());
        CHECK(lines_of("x\n", 100, piece) == std::vector<std::string>{"x"});
    }
}

TEST_CASE("line reader: a line over the limit is skipped, the next ones are read")
{
    std::string big(300000, 'x');
    for (size_t piece : {size_t{1} << 16, size_t{4096}, size_t{100000}}) {
        CHECK(lines_of("ok\n" + big + "\nafter\n", 1000, piece) ==
              std::vector<std::string>{"ok", "<too long>", "after"});
        CHECK(lines_of("ok\n" + big, 1000, piece) == std::vector<std::string>{"ok", "<too long>"});
    }
}

TEST_CASE("line reader: line numbers, peek and read_rest")
{
    StringStream in("one\ntwo\nthree\n", 2);
    LineReader r(in, 100);
    std::string_view head;
    REQUIRE(r.peek(5, &head).ok());
    CHECK(head.substr(0, 4) == "one\n"); // it stops once a whole line is in
    REQUIRE(r.peek(2, &head).ok());
    CHECK(head == "on");
    std::string line;
    LineReader::Result res;
    REQUIRE(r.next(&line, &res).ok());
    CHECK(line == "one");
    CHECK(r.line_number() == 1);
    std::string rest;
    bool too_big;
    REQUIRE(r.read_rest(100, &rest, &too_big).ok());
    CHECK_FALSE(too_big);
    CHECK(rest == "two\nthree\n");
}
