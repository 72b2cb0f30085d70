// The query language: text as typed -> Xapian::Query. Pure (no database),
// so its behaviour is pinned down by tables of {query, description} tests.
#pragma once

#include "status.h"

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace morgue {

struct QueryOptions {
    std::optional<int64_t> since, until; // --since/--until, seconds UTC, inclusive days
    // Filters given apart from the text (the HTTP API's outlet=, section=,
    // ...): {field name as in schema::fields(), value}. Values of one field
    // are ORed, fields ANDed, as in the query language. They need no quoting,
    // so no value can change the meaning of the text; with filters the text
    // may be empty (every article they match).
    std::vector<std::pair<std::string, std::string>> filters;
};

struct BuiltQuery {
    Xapian::Query query;
    std::string stemmer_language; // "english", "arabic", ..., "" to fold only; folding_stemmer() of it, for snippets too
};

// Parses `text` (AND by default; OR, NOT, +/-, "phrases", NEAR, wildcard*,
// parentheses, field:value filters, date:FROM..TO). A bad query is a usage
// Status with a message for the person who typed it.
Status build_query(const std::string& text, const QueryOptions& options, BuiltQuery* out);

// The QueryParser configured as build_query uses it; problems in filter
// values are reported in *error (the parser cannot carry them out itself).
Xapian::QueryParser make_query_parser(const Xapian::Stem& stemmer, std::shared_ptr<std::string> error);

// Parses an ISO day ("2025-05-01") for --since/--until and date: ranges; a
// usage error names the accepted form (05/06/2025 is refused, not guessed).
Status parse_query_day(const std::string& text, int64_t* day_start);

} // namespace morgue
