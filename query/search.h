// Running a search: request -> ranked hits with snippets, exact match count,
// facets over the whole match set and, when little is found, a suggestion.
#pragma once

#include "facets.h"
#include "query_builder.h"
#include "snippets.h"
#include "status.h"

#include <string>
#include <vector>

namespace morgue {

enum class SortOrder { relevance, newest, oldest };

struct SearchRequest {
    std::string db;
    std::string query;
    QueryOptions options;
    unsigned offset = 0;
    unsigned limit = 10;
    SortOrder sort = SortOrder::relevance;
    std::vector<std::string> facets = facet_names();
    size_t facet_limit = 10;
    std::string interval = "auto";
    size_t snippet_length = 200;
    bool exact = true; // exact count and facets (examine every match)
};

inline constexpr unsigned kMaxLimit = 1000;

struct Hit {
    unsigned rank = 0;
    std::string id, title, outlet, date, dateline, section, url, language, kind;
    std::vector<std::string> authors;
    double score = 0;
    Snippet snippet;
};

struct SearchResult {
    Xapian::doccount matches = 0;
    bool exact = true;
    double elapsed_ms = 0;
    std::vector<Hit> hits;
    std::vector<FacetResult> facets;
    std::string suggestion; // a corrected query, when the query found little
};

// Opens request.db and searches it.
Status search(const SearchRequest& request, SearchResult* result);
// Searches an already open database (long-lived readers: benchmarks, a
// server). Reopens it if a writer's commit invalidates what it reads.
Status search(Xapian::Database& db, const SearchRequest& request, SearchResult* result);

// "relevance", "newest", "oldest" -> SortOrder; false for anything else.
bool parse_sort_order(const std::string& name, SortOrder* out);

} // namespace morgue
