#include "search.h"

#include "codec.h"
#include "database.h"
#include "dates.h"
#include "schema.h"
#include "xapian_error.h"

#include <memory>

namespace morgue {

namespace {

// Normalises a filter value the way the indexer did, so outlet:AP finds
// "XOap" (QueryParser alone would produce "XO:AP").
class FilterProcessor : public Xapian::FieldProcessor {
public:
    explicit FilterProcessor(const char* prefix) : prefix_(prefix) {}
    Xapian::Query operator()(const std::string& value) override
    {
        return Xapian::Query(schema::filter_term(prefix_, value));
    }

private:
    const char* prefix_;
};

bool has_arabic(const std::string& s)
{
    // U+0600..U+06FF encode as 0xD8..0xDB lead bytes.
    for (unsigned char c : s)
        if (c >= 0xd8 && c <= 0xdb) return true;
    return false;
}

} // namespace

Status search(const SearchRequest& req, SearchResult* result)
{
    std::unique_ptr<Xapian::Database> db;
    Status s = open_readable(req.db, &db);
    if (!s.ok()) return s;
    return guard_xapian("searching " + req.db, [&]() -> Status {
        Xapian::QueryParser qp;
        Xapian::Stem stem(has_arabic(req.query) ? "arabic" : "english");
        qp.set_stemmer(stem);
        qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
        qp.set_default_op(Xapian::Query::OP_AND);
        qp.set_database(*db);
        for (const auto& f : schema::fields()) {
            if (f.boolean)
                qp.add_boolean_prefix(f.name, (new FilterProcessor(f.prefix))->release(), f.name);
            else
                qp.add_prefix(f.name, f.prefix);
        }
        Xapian::Query query;
        try {
            query = qp.parse_query(req.query, Xapian::QueryParser::FLAG_DEFAULT |
                                                  Xapian::QueryParser::FLAG_PHRASE);
        } catch (const Xapian::QueryParserError& e) {
            return Status::Usage("cannot parse query: " + e.get_msg());
        }
        Xapian::Enquire enquire(*db);
        enquire.set_query(query);
        Xapian::ValueCountMatchSpy outlets(schema::slot_outlet), sections(schema::slot_section),
            months(schema::slot_year_month);
        enquire.add_matchspy(&outlets);
        enquire.add_matchspy(&sections);
        enquire.add_matchspy(&months);
        // checkatleast = the whole database: the spies see every match, so
        // facet counts are exact.
        Xapian::MSet mset = enquire.get_mset(0, req.limit, db->get_doccount());
        result->matches = mset.get_matches_estimated();
        unsigned rank = 0;
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            Article a;
            Status d = decode_article(it.get_document().get_data(), &a);
            if (!d.ok()) return d;
            Hit h;
            h.rank = ++rank;
            h.id = a.id;
            h.title = a.title;
            h.outlet = a.outlet;
            h.date = a.date ? format_date(*a.date) : "";
            h.dateline = a.dateline;
            h.section = a.section;
            h.url = a.url;
            h.score = it.get_weight();
            h.snippet = mset.snippet(a.body, 200, stem, Xapian::MSet::SNIPPET_BACKGROUND_MODEL, "[", "]");
            result->hits.push_back(std::move(h));
        }
        for (auto [name, spy] : {std::pair<const char*, Xapian::ValueCountMatchSpy*>{"outlet", &outlets},
                                 {"section", &sections}, {"month", &months}}) {
            Facet f{name, {}};
            for (auto v = spy->top_values_begin(10); v != spy->top_values_end(10); ++v)
                f.counts.push_back({*v, v.get_termfreq()});
            result->facets.push_back(std::move(f));
        }
        return Status::Ok();
    });
}

} // namespace morgue
