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

uint32_t StringIds::id(std::string_view s)
{
    if (auto it = ids_.find(s); it != ids_.end()) return it->second;
    auto id = static_cast<uint32_t>(texts_.size());
    texts_.emplace_back(s);
    ids_.emplace(texts_.back(), id);
    return id;
}

StringIds::StringIds(const StringIds& other) : texts_(other.texts_)
{
    for (uint32_t i = 0; i < texts_.size(); ++i) ids_.emplace(texts_[i], i);
}

FacetSpy::FacetSpy(const Xapian::Database& db, std::vector<std::string> names, bool by_story)
    : db_(db), packed_(db.valuestream_begin(schema::slot_facets)), packed_end_(db.valuestream_end(schema::slot_facets)),
      by_story_(by_story)
{
    for (const auto& n : names) {
        if (n == "date") dates_ = true;
        for (const auto& f : kFacets)
            if (n == f.name) counters_.push_back({f.name, f.field, f.list, {}, {}});
    }
}

void FacetSpy::count(Counter& c, std::string_view value)
{
    uint32_t id = c.values.id(value);
    if (id >= c.counts.size()) c.counts.resize(id + 1);
    ++c.counts[id];
}

// Calls f(value) for each value the packed facets hold for `field`.
template <class F>
void for_each_value(std::string_view (&fields)[schema::facet_field_count], int field, bool list, F f)
{
    std::string_view v = fields[field];
    if (v.empty()) return;
    if (!list) return f(v);
    for (;;) {
        size_t end = v.find(schema::kListSeparator);
        f(v.substr(0, end));
        if (end == std::string_view::npos) return;
        v.remove_prefix(end + 1);
    }
}

void FacetSpy::count_all(std::string_view packed)
{
    std::string_view fields[schema::facet_field_count];
    schema::split_facets(packed, fields);
    for (auto& c : counters_) for_each_value(fields, c.field, c.list, [&](std::string_view v) { count(c, v); });
    if (dates_) for_each_value(fields, days_.field, false, [&](std::string_view v) { count(days_, v); });
}

void FacetSpy::operator()(const Xapian::Document& doc, double)
{
    ++seen_;
    // One value holds every facet field (see schema::slot_facets).
    const Xapian::docid did = doc.get_docid();
    if (packed_ != packed_end_ && packed_.get_docid() < did) packed_.skip_to(did);
    // (Were a match ever visited out of order, the document itself answers.)
    const std::string packed =
        packed_ != packed_end_ && packed_.get_docid() == did ? *packed_ : doc.get_value(schema::slot_facets);
    std::string_view cluster = packed;
    size_t last = cluster.rfind(schema::kFieldSeparator);
    cluster.remove_prefix(last == std::string_view::npos ? cluster.size() : last + 1);
    // An article without a cluster (too short to compare) is a story of its own.
    if (cluster.empty()) {
        ++unclustered_;
        return count_all(packed);
    }
    uint32_t id = clusters_.id(cluster);
    if (id == first_doc_.size()) {
        first_doc_.push_back(did);
        return count_all(packed);
    }
    if (by_story_) copies_.push_back({id, packed});
    else count_all(packed);
}

std::vector<uint32_t> FacetSpy::ids_of(Counter& c, std::string_view packed) const
{
    std::string_view fields[schema::facet_field_count];
    schema::split_facets(packed, fields);
    std::vector<uint32_t> ids;
    for_each_value(fields, c.field, c.list, [&](std::string_view v) { ids.push_back(c.values.id(v)); });
    return ids;
}

std::string FacetSpy::first_packed(uint32_t cluster) const
{
    return db_.get_document(first_doc_[cluster], Xapian::DOC_ASSUME_VALID).get_value(schema::slot_facets);
}

std::vector<FacetResult> FacetSpy::results(size_t limit, const std::string& interval) const
{
    // Copies add the values their story's earlier documents lacked. (The
    // counters are copied: results() may be asked for more than once.)
    std::map<uint32_t, std::vector<const Copy*>> by_cluster;
    for (const auto& c : copies_) by_cluster[c.cluster].push_back(&c);
    std::vector<std::string> firsts;
    for (const auto& [cluster, _] : by_cluster) firsts.push_back(first_packed(cluster));
    auto with_copies = [&](Counter c) {
        size_t i = 0;
        for (const auto& [cluster, copies] : by_cluster) {
            std::vector<uint32_t> had = ids_of(c, firsts[i++]);
            for (const Copy* copy : copies)
                for (uint32_t id : ids_of(c, copy->packed))
                    if (std::find(had.begin(), had.end(), id) == had.end()) {
                        had.push_back(id);
                        if (id >= c.counts.size()) c.counts.resize(id + 1);
                        ++c.counts[id];
                    }
        }
        return c;
    };

    std::vector<FacetResult> out;
    auto by_count = [](const FacetValue& a, const FacetValue& b) {
        return a.count != b.count ? a.count > b.count : a.value < b.value;
    };
    for (const auto& counter : counters_) {
        Counter c = with_copies(counter);
        FacetResult r;
        r.name = c.name;
        for (uint32_t id = 0; id < c.counts.size(); ++id)
            if (c.counts[id]) r.values.push_back({c.values.text(id), c.counts[id]});
        r.distinct = r.values.size();
        size_t keep = std::min(limit, r.values.size());
        std::partial_sort(r.values.begin(), r.values.begin() + static_cast<std::ptrdiff_t>(keep), r.values.end(), by_count);
        r.values.resize(keep);
        out.push_back(std::move(r));
    }
    if (dates_) {
        // Story counts per day decide the interval; then a story whose
        // copies span buckets counts once in each of them.
        Counter per_day = with_copies(days_);
        std::map<std::string, Xapian::doccount> days;
        for (uint32_t id = 0; id < per_day.counts.size(); ++id)
            if (per_day.counts[id]) days[per_day.values.text(id)] = per_day.counts[id];
        FacetResult h = date_histogram(days, interval);
        if (by_story_ && !by_cluster.empty()) {
            size_t len = h.interval == "year" ? 4 : h.interval == "month" ? 6 : 8;
            std::map<std::string, Xapian::doccount> buckets;
            for (uint32_t id = 0; id < days_.counts.size(); ++id) buckets[days_.values.text(id).substr(0, len)] += days_.counts[id];
            size_t i = 0;
            Counter scratch = days_;
            for (const auto& [cluster, copies] : by_cluster) {
                std::vector<std::string> had;
                for (uint32_t id : ids_of(scratch, firsts[i])) had.push_back(scratch.values.text(id).substr(0, len));
                ++i;
                for (const Copy* copy : copies)
                    for (uint32_t id : ids_of(scratch, copy->packed)) {
                        std::string b = scratch.values.text(id).substr(0, len);
                        if (std::find(had.begin(), had.end(), b) != had.end()) continue;
                        had.push_back(b);
                        ++buckets[b];
                    }
            }
            for (auto& v : h.values) {
                std::string key;
                for (char ch : v.value)
                    if (ch != '-') key += ch;
                v.count = buckets[key];
            }
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
