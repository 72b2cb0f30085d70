#include "indexer/utf8.h"

namespace morgue {
namespace {

// Length of the valid sequence starting at s[i], or 0 if it is invalid
// (overlong forms, surrogates and code points above U+10FFFF included).
size_t valid_sequence(std::string_view s, size_t i)
{
    auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = b(i);
    if (c < 0x80) return 1;
    size_t n;
    unsigned char lo = 0x80, hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) n = 2;
    else if (c == 0xe0) { n = 3; lo = 0xa0; }
    else if (c == 0xed) { n = 3; hi = 0x9f; }
    else if (c >= 0xe1 && c <= 0xef) n = 3;
    else if (c == 0xf0) { n = 4; lo = 0x90; }
    else if (c == 0xf4) { n = 4; hi = 0x8f; }
    else if (c >= 0xf1 && c <= 0xf3) n = 4;
    else return 0;
    if (i + n > s.size()) return 0;
    if (b(i + 1) < lo || b(i + 1) > hi) return 0;
    for (size_t k = 2; k < n; ++k)
        if (b(i + k) < 0x80 || b(i + k) > 0xbf) return 0;
    return n;
}

} // namespace

bool is_valid_utf8(std::string_view s)
{
    for (size_t i = 0; i < s.size();) {
        size_t n = valid_sequence(s, i);
        if (!n) return false;
        i += n;
    }
    return true;
}

size_t repair_utf8(std::string& s)
{
    if (is_valid_utf8(s)) return 0;
    std::string out;
    out.reserve(s.size() + 16);
    size_t bad = 0;
    for (size_t i = 0; i < s.size();) {
        size_t n = valid_sequence(s, i);
        if (n) {
            out.append(s, i, n);
            i += n;
        } else {
            out += "\xEF\xBF\xBD";
            ++bad;
            ++i;
        }
    }
    s = std::move(out);
    return bad;
}

} // namespace morgue
