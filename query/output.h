// Writing a SearchResult as text (people), JSON, JSON Lines or CSV (programs).
// The JSON field names are a contract: see docs/json-output.md.
#pragma once

#include "related.h"
#include "search.h"

#include <ostream>
#include <string>

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

} // namespace morgue
