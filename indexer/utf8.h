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

} // namespace morgue
