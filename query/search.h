// A first, minimal search: ranked hits with snippets and facet counts.
// (The full query language and output formats are built on this.)
#pragma once

#include "status.h"

#include <string>
#include <vector>

namespace morgue {

struct SearchRequest {
    std::string db;
    std::string query;
    unsigned limit = 10;
};

struct Hit {
    unsigned rank = 0;
    std::string id, title, outlet, date, dateline, section, url, snippet;
    double score = 0;
};

struct FacetCount {
    std::string value;
    unsigned count = 0;
};

struct Facet {
    std::string name;
    std::vector<FacetCount> counts;
};

struct SearchResult {
    unsigned long long matches = 0;
    std::vector<Hit> hits;
    std::vector<Facet> facets;
};

Status search(const SearchRequest& request, SearchResult* result);

} // namespace morgue
