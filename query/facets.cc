#include "query/facets.h"

#include "query/histogram.h"
#include "common/schema.h"

#include <algorithm>
#include <string_view>

namespace morgue {

const std::vector<std::string>& facet_names()
{
    static const std::vector<std::string> names = [] {
        std::vector<std::string> n;
        for (const auto& f : schema::fields())
            if (f.flags & schema::in_facets) n.push_back(f.name);
        return n;
    }();
    return names;
}

const schema::Field* find_facet(std::string_view name)
{
    return schema::find_field(name, schema::in_facets);
}

void sort_and_limit(FacetResult* r, size_t limit)
{
    auto by_count = [](const FacetValue& a, const FacetValue& b) {
        return a.count != b.count ? a.count > b.count : a.value < b.value;
    };
    size_t keep = std::min(limit, r->values.size());
    std::partial_sort(r->values.begin(), r->values.begin() + static_cast<std::ptrdiff_t>(keep), r->values.end(), by_count);
    r->values.resize(keep);
}

FacetSpy::FacetSpy(const Xapian::Database& db, std::shared_ptr<const FacetTable> table,
                   std::vector<std::string> names, schema::FacetField unit, bool by_unit)
    : db_(db), table_(std::move(table)), unit_(unit), by_unit_(by_unit)
{
    if (!table_) {
        packed_ = db.valuestream_begin(schema::slot_facets);
        packed_end_ = db.valuestream_end(schema::slot_facets);
    }
    for (const auto& n : names) {
        const schema::Field* f = find_facet(n);
        if (f && f->kind == schema::FieldKind::date) dates_ = true;
        else if (f) counters_.push_back({f->name, f->facet, {}});
    }
}

void FacetSpy::load(Xapian::docid did, const Xapian::Document* doc)
{
    if (table_) {
        for (int f = 0; f < schema::facet_field_count; ++f) spans_[f] = table_->values(did, f);
        return;
    }
    // One value holds every facet field (see schema::slot_facets).
    std::string packed;
    if (doc && packed_ != packed_end_ && packed_.get_docid() < did) packed_.skip_to(did);
    if (doc && packed_ != packed_end_ && packed_.get_docid() == did) packed = *packed_;
    else packed = (doc ? *doc : db_.get_document(did, Xapian::DOC_ASSUME_VALID)).get_value(schema::slot_facets);
    scratch_.clear();
    std::pair<size_t, size_t> at[schema::facet_field_count];
    number_facets(packed, names_, scratch_, at);
    for (int f = 0; f < schema::facet_field_count; ++f)
        spans_[f] = {scratch_.data() + at[f].first, scratch_.data() + at[f].second};
}

void FacetSpy::count_loaded(Counter& c)
{
    for (const uint32_t* id = spans_[c.field].first; id != spans_[c.field].second; ++id) {
        if (*id >= c.counts.size()) c.counts.resize(*id + 1);
        ++c.counts[*id];
    }
}

void FacetSpy::operator()(const Xapian::Document& doc, double)
{
    ++seen_;
    const Xapian::docid did = doc.get_docid();
    load(did, &doc);
    for (int k = 0; k < 2; ++k) {
        auto [id, none] = spans_[k ? schema::facet_event : schema::facet_cluster];
        if (id == none) {
            ++lone_[k];
            continue;
        }
        if (*id >= seen_ids_[k].size()) seen_ids_[k].resize(*id + 1, 0);
        if (!seen_ids_[k][*id]) {
            seen_ids_[k][*id] = 1;
            ++distinct_[k];
        }
    }
    // An article without a unit (too short to compare) is a unit of its own.
    auto [cluster, end] = spans_[unit_];
    bool counted_now = true;
    if (cluster != end) {
        if (*cluster >= first_doc_.size()) first_doc_.resize(*cluster + 1, 0);
        if (!first_doc_[*cluster]) {
            first_doc_[*cluster] = did;
        } else if (by_unit_) {
            copies_.emplace_back(*cluster, did);
            counted_now = false;
        }
    }
    if (dates_) count_loaded(day_documents_);
    if (!counted_now) return;
    for (auto& c : counters_) count_loaded(c);
    if (dates_) count_loaded(days_);
}

void FacetSpy::add_copies(Counter& c, size_t bucket_len)
{
    // A value as counted: its id, or with bucket_len (dates) its bucket's.
    auto key = [&](uint32_t id) {
        return bucket_len ? std::string(names(c.field).text(id).substr(0, bucket_len)) : std::to_string(id);
    };
    std::map<uint32_t, std::vector<Xapian::docid>> by_cluster;
    for (auto [cluster, did] : copies_) by_cluster[cluster].push_back(did);
    for (const auto& [cluster, dids] : by_cluster) {
        std::vector<std::string> had;
        load(first_doc_[cluster], nullptr);
        for (const uint32_t* id = spans_[c.field].first; id != spans_[c.field].second; ++id) had.push_back(key(*id));
        for (Xapian::docid did : dids) {
            load(did, nullptr);
            for (const uint32_t* id = spans_[c.field].first; id != spans_[c.field].second; ++id) {
                std::string k = key(*id);
                if (std::find(had.begin(), had.end(), k) != had.end()) continue;
                had.push_back(k);
                if (*id >= c.counts.size()) c.counts.resize(*id + 1);
                ++c.counts[*id];
            }
        }
    }
}

std::vector<FacetResult> FacetSpy::results(size_t limit, const std::string& interval)
{
    std::vector<FacetResult> out;
    for (const auto& counter : counters_) {
        Counter c = counter; // results() may be asked for more than once
        add_copies(c);
        FacetResult r;
        r.name = c.name;
        for (uint32_t id = 0; id < c.counts.size(); ++id)
            if (c.counts[id]) r.values.push_back({names(c.field).text(id), c.counts[id]});
        r.distinct = r.values.size();
        sort_and_limit(&r, limit);
        out.push_back(std::move(r));
    }
    if (dates_) {
        // Stories per day decide the interval; then a story whose copies
        // span buckets counts once in each of them.
        Counter per_day = days_;
        add_copies(per_day);
        std::map<std::string, Xapian::doccount> days;
        for (uint32_t id = 0; id < per_day.counts.size(); ++id)
            if (per_day.counts[id]) days[names(schema::facet_day).text(id)] = per_day.counts[id];
        FacetResult h = date_histogram(days, interval);
        if (by_unit_ && !copies_.empty()) {
            size_t len = h.interval == "year" ? 4 : h.interval == "month" ? 6 : 8;
            Counter per_bucket = days_;
            add_copies(per_bucket, len);
            std::map<std::string, Xapian::doccount> buckets;
            for (uint32_t id = 0; id < per_bucket.counts.size(); ++id)
                buckets[names(schema::facet_day).text(id).substr(0, len)] += per_bucket.counts[id];
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
    fill_date_gaps(&r);
    return r;
}

std::map<std::string, Xapian::doccount> FacetSpy::matching_days() const
{
    std::map<std::string, Xapian::doccount> days;
    for (uint32_t id = 0; id < day_documents_.counts.size(); ++id)
        if (day_documents_.counts[id]) days[std::string(names(schema::facet_day).text(id))] = day_documents_.counts[id];
    return days;
}

} // namespace morgue
