// UTF-8 validation and repair: real crawls contain stray Latin-1 bytes and
// truncated sequences; we keep the article and replace the bad bytes.
#pragma once

#include <string>
#include <string_view>

namespace morgue {

// Replaces every invalid byte sequence with U+FFFD. Returns how many were
// replaced (0: the input was valid and is unchanged).
size_t repair_utf8(std::string& s);

bool is_valid_utf8(std::string_view s);

// `s` safe to print on a terminal: an article could otherwise move the
// cursor, retitle the window or ring the bell with ESC, BEL, CSI (U+009B)
// and the like. Tab, newline and carriage return become a space, every other
// C0 or C1 control character and DEL become U+FFFD, one code point for one
// (highlight offsets, counted in code points, stay right).
std::string terminal_safe(std::string_view s);

} // namespace morgue
