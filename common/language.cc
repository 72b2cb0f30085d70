#include "common/language.h"

#include <xapian.h>

namespace morgue {

std::string guess_language(std::string_view text)
{
    constexpr size_t kSample = 4096;
    size_t arabic = 0, cyrillic = 0, greek = 0, letters = 0;
    std::string_view sample = text.substr(0, kSample);
    for (Xapian::Utf8Iterator it(sample.data(), sample.size()); it != Xapian::Utf8Iterator(); ++it) {
        unsigned ch = *it;
        if (!Xapian::Unicode::is_wordchar(ch) || (ch >= '0' && ch <= '9')) continue;
        ++letters;
        if ((ch >= 0x0600 && ch <= 0x06ff) || (ch >= 0x0750 && ch <= 0x077f)) ++arabic;
        else if (ch >= 0x0400 && ch <= 0x04ff) ++cyrillic;
        else if (ch >= 0x0370 && ch <= 0x03ff) ++greek;
    }
    if (letters == 0) return "en";
    if (arabic * 2 > letters) return "ar";
    if (cyrillic * 2 > letters) return "ru";
    if (greek * 2 > letters) return "el";
    return "en";
}

} // namespace morgue
