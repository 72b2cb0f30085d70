#include "common/text_normalise.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <algorithm>

namespace morgue {

namespace {

bool is_ascii(std::string_view s)
{
    return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::string to_utf8(const icu::UnicodeString& u)
{
    std::string out;
    u.toUTF8String(out);
    return out;
}

// Scripts whose marks are accents to ignore; Common and Inherited cover
// marks typed after a space or a digit.
bool folds_marks(UChar32 base)
{
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(base, &status);
    if (U_FAILURE(status)) return false;
    return script == USCRIPT_LATIN || script == USCRIPT_GREEK || script == USCRIPT_CYRILLIC ||
           script == USCRIPT_ARABIC || script == USCRIPT_COMMON || script == USCRIPT_INHERITED;
}

// Cyrillic и + combining breve is й, a letter in its own right.
bool keeps_mark(UChar32 base, UChar32 mark)
{
    return mark == 0x0306 && (base == 0x0438 || base == 0x0418);
}

// Arabic letters read alike in search (after NFKD has split off hamza and
// madda): alef wasla, ta marbuta, alef maqsura, and the Persian forms of
// kaf and ya that Arabic text borrows; 0 drops tatweel.
UChar32 arabic_letter(UChar32 c)
{
    switch (c) {
    case 0x0671: return 0x0627; // ٱ -> ا
    case 0x0629: return 0x0647; // ة -> ه
    case 0x0649: return 0x064A; // ى -> ي
    case 0x06CC: return 0x064A; // ی -> ي
    case 0x06A9: return 0x0643; // ک -> ك
    case 0x0640: return 0;      // tatweel
    default: return c;
    }
}

} // namespace

std::string to_nfc(std::string_view text)
{
    if (is_ascii(text)) return std::string(text);
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) return std::string(text);
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    if (nfc->isNormalized(u, status) && U_SUCCESS(status)) return std::string(text);
    status = U_ZERO_ERROR;
    icu::UnicodeString out = nfc->normalize(u, status);
    return U_FAILURE(status) ? std::string(text) : to_utf8(out);
}

std::string fold_word(std::string_view word)
{
    if (is_ascii(word)) return std::string(word);
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) return std::string(word);
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
    icu::UnicodeString decomposed = nfkd->normalize(u, status);
    if (U_FAILURE(status)) return std::string(word);
    icu::UnicodeString kept;
    UChar32 base = 0x20;
    for (int32_t i = 0; i < decomposed.length();) {
        UChar32 c = decomposed.char32At(i);
        i += U16_LENGTH(c);
        if (u_charType(c) == U_NON_SPACING_MARK) {
            if (folds_marks(base) && !keeps_mark(base, c)) continue;
        } else {
            base = c;
            c = arabic_letter(c);
            if (c == 0) continue;
        }
        kept.append(c);
    }
    icu::UnicodeString composed = nfc->normalize(kept, status);
    return U_FAILURE(status) ? std::string(word) : to_utf8(composed);
}

} // namespace morgue
