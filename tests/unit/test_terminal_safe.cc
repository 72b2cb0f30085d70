#include "query/terminal_safe.h"

#include <doctest/doctest.h>

using namespace morgue;

TEST_CASE("terminal_safe replaces control characters, one code point for one")
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
