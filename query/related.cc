#include "query/related.h"

#include "common/article_terms.h"
#include "common/codec.h"
#include "common/database.h"
#include "common/dates.h"
#include "common/folding_stem.h"
#include "common/reader.h"
#include "common/schema.h"
#include "query/expand_terms.h"

#include <map>
#include <memory>

namespace morgue {

namespace {
// Expansion terms taken from the article.
constexpr size_t kExpandTerms = 25;
// Ranked stories looked at before spreading across outlets.
constexpr Xapian::doccount kRanked = 200;

Status look(Xapian::Database& db, const RelatedRequest& req, RelatedResult* out)
{
    const std::string idterm = schema::id_term(req.id);
    auto p = db.postlist_begin(idterm);
    if (p == db.postlist_end(idterm)) return Status::NotFound("no article with id " + req.id);
    const Xapian::docid self = *p;
    Xapian::Document doc = db.get_document(self);
    Article a;
    Status s = read_article(doc, &a);
    if (!s.ok()) return s;
    *out = RelatedResult{a.id, a.title, a.outlet, a.date ? format_date(*a.date) : "", doc.get_value(schema::slot_event), {}, {}};

    out->terms = expansion_terms(db, self, a);
    if (out->terms.empty()) return Status::Ok();
    Xapian::Enquire enquire(db);
    Xapian::Query q(Xapian::Query::OP_OR, out->terms.begin(), out->terms.end());
    if (a.date) q = Xapian::Query(Xapian::Query::OP_FILTER, q, schema::within_days(*a.date, req.window_days));
    // Not the article, its copies (listed with it already), its outlet, or teasers.
    std::vector<Xapian::Query> exclude{Xapian::Query(idterm), Xapian::Query(schema::filter_term(schema::prefix::kind, "teaser"))};
    const std::string cluster = doc.get_value(schema::slot_cluster);
    if (!cluster.empty()) exclude.emplace_back(schema::prefix::copy_cluster + cluster);
    const std::string outlet = schema::filter_term(schema::prefix::outlet, a.outlet);
    if (!outlet.empty()) exclude.emplace_back(outlet);
    q = Xapian::Query(Xapian::Query::OP_AND_NOT, q, Xapian::Query(Xapian::Query::OP_OR, exclude.begin(), exclude.end()));
    enquire.set_query(q);
    enquire.set_collapse_key(schema::slot_cluster); // one report per story
    Xapian::MSet mset = enquire.get_mset(0, kRanked);

    std::vector<std::string> outlets;
    std::vector<Xapian::MSetIterator> ranked;
    for (auto m = mset.begin(); m != mset.end(); ++m) {
        std::string_view fields[schema::facet_field_count];
        const std::string packed = m.get_document().get_value(schema::slot_facets);
        schema::split_facets(packed, fields);
        outlets.emplace_back(fields[schema::facet_outlet]);
        ranked.push_back(m);
    }
    for (size_t i : spread_by_outlet(outlets, req.per_outlet, req.limit)) {
        Xapian::Document d = ranked[i].get_document();
        Article r;
        s = read_article(d, &r);
        if (!s.ok()) return s;
        const std::string event = d.get_value(schema::slot_event);
        out->related.push_back({r.id, r.title, r.outlet, r.date ? format_date(*r.date) : "", ranked[i].get_weight(),
                                !event.empty() && event == out->event});
    }
    return Status::Ok();
}
} // namespace

bool is_expansion_stem(const std::string& term)
{
    if (term.size() < 2 || !schema::is_free_text(term)) return false;
    return term.find_first_not_of("0123456789.,") != std::string::npos;
}

std::vector<std::string> expansion_terms(const Xapian::Database& db, Xapian::docid did, const Article& a)
{
    // The article's terms from its stored text, generated as the indexer
    // generated them, rather than from its termlist: a publication has none.
    Xapian::Document terms;
    Xapian::TermGenerator tg;
    tg.set_document(terms);
    index_article_text(tg, folding_stemmer(schema::stemmer_name(a.language)), a);
    std::vector<ExpandCandidate> candidates;
    for (auto t = terms.termlist_begin(); t != terms.termlist_end(); ++t)
        if (is_expansion_stem(*t)) candidates.push_back({*t, t.get_wdf(), db.get_termfreq(*t)});
    // Exact term frequencies, over shards too (get_eset estimates them there).
    ExpandCollection collection{db.get_doccount(), db.get_avlength(), db.get_doclength(did)};
    return top_expand_terms(candidates, collection, kExpandTerms);
}

std::vector<size_t> spread_by_outlet(const std::vector<std::string>& outlets, size_t per_outlet, size_t limit)
{
    std::map<std::string, size_t> taken;
    std::vector<size_t> out;
    for (size_t i = 0; i < outlets.size() && out.size() < limit; ++i) {
        // An unknown outlet is nobody's: each such report stands alone.
        if (!outlets[i].empty() && taken[outlets[i]]++ >= per_outlet) continue;
        out.push_back(i);
    }
    return out;
}

Status find_related(Xapian::Database& db, const RelatedRequest& req, RelatedResult* out)
{
    if (req.limit > kMaxRelated) return Status::Usage("at most " + std::to_string(kMaxRelated) + " related reports");
    if (req.window_days < 0) return Status::Usage("the window must be 0 days or more");
    return with_reopen(db, req.db, "finding coverage related to " + req.id, [&] { return look(db, req, out); });
}

Status find_related(const RelatedRequest& req, RelatedResult* out)
{
    std::unique_ptr<Xapian::Database> db;
    Status s = open_readable(req.db, &db);
    if (!s.ok()) return s;
    return find_related(*db, req, out);
}

} // namespace morgue
