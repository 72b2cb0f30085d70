// What every writer of morgue's JSON shares (docs/json-output.md): an
// empty field is null, invalid UTF-8 in an article is replaced (U+FFFD)
// rather than refused, and a copy of a story looks the same wherever it is
// listed.
#pragma once

#include "query/search.h"

#include <nlohmann/json.hpp>

#include <string>

namespace morgue {

// null for "", else the string.
nlohmann::ordered_json or_null(const std::string& s);

// On one line (JSON Lines, the HTTP API).
std::string json_line(const nlohmann::ordered_json& j);
// Indented for people to read too (--format json).
std::string json_document(const nlohmann::ordered_json& j);

// One copy of a story, as in --copies and /api/article/ID's "copies".
nlohmann::ordered_json copy_json(const Copy& c);

} // namespace morgue
