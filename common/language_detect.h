// The language of a text, with CLD2 (Debian's libcld2, which carries its own
// language models): the Snowball stemmer of an article without a `language`
// field is chosen by it.
#pragma once

#include <string>
#include <string_view>

namespace morgue {

// ISO 639-1 code of the language of `title` and the start of `body`. When
// CLD2 cannot tell (too little text, an unknown language) the script decides
// (guess_language: Arabic, Cyrillic, Greek, else English).
std::string detect_language(std::string_view title, std::string_view body);

} // namespace morgue
