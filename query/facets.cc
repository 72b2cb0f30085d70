#include "facets.h"

#include "schema.h"

#include <algorithm>

namespace morgue {

namespace {
struct FacetDef {
    const char* name;
    Xapian::valueno slot;
    bool list;
};
const FacetDef kFacets[] = {
    {"outlet", schema::slot_outlet, false},   {"section", schema::slot_section, false},
    {"dateline", schema::slot_dateline, false}, {"author", schema::slot_authors, true},
    {"language", schema::slot_language, false}, {"wire", schema::slot_wire, false},
    {"kind", schema::slot_kind, false},
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

FacetSpy::FacetSpy(std::vector<std::string> names)
{
    for (const auto& n : names) {
        if (n == "date") dates_ = true;
        for (const auto& f : kFacets)
            if (n == f.name) counters_.push_back({f.name, f.slot, f.list, {}});
    }
}

void FacetSpy::operator()(const Xapian::Document& doc, double)
{
    ++seen_;
    for (auto& c : counters_) {
        std::string v = doc.get_value(c.slot);
        if (v.empty()) continue;
        if (!c.list) {
            ++c.counts[v];
            continue;
        }
        size_t start = 0;
        for (;;) {
            size_t end = v.find(schema::kListSeparator, start);
            ++c.counts[v.substr(start, end - start)];
            if (end == std::string::npos) break;
            start = end + 1;
        }
    }
    if (dates_) {
        std::string d = doc.get_value(schema::slot_day);
        if (!d.empty()) ++days_[d];
    }
}

std::vector<FacetResult> FacetSpy::results(size_t limit, const std::string& interval) const
{
    std::vector<FacetResult> out;
    for (const auto& c : counters_) {
        FacetResult r;
        r.name = c.name;
        r.distinct = c.counts.size();
        for (const auto& [v, n] : c.counts) r.values.push_back({v, n});
        std::sort(r.values.begin(), r.values.end(), [](const FacetValue& a, const FacetValue& b) {
            return a.count != b.count ? a.count > b.count : a.value < b.value;
        });
        if (r.values.size() > limit) r.values.resize(limit);
        out.push_back(std::move(r));
    }
    if (dates_) out.push_back(date_histogram(days_, interval));
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
