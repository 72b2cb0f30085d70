#include "indexer/copy_detector.h"

#include "common/codec.h"
#include "common/schema.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace morgue {

namespace {
// At most this many candidates are verified per article: more only happens
// for boilerplate-heavy text, where the likeliest candidates suffice.
constexpr size_t kMaxCandidates = 50;

// The cluster lives in its term, its value, and its field of the packed
// facet value (so facets can count stories).
void set_cluster(Xapian::Document& doc, const std::string& cluster)
{
    doc.add_boolean_term(schema::prefix::copy_cluster + cluster);
    doc.add_value(schema::slot_cluster, cluster);
    doc.add_value(schema::slot_facets, schema::with_facet(doc.get_value(schema::slot_facets), schema::facet_cluster, cluster));
}

std::vector<std::string> band_terms(const CopySignature& sig)
{
    std::vector<std::string> terms;
    for (const auto& key : band_keys(sig)) terms.push_back(schema::prefix::copy_band + key);
    return terms;
}
} // namespace

void relabel_document(Xapian::Document& doc, const std::string& from, const std::string& to)
{
    doc.remove_term(schema::prefix::copy_cluster + from);
    set_cluster(doc, to);
}

CopyDetector::CopyDetector(Xapian::WritableDatabase& db, CopyOptions options)
    : db_(&db), opt_(options), db_had_documents_(db.get_doccount() > 0)
{
}

CopyDetector::CopyDetector(CopyOptions options, Relabel relabel) : opt_(options), relabel_(std::move(relabel)) {}

// Documents sharing a band with the article, the most bands first.
std::vector<Xapian::docid> CopyDetector::candidates(const std::vector<std::string>& terms, Xapian::docid self)
{
    std::map<Xapian::docid, unsigned> shared;
    for (const auto& t : terms) {
        if (auto it = run_bands_.find(t); it != run_bands_.end())
            for (Xapian::docid d : it->second) ++shared[d];
        if (!db_had_documents_) continue;
        for (auto p = db_->postlist_begin(t); p != db_->postlist_end(t); ++p)
            if (!run_docs_.count(*p)) ++shared[*p]; // this run's are counted above
    }
    shared.erase(self); // our own previous version
    std::vector<std::pair<unsigned, Xapian::docid>> ranked;
    for (auto [d, n] : shared) ranked.emplace_back(n, d);
    std::sort(ranked.begin(), ranked.end(), [](auto& x, auto& y) { return x.first != y.first ? x.first > y.first : x.second < y.second; });
    std::vector<Xapian::docid> out;
    for (size_t i = 0; i < ranked.size() && i < kMaxCandidates; ++i) out.push_back(ranked[i].second);
    return out;
}

// Signature, date and cluster of a candidate: from memory for this run's
// documents, else from the stored document (its signature from its text).
std::optional<CopyDetector::Known> CopyDetector::known(Xapian::docid d)
{
    if (auto it = run_docs_.find(d); it != run_docs_.end()) return it->second;
    if (!db_) return std::nullopt;
    Xapian::Document doc = db_->get_document(d);
    Article other;
    if (!read_article(doc, &other).ok()) return std::nullopt;
    auto sig = article_signature(other);
    if (!sig) return std::nullopt;
    return Known{std::move(*sig), other.date, doc.get_value(schema::slot_cluster)};
}

std::vector<std::string> CopyDetector::assign(const Article& a, const std::optional<CopySignature>& sig,
                                              Xapian::docid self, Xapian::Document& doc)
{
    if (!opt_.enabled || !sig) return {};
    std::vector<std::string> terms = band_terms(*sig);
    for (const auto& t : terms) doc.add_boolean_term(t);

    // Clusters linked to this article, by the docid of their oldest member seen.
    std::map<std::string, Xapian::docid> linked;
    for (Xapian::docid d : candidates(terms, self)) {
        auto other = known(d);
        if (!other || other->cluster.empty()) continue;
        if (a.date && other->date &&
            std::abs(static_cast<double>(*other->date - *a.date)) > opt_.window_days * 86400.0)
            continue;
        if (estimate_containment(*sig, other->sig) < opt_.threshold) continue;
        auto [pos, fresh] = linked.emplace(other->cluster, d);
        if (!fresh && d < pos->second) pos->second = d;
    }
    std::string cluster;
    if (linked.empty()) {
        cluster = schema::group_id(a.id);
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
    return terms;
}

void CopyDetector::written(Xapian::docid d, const Article& a, std::optional<CopySignature> sig,
                           const std::vector<std::string>& bands, const Xapian::Document& doc)
{
    if (!opt_.enabled || !sig) return;
    std::string cluster = doc.get_value(schema::slot_cluster);
    if (!db_) run_clusters_[cluster].push_back(d);
    run_docs_.insert_or_assign(d, Known{std::move(*sig), a.date, std::move(cluster)});
    for (const auto& t : bands) {
        auto& ds = run_bands_[t];
        if (ds.empty() || ds.back() != d) ds.push_back(d);
    }
}

void CopyDetector::relabel(const std::string& from, const std::string& to)
{
    ++merges_;
    if (!db_) {
        auto members = run_clusters_.extract(from);
        if (members.empty()) return;
        auto& into = run_clusters_[to];
        for (Xapian::docid d : members.mapped()) {
            auto it = run_docs_.find(d);
            if (it == run_docs_.end() || it->second.cluster != from) continue; // left it since
            it->second.cluster = to;
            relabel_(d, from, to);
            into.push_back(d);
        }
        return;
    }
    const std::string from_term = schema::prefix::copy_cluster + from;
    std::vector<Xapian::docid> members(db_->postlist_begin(from_term), db_->postlist_end(from_term));
    for (Xapian::docid d : members) {
        Xapian::Document m = db_->get_document(d);
        relabel_document(m, from, to);
        db_->replace_document(d, m);
        if (auto it = run_docs_.find(d); it != run_docs_.end()) it->second.cluster = to;
    }
}

} // namespace morgue
