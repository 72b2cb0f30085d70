#include "indexer/utf8.h"

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
