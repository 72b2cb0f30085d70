#include "utf8.h"

#include <doctest/doctest.h>

using namespace morgue;

TEST_CASE("utf8: valid text is left alone")
{
    std::string s = "Lipavský “quoted” الرياض 😀";
    CHECK(repair_utf8(s) == 0);
    CHECK(s == "Lipavský “quoted” الرياض 😀");
}

TEST_CASE("utf8: bad bytes become U+FFFD, one each")
{
    struct Case { std::string in, out; size_t bad; };
    const Case cases[] = {
        {"price \xA3" "5", "price \xEF\xBF\xBD" "5", 1},           // Latin-1 pound sign (BBC sport/199)
        {"cut \xE2\x80", "cut \xEF\xBF\xBD\xEF\xBF\xBD", 2},        // truncated sequence
        {"\xC0\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD", 2},                // overlong
        {"\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 3}, // surrogate
        {"\xF4\x90\x80\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 4}, // > U+10FFFF
    };
    for (const auto& c : cases) {
        std::string s = c.in;
        CHECK(repair_utf8(s) == c.bad);
        CHECK(s == c.out);
        CHECK(is_valid_utf8(s));
    }
}

TEST_CASE("utf8: terminal_safe replaces control characters, one code point for one")
{
    struct Case { std::string in, out; };
    const Case cases[] = {
        {"plain text, 😀 ok", "plain text, 😀 ok"},
        {"\x1b]0;owned\x07title", "\xEF\xBF\xBD]0;owned\xEF\xBF\xBDtitle"},  // OSC retitle + BEL
        {"\x1b[2J\x1b[31mred", "\xEF\xBF\xBD[2J\xEF\xBF\xBD[31mred"},        // clear screen, colour
        {"a\xC2\x9B" "31mb", "a\xEF\xBF\xBD" "31mb"},                        // C1 CSI (U+009B)
        {"del\x7f nul", "del\xEF\xBF\xBD nul"},
        {"tab\there\nline\r", "tab here line "},
        {"\xC2\xA0nbsp \xC2\xA9", "\xC2\xA0nbsp \xC2\xA9"},                  // U+00A0, U+00A9 are not controls
    };
    for (const auto& c : cases) CHECK(terminal_safe(c.in) == c.out);
    std::string nul("x\0y", 3);
    CHECK(terminal_safe(nul) == "x\xEF\xBF\xBDy");
}
