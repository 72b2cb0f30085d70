#include "query/portable_match.h"

#include "query/packed_facets.h"
#include "common/schema.h"

#include <unordered_set>

namespace morgue {

void match_portable(Xapian::Enquire& enquire, const Xapian::Database& db, const SearchRequest& req,
                    std::vector<Xapian::MSetIterator>* page, SearchResult* res,
                    std::map<std::string, Xapian::doccount>* days)
{
    const Xapian::doccount want = req.offset + req.limit;
    // checkatleast = every document: each shard's matcher then visits its
    // whole match set, so the spy's merged counts are exact.
    const Xapian::doccount check = req.exact ? db.get_doccount() : want;
    Xapian::doccount fetch = req.collapse ? want + want / 2 + 10 : req.limit;
    // Xapian 1.4.22 over remote shards miscounts a match spy when the
    // results are sorted by value (measured: 49 or 60 counted for 43
    // matches, depending on the page size): the counts then come from a
    // pass in relevance order that returns no hits.
    const bool sorted = req.sort != SortOrder::relevance;
    for (;;) {
        // A fresh spy per pass: a second pass must not count twice.
        Xapian::ValueCountMatchSpy spy(schema::slot_facets), day_spy(schema::slot_day);
        Xapian::Enquire counter(db);
        Xapian::Enquire& counting = sorted ? counter : enquire;
        if (sorted) counting.set_query(enquire.get_query());
        counting.add_matchspy(&spy);
        if (days) counting.add_matchspy(&day_spy);
        if (sorted) counting.get_mset(0, 0, check);
        Xapian::MSet mset = enquire.get_mset(req.collapse ? 0 : req.offset, fetch, sorted ? want : check);
        counting.clear_matchspies();
        page->clear();
        bool filled = true;
        if (req.collapse) {
            mset.fetch(); // one batch of document requests rather than one round trip per hit
            std::unordered_set<std::string> stories;
            Xapian::doccount kept = 0;
            for (auto it = mset.begin(); it != mset.end() && kept < want; ++it) {
                const std::string cluster = it.get_document().get_value(schema::slot_cluster);
                if (!cluster.empty() && !stories.insert(cluster).second) continue;
                if (kept++ >= req.offset) page->push_back(it);
            }
            // Short of a page with more ranked documents left: copies crowd
            // the top, so rank further.
            filled = kept == want || mset.size() < fetch;
        } else {
            for (auto it = mset.begin(); it != mset.end(); ++it) page->push_back(it);
        }
        if (!filled) {
            fetch *= 4;
            continue;
        }
        PackedFacetCounts counts(req.facets, req.count_stories);
        counts.add_spy(spy);
        res->matches = req.exact ? counts.seen() : mset.get_matches_estimated();
        res->stories = req.exact ? counts.stories() : mset.get_matches_estimated();
        res->events = req.exact ? counts.events() : mset.get_matches_estimated();
        res->exact = req.exact;
        res->facets = counts.results(req.facet_limit, req.interval);
        if (days) {
            days->clear();
            for (auto d = day_spy.values_begin(); d != day_spy.values_end(); ++d)
                if (!(*d).empty()) (*days)[*d] = d.get_termfreq();
        }
        return;
    }
}

std::map<std::string, Xapian::doccount> story_sizes(const Xapian::Database& db, const std::vector<std::string>& clusters)
{
    std::map<std::string, Xapian::doccount> sizes;
    std::vector<Xapian::Query> terms;
    for (const auto& c : clusters)
        if (!c.empty()) terms.emplace_back(schema::prefix::copy_cluster + c);
    if (terms.empty()) return sizes;
    // Every document with the term XC<c> has c in slot_cluster: the spy's
    // count of c is the term's frequency.
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    Xapian::ValueCountMatchSpy spy(schema::slot_cluster);
    enquire.add_matchspy(&spy);
    enquire.get_mset(0, 0, db.get_doccount());
    enquire.clear_matchspies();
    for (auto t = spy.values_begin(); t != spy.values_end(); ++t) sizes[*t] = t.get_termfreq();
    return sizes;
}

} // namespace morgue
