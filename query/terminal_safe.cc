#include "query/terminal_safe.h"

namespace morgue {

std::string terminal_safe(std::string_view s)
{
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        const bool c1 = c == 0xc2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) <= 0x9f &&
                        static_cast<unsigned char>(s[i + 1]) >= 0x80;
        if (c == '\t' || c == '\n' || c == '\r') {
            out += ' ';
        } else if (c < 0x20 || c == 0x7f || c1) {
            out += "\xEF\xBF\xBD";
            i += c1;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

} // namespace morgue
