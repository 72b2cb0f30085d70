// Running a search: request -> ranked hits with snippets, exact match count,
// facets over the whole match set and, when little is found, a suggestion.
#pragma once

#include "query/facets.h"
#include "query/query_builder.h"
#include "query/snippets.h"
#include "common/status.h"

#include <cstdint>
#include <memory>
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
    bool histogram_share = false; // date buckets also as a share of all articles of their interval
    size_t snippet_length = 200;
    bool exact = true; // exact count and facets (examine every match)
    bool collapse = true;       // one hit per story: syndicated copies folded into it
    bool count_stories = true;  // facets count stories (copy clusters), not documents
    bool count_events = false;  // facets count events instead (takes precedence)
    bool group_events = false;  // one hit per event (instead of per story), with its reports
    bool facet_table = false;   // keep every document's facets in memory (FacetTable):
                                // for processes that answer many searches
    double time_limit = 0;      // seconds for the whole search (0: no limit); when it
                                // runs out the answer is marked partial, see SearchResult
    bool portable_facets = false; // count facets and collapse as over remote shards,
                                  // even when every shard is local (for comparison)
};

inline constexpr unsigned kMaxLimit = 1000;

// One article reporting an event.
struct EventReport {
    std::string id, title, outlet, date;
};
inline constexpr size_t kMaxReports = 10;

struct Hit {
    unsigned rank = 0;
    std::string id, title, outlet, date, dateline, section, url, language, kind;
    std::vector<std::string> authors;
    double score = 0;
    Snippet snippet;
    std::string cluster;                      // copy cluster id ("" when too short to compare)
    Xapian::doccount copies = 0;              // other articles carrying the same story
    std::vector<std::string> also_carried_by; // their outlets (distinct, at most 10)
    std::string source_file;                  // where it was read from
    uint64_t source_line = 0;                 // its line (JSON Lines), 0 for a whole file
    // For outlet and date read from a page rather than given as fields: how
    // each was found, or why none was ("" when given).
    std::string outlet_found, date_found;
    std::string event;                        // event id ("" when too short to compare)
    Xapian::doccount event_reports = 0;       // articles reporting the event (this one included)
    std::vector<EventReport> reports;         // with group_events: the earliest kMaxReports of them, earliest first
};

struct SearchResult {
    Xapian::doccount matches = 0;   // matching articles (copies included)
    Xapian::doccount stories = 0;   // distinct stories among them (exact when exact)
    Xapian::doccount events = 0;    // distinct events among them (exact when exact)
    bool exact = true;
    double elapsed_ms = 0;
    std::vector<Hit> hits;
    std::vector<FacetResult> facets;
    std::string suggestion; // a corrected query, when the query found little
    // The time limit ran out: the matcher stopped counting (matches and
    // facets are then estimates, exact is false) and/or later hits have no
    // snippet. partial_reason says which, for people.
    bool partial = false;
    std::string partial_reason;
};

// Opens request.db and searches it.
Status search(const SearchRequest& request, SearchResult* result);
// Checks req's query, then opens req.db: a bad query is the user's to fix
// (exit 2) even when the database is missing too.
Status open_for_query(const SearchRequest& req, std::unique_ptr<Xapian::Database>* db);
// Searches an already open database (long-lived readers: benchmarks, a
// server). Reopens it if a writer's commit invalidates what it reads.
Status search(Xapian::Database& db, const SearchRequest& request, SearchResult* result);

struct Copy {
    std::string id, title, outlet, date, wire;
    double similarity = 0; // estimated share of text in common with the article asked about
};
// The copies of article `id`'s story, earliest first, the wire original
// (outlet is its own wire) first among equals: the representative leads.
Status list_copies(const std::string& db, const std::string& id, std::vector<Copy>* out);

// "relevance", "newest", "oldest" -> SortOrder; false for anything else.
bool parse_sort_order(const std::string& name, SortOrder* out);

} // namespace morgue
