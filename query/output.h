// Every answer morgue-query writes, as text (people), JSON, JSON Lines or
// CSV (programs): a search's page of hits (output.cc), an article's related
// coverage (output.cc) and its story's copies (output_copies.cc). The JSON
// field names are a contract: see docs/json-output.md. An export (every
// match, streamed) writes its own rows: export.h.
#pragma once

#include "query/related.h"
#include "query/search.h"

#include <ostream>
#include <string>
#include <vector>

namespace morgue {

inline constexpr int kJsonSchemaVersion = 1;

enum class OutputFormat { text, json, jsonl, csv };
bool parse_output_format(const std::string& name, OutputFormat* out);

struct OutputStyle {
    bool terminal = false; // bold highlights instead of [brackets]
};

void write_result(std::ostream& out, OutputFormat format, const OutputStyle& style,
                  const SearchRequest& request, const SearchResult& result);

// morgue-query --related: text, or one JSON document (json, jsonl and csv
// alike, a related list being small).
void write_related(std::ostream& out, OutputFormat format, const RelatedRequest& request, const RelatedResult& result);
// The JSON of write_related, for the HTTP API.
std::string related_json(const RelatedRequest& request, const RelatedResult& result);

// morgue-query --copies: text, one line per copy; json: {"schema_version",
// "id", "copies": [...]}; jsonl: one copy per line; csv: a header and one
// row per copy.
void write_copies(std::ostream& out, OutputFormat format, const std::string& id, const std::vector<Copy>& copies);

} // namespace morgue
