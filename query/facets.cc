#include "facets.h"

#include "schema.h"

#include <algorithm>
#include <string_view>

namespace morgue {

namespace {
struct FacetDef {
    const char* name;
    schema::FacetField field;
    bool list; // a kListSeparator-joined list (authors)
};
const FacetDef kFacets[] = {
    {"outlet", schema::facet_outlet, false},     {"section", schema::facet_section, false},
    {"dateline", schema::facet_dateline, false}, {"author", schema::facet_authors, true},
    {"language", schema::facet_language, false}, {"wire", schema::facet_wire, false},
    {"kind", schema::facet_kind, false},
};
} // namespace

const std::vector<std::string>& facet_names()
{
    static const std::vector<std::string> names = [] {
        std::vector<std::string> n;
        for (const auto& f : kFacets) n.push_back(f.name);
        n.push_back("date");
        return n;
    }();
    return names;
}

FacetSpy::FacetSpy(std::vector<std::string> names, bool by_story) : by_story_(by_story)
{
    for (const auto& n : names) {
        if (n == "date") dates_ = true;
        for (const auto& f : kFacets)
            if (n == f.name) counters_.push_back({f.name, f.field, f.list, {}, {}});
    }
}

void FacetSpy::count(Counter& c, std::string_view value, const std::string& story)
{
    std::string v(value);
    if (by_story_) c.stories[v].insert(story);
    else ++c.counts[v];
}

void FacetSpy::operator()(const Xapian::Document& doc, double)
{
    ++seen_;
    // One value holds every facet field (see schema::slot_facets).
    const std::string packed = doc.get_value(schema::slot_facets);
    std::string_view fields[schema::facet_field_count];
    schema::split_facets(packed, fields);
    // An article without a cluster (too short to compare) is a story of its own.
    std::string story = fields[schema::facet_cluster].empty() ? "#" + std::to_string(doc.get_docid())
                                                              : std::string(fields[schema::facet_cluster]);
    clusters_.insert(story);
    for (auto& c : counters_) {
        std::string_view v = fields[c.field];
        if (v.empty()) continue;
        if (!c.list) {
            count(c, v, story);
            continue;
        }
        for (;;) {
            size_t end = v.find(schema::kListSeparator);
            count(c, v.substr(0, end), story);
            if (end == std::string_view::npos) break;
            v.remove_prefix(end + 1);
        }
    }
    if (dates_ && !fields[schema::facet_day].empty()) {
        std::string day(fields[schema::facet_day]);
        if (by_story_) day_stories_[day].insert(story);
        else ++days_[day];
    }
}

std::vector<FacetResult> FacetSpy::results(size_t limit, const std::string& interval) const
{
    std::vector<FacetResult> out;
    auto by_count = [](const FacetValue& a, const FacetValue& b) {
        return a.count != b.count ? a.count > b.count : a.value < b.value;
    };
    for (const auto& c : counters_) {
        FacetResult r;
        r.name = c.name;
        for (const auto& [v, n] : c.counts) r.values.push_back({v, n});
        for (const auto& [v, set] : c.stories) r.values.push_back({v, static_cast<Xapian::doccount>(set.size())});
        r.distinct = r.values.size();
        size_t keep = std::min(limit, r.values.size());
        std::partial_sort(r.values.begin(), r.values.begin() + static_cast<std::ptrdiff_t>(keep), r.values.end(), by_count);
        r.values.resize(keep);
        out.push_back(std::move(r));
    }
    if (dates_) {
        std::map<std::string, Xapian::doccount> days = days_;
        for (const auto& [d, set] : day_stories_) days[d] = static_cast<Xapian::doccount>(set.size());
        FacetResult h = date_histogram(days, interval);
        if (by_story_) {
            // A story whose copies span days counts once per bucket.
            size_t len = h.interval == "year" ? 4 : h.interval == "month" ? 6 : 8;
            std::map<std::string, std::unordered_set<std::string>> buckets;
            for (const auto& [d, set] : day_stories_) buckets[d.substr(0, len)].insert(set.begin(), set.end());
            size_t i = 0;
            for (const auto& [key, set] : buckets) h.values[i++].count = static_cast<Xapian::doccount>(set.size());
        }
        out.push_back(std::move(h));
    }
    return out;
}

FacetResult date_histogram(const std::map<std::string, Xapian::doccount>& days, const std::string& interval)
{
    FacetResult r;
    r.name = "date";
    r.interval = interval;
    if (interval == "auto") {
        r.interval = "day";
        if (!days.empty()) {
            const std::string& first = days.begin()->first;
            const std::string& last = days.rbegin()->first;
            int months = (std::stoi(last.substr(0, 4)) - std::stoi(first.substr(0, 4))) * 12 +
                         std::stoi(last.substr(4, 2)) - std::stoi(first.substr(4, 2));
            if (months > 72) r.interval = "year";
            else if (months >= 2) r.interval = "month";
        }
    }
    size_t len = r.interval == "year" ? 4 : r.interval == "month" ? 6 : 8;
    std::map<std::string, Xapian::doccount> buckets;
    for (const auto& [day, n] : days) buckets[day.substr(0, len)] += n;
    for (const auto& [key, n] : buckets) {
        std::string label = key.substr(0, 4);
        if (len >= 6) label += "-" + key.substr(4, 2);
        if (len == 8) label += "-" + key.substr(6, 2);
        r.values.push_back({label, n});
    }
    r.distinct = r.values.size();
    return r;
}

} // namespace morgue
