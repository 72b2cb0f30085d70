// What an input holds. The file name decides when it is clear; otherwise the
// content does. The directory walk (sources.cc) and the reader (index_run.cc)
// both ask here, so they agree on what an article file is.
#pragma once

#include <string>
#include <string_view>

namespace morgue {

enum class InputFormat { jsonl, json_document, text_page };

// What a name's extension says, a compression suffix (.zst, .gz) ignored:
// `json` leaves it to the content (a .json file may hold one document or
// JSON Lines), `none` is not an article file.
enum class NamedFormat { none, jsonl, json, text_page };
NamedFormat format_by_name(std::string_view name);

// The format of `path`, given the first bytes of its (decompressed) content:
// JSON Lines when the first line is a whole JSON object by itself.
InputFormat detect_format(std::string_view path, std::string_view head);

} // namespace morgue
