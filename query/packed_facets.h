// Exact facet counts from the distinct slot_facets values of a match set and
// how many matches carry each: what Xapian's built-in ValueCountMatchSpy
// gathers, and the only spy a stock xapian-tcpsrv runs and merges across
// shards (FacetSpy is a custom MatchSpy, which it refuses). The packed value
// holds the copy cluster, so stories are told apart as FacetSpy does, and
// the results are the same (tests/e2e/T500-shards-equal.sh compares them).
#pragma once

#include "query/facets.h"

#include <xapian.h>

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace morgue {

class PackedFacetCounts {
public:
    PackedFacetCounts(const std::vector<std::string>& names, bool by_story);

    // `n` matches carry the packed value `packed`.
    void add(std::string_view packed, Xapian::doccount n);
    // Everything a ValueCountMatchSpy on schema::slot_facets saw.
    void add_spy(const Xapian::ValueCountMatchSpy& spy);

    Xapian::doccount seen() const { return seen_; }
    // Distinct stories (copy clusters; an article without one is its own).
    Xapian::doccount stories() const { return static_cast<Xapian::doccount>(clusters_.size()) + unclustered_; }
    // Distinct events; an article without one is an event of its own.
    Xapian::doccount events() const { return static_cast<Xapian::doccount>(events_.size()) + lone_events_; }
    std::vector<FacetResult> results(size_t limit, const std::string& interval) const;

private:
    // How many matches (or stories) carry each value of `field`; with
    // prefix_len, of each value's first prefix_len bytes (a date bucket).
    std::map<std::string, Xapian::doccount> tally(int field, size_t prefix_len = 0) const;

    std::vector<std::pair<std::string, int>> wanted_; // (facet name, schema::FacetField)
    bool dates_ = false;
    bool by_story_ = true;
    Xapian::doccount seen_ = 0, unclustered_ = 0;
    std::set<std::string, std::less<>> events_;
    Xapian::doccount lone_events_ = 0;
    // Counting stories: each story's distinct packed values; a value the
    // story has in several of them counts once. Empty lists otherwise.
    std::map<std::string, std::vector<std::string>, std::less<>> clusters_;
    // Counted as they come: (packed value, matches carrying it).
    std::vector<std::pair<std::string, Xapian::doccount>> loose_;
};

} // namespace morgue
