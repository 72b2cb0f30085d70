#include "query/packed_facets.h"

#include <algorithm>

namespace morgue {

namespace {

// The values of one field of a packed value (authors is a list).
void values_of(std::string_view packed, int field, std::vector<std::string_view>* out)
{
    std::string_view fields[schema::facet_field_count];
    schema::split_facets(packed, fields);
    out->clear();
    for (std::string_view v = fields[field]; !v.empty();) out->push_back(schema::next_facet_value(field, &v));
}

} // namespace

PackedFacetCounts::PackedFacetCounts(const std::vector<std::string>& names, bool by_story) : by_story_(by_story)
{
    for (const auto& n : names) {
        const schema::Field* f = find_facet(n);
        if (f && f->kind == schema::FieldKind::date) dates_ = true;
        else if (f) wanted_.emplace_back(f->name, f->facet);
    }
}

void PackedFacetCounts::add(std::string_view packed, Xapian::doccount n)
{
    seen_ += n;
    std::string_view fields[schema::facet_field_count];
    schema::split_facets(packed, fields);
    const std::string_view event = fields[schema::facet_event];
    if (event.empty()) lone_events_ += n;
    else if (events_.find(event) == events_.end()) events_.emplace(event);
    const std::string_view cluster = fields[schema::facet_cluster];
    if (cluster.empty()) {
        unclustered_ += n; // too short to compare: each a story of its own
        loose_.emplace_back(packed, n);
        return;
    }
    auto it = clusters_.find(cluster);
    if (it == clusters_.end()) it = clusters_.emplace(std::string(cluster), std::vector<std::string>{}).first;
    if (by_story_) it->second.emplace_back(packed);
    else loose_.emplace_back(packed, n);
}

void PackedFacetCounts::add_spy(const Xapian::ValueCountMatchSpy& spy)
{
    Xapian::doccount with_value = 0;
    for (auto t = spy.values_begin(); t != spy.values_end(); ++t) {
        add(*t, t.get_termfreq());
        with_value += t.get_termfreq();
    }
    // The spy skips documents without the value: no facets, a story each.
    add({}, spy.get_total() - with_value);
}

std::map<std::string, Xapian::doccount> PackedFacetCounts::tally(int field, size_t prefix_len) const
{
    std::map<std::string, Xapian::doccount> out;
    std::vector<std::string_view> values;
    auto key = [&](std::string_view v) { return std::string(prefix_len ? v.substr(0, prefix_len) : v); };
    for (const auto& [packed, n] : loose_) {
        values_of(packed, field, &values);
        for (auto v : values) out[key(v)] += n;
    }
    std::vector<std::string> had;
    for (const auto& [cluster, packs] : clusters_) {
        had.clear();
        for (const auto& packed : packs) {
            values_of(packed, field, &values);
            for (auto v : values) {
                std::string k = key(v);
                if (std::find(had.begin(), had.end(), k) != had.end()) continue;
                ++out[k];
                had.push_back(std::move(k));
            }
        }
    }
    return out;
}

std::vector<FacetResult> PackedFacetCounts::results(size_t limit, const std::string& interval) const
{
    std::vector<FacetResult> out;
    for (const auto& [name, field] : wanted_) {
        FacetResult r;
        r.name = name;
        for (const auto& [value, n] : tally(field)) r.values.push_back({value, n});
        r.distinct = r.values.size();
        sort_and_limit(&r, limit);
        out.push_back(std::move(r));
    }
    if (dates_) {
        // Stories per day decide the interval; then a story whose copies
        // span buckets counts once in each of them.
        FacetResult h = date_histogram(tally(schema::facet_day), interval);
        auto buckets = tally(schema::facet_day, h.interval == "year" ? 4 : h.interval == "month" ? 6 : 8);
        for (auto& v : h.values) {
            std::string key = v.value;
            key.erase(std::remove(key.begin(), key.end(), '-'), key.end());
            v.count = buckets[key];
        }
        out.push_back(std::move(h));
    }
    return out;
}

} // namespace morgue
