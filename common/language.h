// Guessing an article's language when its input does not say (SaudiNewsNet,
// for one, has no language field). Only the script is looked at: enough to
// pick the right stemmer for Arabic, Cyrillic or Greek text.
#pragma once

#include <string>
#include <string_view>

namespace morgue {

// ISO 639-1 code: "ar" when most letters are Arabic script, "ru" Cyrillic,
// "el" Greek, else "en". Looks at the first few KB only.
std::string guess_language(std::string_view text);

} // namespace morgue
