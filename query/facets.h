// Exact facet counts over the whole match set, gathered by one MatchSpy that
// reads one packed value (schema::slot_facets) per matching document.
#pragma once

#include "schema.h"

#include <xapian.h>

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <string_view>
#include <unordered_map>
#include <string>
#include <vector>

namespace morgue {

struct FacetValue {
    std::string value;
    Xapian::doccount count = 0;
};

struct FacetResult {
    std::string name;                // "outlet", "section", ..., "date"
    std::vector<FacetValue> values;  // by count, then value; dates in date order
    std::string interval;            // for "date": "day", "month" or "year"
    size_t distinct = 0;             // distinct values before --facet-limit
};

// The facets morgue knows, by name: outlet, section, dateline, author,
// language (lang), wire, kind, date.
const std::vector<std::string>& facet_names();
// The facets counted unless asked otherwise (morgue-query --facets, the
// HTTP API's facets=).
inline constexpr const char* kDefaultFacets = "outlet,section,dateline,author,language,date";

// Strings seen during one search, numbered densely: the spy counts numbers,
// so a match costs no allocation and no string comparison beyond one hash
// look-up per field.
class StringIds {
public:
    StringIds() = default;
    StringIds(const StringIds& other);
    StringIds& operator=(const StringIds&) = delete;
    uint32_t id(std::string_view s);
    const std::string& text(uint32_t id) const { return texts_[id]; }
    size_t size() const { return texts_.size(); }

private:
    std::deque<std::string> texts_; // a deque: adding one moves no other
    std::unordered_map<std::string_view, uint32_t> ids_; // views into texts_
};

class FacetSpy : public Xapian::MatchSpy {
public:
    // by_story: count distinct copy clusters (stories) rather than documents.
    // `db` is the database searched: the packed values are read from its
    // value stream, which the matcher visits in docid order, so reading one
    // costs a step along a chunk rather than a B-tree look-up per document.
    FacetSpy(const Xapian::Database& db, std::vector<std::string> names, bool by_story);
    void operator()(const Xapian::Document& doc, double weight) override;
    std::string name() const override { return "morgue.FacetSpy"; }

    // interval: "auto" picks day, month or year from the span of dates.
    std::vector<FacetResult> results(size_t limit, const std::string& interval) const;
    Xapian::doccount seen() const { return seen_; }
    // Distinct stories (copy clusters; an article without one is its own).
    Xapian::doccount stories() const { return static_cast<Xapian::doccount>(clusters_.size() + unclustered_); }

private:
    // Counting stories, a story's first document is counted as it comes;
    // later copies are kept aside (they are few) and add only the values
    // the story did not have yet, when the results are made.
    struct Counter {
        std::string name;
        int field; // schema::FacetField
        bool list; // a kListSeparator-joined list (authors)
        StringIds values;
        std::vector<Xapian::doccount> counts; // by value id
    };
    struct Copy {
        uint32_t cluster;   // id in clusters_
        std::string packed; // its slot_facets value
    };
    void count(Counter& c, std::string_view value);
    void count_all(std::string_view packed);
    // The value ids a packed value has for counter c (interning new ones).
    std::vector<uint32_t> ids_of(Counter& c, std::string_view packed) const;
    std::string first_packed(uint32_t cluster) const;

    Xapian::Database db_;
    Xapian::ValueIterator packed_, packed_end_;
    std::vector<Counter> counters_;
    bool dates_ = false;
    Counter days_{"date", schema::facet_day, false, {}, {}}; // values: "YYYYMMDD"
    StringIds clusters_;
    std::vector<Xapian::docid> first_doc_; // by cluster id
    std::vector<Copy> copies_;
    Xapian::doccount unclustered_ = 0;
    bool by_story_ = true;
    Xapian::doccount seen_ = 0;
};

// Buckets "YYYYMMDD" day counts by day ("2025-05-28"), month ("2025-05") or
// year ("2025"); "auto" picks by span: within two calendar months by day,
// up to six years by month, else by year.
FacetResult date_histogram(const std::map<std::string, Xapian::doccount>& days, const std::string& interval);

} // namespace morgue
