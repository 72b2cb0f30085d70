// The query language: text as typed -> Xapian::Query. Pure (no database),
// so its behaviour is pinned down by tables of {query, description} tests.
#pragma once

#include "common/status.h"

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace morgue {

struct QueryOptions {
    // The first and last day (their first second, UTC), inclusive; with
    // either, the text may be empty (every article in the range).
    std::optional<int64_t> since, until;
    // Filters given apart from the text (the HTTP API's outlet=, section=,
    // ...): {field name or alias as in schema::fields(), value}. Values of one field
    // are ORed, fields ANDed, as in the query language. They need no quoting,
    // so no value can change the meaning of the text; with filters the text
    // may be empty (every article they match).
    std::vector<std::pair<std::string, std::string>> filters;
};

// A wildcard (or the partial word of a search-as-you-type) expands to at
// most this many index terms: `a*` alone would otherwise OR together tens of
// thousands of postings. Over it, the search is refused (Xapian's
// WildcardError at match time, a usage error for us) and says so.
inline constexpr unsigned kMaxWildcardTerms = 1000;
// And a query holds at most this many wildcards, so that `a* OR b* OR ...`
// cannot multiply the limit above by the length of the query.
inline constexpr unsigned kMaxWildcards = 8;

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

// The first day of an ISO day, month or year ("2025-05-01", "2025-05",
// "2025"); see date_period.h for the last day and for ranges.
Status parse_query_day(const std::string& text, int64_t* day_start);

} // namespace morgue
