// Article text made safe to print on a terminal.
#pragma once

#include <string>
#include <string_view>

namespace morgue {

// `s` safe to print on a terminal: an article could otherwise move the
// cursor, retitle the window or ring the bell with ESC, BEL, CSI (U+009B)
// and the like. Tab, newline and carriage return become a space, every other
// C0 or C1 control character and DEL become U+FFFD, one code point for one
// (highlight offsets, counted in code points, stay right).
std::string terminal_safe(std::string_view s);

} // namespace morgue
