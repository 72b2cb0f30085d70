// Exact facet counts over the whole match set, gathered by one MatchSpy that
// reads one packed value (schema::slot_facets) per matching document.
#pragma once

#include <xapian.h>

#include <map>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
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

class FacetSpy : public Xapian::MatchSpy {
public:
    // by_story: count distinct copy clusters (stories) rather than documents.
    FacetSpy(std::vector<std::string> names, bool by_story);
    void operator()(const Xapian::Document& doc, double weight) override;
    std::string name() const override { return "morgue.FacetSpy"; }

    // interval: "auto" picks day, month or year from the span of dates.
    std::vector<FacetResult> results(size_t limit, const std::string& interval) const;
    Xapian::doccount seen() const { return seen_; }
    // Distinct stories (copy clusters; an article without one is its own).
    Xapian::doccount stories() const { return static_cast<Xapian::doccount>(clusters_.size()); }

private:
    struct Counter {
        std::string name;
        int field; // schema::FacetField
        bool list; // a kListSeparator-joined list (authors)
        std::unordered_map<std::string, Xapian::doccount> counts;
        std::unordered_map<std::string, std::unordered_set<std::string>> stories;
    };
    void count(Counter& c, std::string_view value, const std::string& story);
    std::vector<Counter> counters_;
    bool dates_ = false;
    std::map<std::string, Xapian::doccount> days_; // "YYYYMMDD" -> count
    std::map<std::string, std::unordered_set<std::string>> day_stories_;
    std::unordered_set<std::string> clusters_;
    bool by_story_ = true;
    Xapian::doccount seen_ = 0;
};

// Buckets "YYYYMMDD" day counts by day ("2025-05-28"), month ("2025-05") or
// year ("2025"); "auto" picks by span: within two calendar months by day,
// up to six years by month, else by year.
FacetResult date_histogram(const std::map<std::string, Xapian::doccount>& days, const std::string& interval);

} // namespace morgue
