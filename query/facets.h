// Exact facet counts over the whole match set, gathered by one MatchSpy that
// reads one packed value (schema::slot_facets) per matching document.
#pragma once

#include "query/facet_table.h"
#include "common/schema.h"

#include <xapian.h>

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <string>
#include <utility>
#include <vector>

namespace morgue {

struct FacetValue {
    FacetValue(std::string v = {}, Xapian::doccount n = 0) : value(std::move(v)), count(n) {}
    std::string value;
    Xapian::doccount count = 0;
    // Date buckets with --histogram share (histogram.h): all articles of
    // the interval and the share of them that match.
    Xapian::doccount articles = 0;
    std::optional<double> share;
};

struct FacetResult {
    std::string name;                // "outlet", "section", ..., "date"
    std::vector<FacetValue> values;  // by count, then value; dates in date order
    std::string interval;            // for "date": "day", "month" or "year"
    size_t distinct = 0;             // distinct values before --facet-limit
};

// The facets morgue knows, by canonical name: the fields of schema::fields()
// flagged in_facets (outlet, section, ..., date).
const std::vector<std::string>& facet_names();
// The field a facet name (or an alias: lang) counts; nullptr if none. Its
// kind is date for the histogram, its facet the packed-value field otherwise.
const schema::Field* find_facet(std::string_view name);
// Sorts r's values by count (then value) and keeps the first `limit`.
void sort_and_limit(FacetResult* r, size_t limit);
// The facets counted unless asked otherwise (morgue-query --facets, the
// HTTP API's facets=), comma-separated.
inline const std::string kDefaultFacets = schema::field_names(schema::in_default_facets, ",");

class FacetSpy : public Xapian::MatchSpy {
public:
    // `unit`: the field whose distinct values are counted (facet_cluster:
    // stories, facet_event: events); with by_unit, facets count those units
    // rather than documents.
    // `db` is the database searched. With a `table` (FacetTable) of it, a
    // match's values are read from memory; without, from the packed values'
    // stream, which the matcher visits in docid order, so reading one costs
    // a step along a chunk rather than a B-tree look-up per document.
    FacetSpy(const Xapian::Database& db, std::shared_ptr<const FacetTable> table, std::vector<std::string> names,
             schema::FacetField unit, bool by_unit);
    void operator()(const Xapian::Document& doc, double weight) override;
    std::string name() const override { return "morgue.FacetSpy"; }

    // interval: "auto" picks day, month or year from the span of dates.
    std::vector<FacetResult> results(size_t limit, const std::string& interval);
    Xapian::doccount seen() const { return seen_; }
    // Distinct stories (copy clusters) or events among the matches; an
    // article without one is its own.
    Xapian::doccount distinct(schema::FacetField f) const { return distinct_[f == schema::facet_event] + lone_[f == schema::facet_event]; }
    Xapian::doccount stories() const { return distinct(schema::facet_cluster); }
    // Matching documents by day ("YYYYMMDD"), copies included (when dates are counted).
    std::map<std::string, Xapian::doccount> matching_days() const;

private:
    // Counting stories, a story's first document is counted as it comes;
    // later copies are set aside (they are few) and add only the values
    // the story did not have yet, when the results are made.
    struct Counter {
        std::string name;
        int field; // schema::FacetField
        std::vector<Xapian::doccount> counts; // by value id
    };
    // Points spans_ at the value ids of document `did` (`doc` when the
    // matcher gives it).
    void load(Xapian::docid did, const Xapian::Document* doc);
    void count_loaded(Counter& c);
    const StringIds& names(int field) const { return table_ ? table_->names(field) : names_[field]; }
    // Adds to `c` the values of each story's copies that its first document lacked.
    void add_copies(Counter& c, size_t bucket_len = 0);

    Xapian::Database db_;
    std::shared_ptr<const FacetTable> table_;
    Xapian::ValueIterator packed_, packed_end_;
    StringIds names_[schema::facet_field_count]; // without a table
    std::vector<uint32_t> scratch_;
    IdSpan spans_[schema::facet_field_count];
    std::vector<Counter> counters_;
    bool dates_ = false;
    Counter days_{"date", schema::facet_day, {}};
    Counter day_documents_{"date", schema::facet_day, {}}; // every match, copies too
    std::vector<Xapian::docid> first_doc_;                // by cluster id; 0: not seen yet
    std::vector<std::pair<uint32_t, Xapian::docid>> copies_; // (cluster, later copy)
    // Distinct copy clusters [0] and events [1] seen, whichever is the unit.
    std::vector<char> seen_ids_[2];
    Xapian::doccount distinct_[2] = {0, 0}, lone_[2] = {0, 0};
    schema::FacetField unit_ = schema::facet_cluster;
    bool by_unit_ = true;
    Xapian::doccount seen_ = 0;
};

// Buckets "YYYYMMDD" day counts by day ("2025-05-28"), month ("2025-05") or
// year ("2025"); "auto" picks by span: within two calendar months by day,
// up to six years by month, else by year. Empty buckets between the first
// and the last are there with a count of 0.
FacetResult date_histogram(const std::map<std::string, Xapian::doccount>& days, const std::string& interval);

} // namespace morgue
