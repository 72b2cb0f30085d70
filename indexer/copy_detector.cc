#include "copy_detector.h"

#include "hash.h"
#include "minhash.h"
#include "schema.h"

#include <cmath>
#include <map>

namespace morgue {

namespace {
// At most this many candidates are verified per article: more only happens
// for boilerplate-heavy text, where the best-ranked candidates suffice.
constexpr Xapian::doccount kMaxCandidates = 50;
// The cluster lives in its term, its value, and the last field of the packed
// facet value (so facets can count stories).
void set_cluster(Xapian::Document& doc, const std::string& cluster)
{
    doc.add_boolean_term(schema::prefix::copy_cluster + cluster);
    doc.add_value(schema::slot_cluster, cluster);
    std::string packed = doc.get_value(schema::slot_facets);
    size_t last = packed.rfind(schema::kFieldSeparator);
    if (last != std::string::npos) doc.add_value(schema::slot_facets, packed.substr(0, last + 1) + cluster);
}

} // namespace

void CopyDetector::assign(const Article& a, const std::string& idterm, Xapian::Document& doc)
{
    if (!opt_.enabled) return;
    auto sig = copy_signature(a.body.empty() ? a.title : a.body);
    if (!sig) return;
    doc.add_value(schema::slot_signature, sig->serialise());
    std::vector<Xapian::Query> bands;
    for (const auto& key : band_keys(*sig)) {
        std::string term = schema::prefix::copy_band + key;
        doc.add_boolean_term(term);
        bands.emplace_back(term);
    }
    Xapian::Query q(Xapian::Query::OP_OR, bands.begin(), bands.end());
    Xapian::Enquire enquire(db_);
    enquire.set_query(q);
    // Rank by how many bands agree: the likeliest copies first. (The date
    // window is checked on the candidates: a query for "dated in the window
    // or undated" would walk every document for every article.)
    Xapian::MSet candidates = enquire.get_mset(0, kMaxCandidates);
    Xapian::docid self = 0;
    if (auto p = db_.postlist_begin(idterm); p != db_.postlist_end(idterm)) self = *p; // our previous version

    // Clusters linked to this article, by the docid of their oldest member seen.
    std::map<std::string, Xapian::docid> linked;
    for (auto it = candidates.begin(); it != candidates.end(); ++it) {
        if (*it == self) continue;
        Xapian::Document other = it.get_document();
        if (a.date) {
            std::string when = other.get_value(schema::slot_date);
            if (!when.empty() &&
                std::abs(Xapian::sortable_unserialise(when) - static_cast<double>(*a.date)) > opt_.window_days * 86400.0)
                continue;
        }
        auto theirs = CopySignature::parse(other.get_value(schema::slot_signature));
        if (!theirs || estimate_containment(*sig, *theirs) < opt_.threshold) continue;
        std::string cluster = other.get_value(schema::slot_cluster);
        if (cluster.empty()) continue;
        auto [pos, fresh] = linked.emplace(cluster, *it);
        if (!fresh && *it < pos->second) pos->second = *it;
    }
    std::string cluster;
    if (linked.empty()) {
        cluster = hash128(idterm).hex();
    } else {
        // The cluster with the oldest member keeps its id, so ids stay stable.
        auto keep = linked.begin();
        for (auto it = linked.begin(); it != linked.end(); ++it)
            if (it->second < keep->second) keep = it;
        cluster = keep->first;
        for (const auto& [other, _] : linked)
            if (other != cluster) relabel(other, cluster);
    }
    set_cluster(doc, cluster);
}

void CopyDetector::relabel(const std::string& from, const std::string& to)
{
    ++merges_;
    const std::string from_term = schema::prefix::copy_cluster + from;
    std::vector<Xapian::docid> members(db_.postlist_begin(from_term), db_.postlist_end(from_term));
    for (Xapian::docid d : members) {
        Xapian::Document m = db_.get_document(d);
        m.remove_term(from_term);
        set_cluster(m, to);
        db_.replace_document(d, m);
    }
}

} // namespace morgue
