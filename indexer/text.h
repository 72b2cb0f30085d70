// Small string helpers shared by the parsers.
#pragma once

#include <string>
#include <string_view>

namespace morgue {

// `s` without leading and trailing whitespace.
inline std::string trim(std::string_view s)
{
    const char* ws = " \t\r\n\f\v";
    size_t b = s.find_first_not_of(ws);
    if (b == std::string_view::npos) return {};
    size_t e = s.find_last_not_of(ws);
    return std::string(s.substr(b, e - b + 1));
}

} // namespace morgue
