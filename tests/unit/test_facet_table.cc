// The facet table (long-lived readers) must answer exactly as the value
// stream does (the command line): same counts, stories, facets and page.
#include "query/facet_table.h"
#include "query/search.h"
#include "sample_db.h"

#include <doctest/doctest.h>

using namespace morgue;

namespace {
std::string describe(const SearchResult& r)
{
    std::string out = std::to_string(r.matches) + " matches, " + std::to_string(r.stories) + " stories;";
    for (const auto& h : r.hits) out += " " + h.id + "(+" + std::to_string(h.copies) + ")";
    for (const auto& f : r.facets) {
        out += "\n" + f.name + " " + f.interval + " " + std::to_string(f.distinct) + ":";
        for (const auto& v : f.values) out += " " + v.value + "=" + std::to_string(v.count);
    }
    return out;
}
} // namespace

TEST_CASE("facet table: the same results as reading the packed values, copies included")
{
    TempDir tmp;
    const std::string path = index_sample(tmp);
    Xapian::Database db(path);
    std::shared_ptr<const FacetTable> table;
    REQUIRE(FacetTable::for_database(db, &table).ok());
    REQUIRE(table);
    // The seeds' AP story and its aggregator copy are one cluster: collapsing
    // and story counts are exercised.
    for (const char* q : {"said", "cyberattack", "\"czech republic\"", "oil prices", "outlet:reuters trade",
                          "kind:teaser", "china OR russia", "subway"}) {
        for (bool collapse : {true, false})
            for (bool stories : {true, false})
                for (unsigned offset : {0u, 3u}) {
                    CAPTURE(q);
                    CAPTURE(collapse);
                    CAPTURE(stories);
                    CAPTURE(offset);
                    SearchRequest req;
                    req.db = path;
                    req.query = q;
                    req.collapse = collapse;
                    req.count_stories = stories;
                    req.offset = offset;
                    req.limit = 4;
                    SearchResult plain, with_table;
                    REQUIRE(search(db, req, &plain).ok());
                    req.facet_table = true;
                    REQUIRE(search(db, req, &with_table).ok());
                    CHECK(describe(with_table) == describe(plain));
                }
    }
    // A story's copies really are folded somewhere in that set.
    SearchRequest req;
    req.db = path;
    req.query = "cyberattack";
    req.facet_table = true;
    SearchResult r;
    REQUIRE(search(db, req, &r).ok());
    CHECK(r.stories < r.matches);
}
