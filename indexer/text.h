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

// A one-line label (outlet, section, author, dateline, language) as a feed
// gives it: every ASCII control character becomes a space, runs of spaces
// one space, and the ends are trimmed. Labels are shown one per line and
// joined in the packed facet value by the control characters
// schema::kFieldSeparator and kListSeparator, so one left inside a label
// would shift every facet field after it.
inline std::string one_line(std::string_view s)
{
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        const bool space = static_cast<unsigned char>(c) < 0x20 || c == 0x7f || c == ' ';
        if (!space) out += c;
        else if (!out.empty() && out.back() != ' ') out += ' ';
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

} // namespace morgue
