// Related coverage: other outlets' reports of the event an article reports,
// found by relevance feedback (the article as the relevant set, its
// expansion terms as the query) within a date window around it, its own
// copies and outlet left out, one hit per story, spread across outlets.
// The expansion terms are Xapian's get_eset choice, computed from the
// article's stored text (query/expand_terms.h), so that a publication without
// termlists answers as its master does.
#pragma once

#include "common/article.h"
#include "common/status.h"

#include <xapian.h>

#include <string>
#include <vector>

namespace morgue {

struct RelatedRequest {
    std::string db;
    std::string id;
    int window_days = 3;    // reports this many days before or after the article (when it is dated)
    unsigned limit = 10;
    unsigned per_outlet = 2; // at most this many reports of one outlet
};

inline constexpr unsigned kMaxRelated = 100;

struct RelatedReport {
    std::string id, title, outlet, date;
    double score = 0;
    bool same_event = false; // the index put it in the article's event
};

struct RelatedResult {
    std::string id, title, outlet, date, event;
    std::vector<std::string> terms; // the expansion terms searched for (stems)
    std::vector<RelatedReport> related;
};

// Opens request.db and looks.
Status find_related(const RelatedRequest& request, RelatedResult* result);
// On an open database (reopened if a writer moves on under it).
Status find_related(Xapian::Database& db, const RelatedRequest& request, RelatedResult* result);

// Whether a term may be an expansion term: a free-text stem (prefixed terms
// start with an upper-case letter), not a bare number (numbers say little
// about which event).
bool is_expansion_stem(const std::string& term);

// The stems that find `a`'s related coverage (document `did` of `db`), best
// first: the free-text stems (no bare numbers) of get_eset's default
// expansion over the one-document RSet {did}. Throws Xapian::Error.
std::vector<std::string> expansion_terms(const Xapian::Database& db, Xapian::docid did, const Article& a);

// Indexes into `outlets` (ranked best first) keeping at most `per_outlet`
// of one outlet and `limit` in all, in rank order.
std::vector<size_t> spread_by_outlet(const std::vector<std::string>& outlets, size_t per_outlet, size_t limit);

} // namespace morgue
