#include "search.h"

#include "codec.h"
#include "database.h"
#include "dates.h"
#include "schema.h"
#include "xapian_error.h"

#include <algorithm>
#include <chrono>
#include <iterator>
#include <memory>

namespace morgue {

namespace {

// Fewer matches than this and we look for a spelling correction.
constexpr Xapian::doccount kSuggestBelow = 3;

// Our own corrector rather than QueryParser's FLAG_SPELLING_CORRECTION: the
// spelling table holds headline words only, and QueryParser would "correct"
// a body word it lacks (including -> excluding). A word is corrected only if
// the index has never seen it. Filters and operators are left as typed.
std::string suggest(const Xapian::Database& db, const std::string& query)
{
    static const char* const operators[] = {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};
    std::string out;
    bool changed = false, in_filter_quote = false;
    size_t pos = 0;
    while (pos < query.size()) {
        size_t end = query.find_first_of(" \t", pos);
        if (end == std::string::npos) end = query.size();
        std::string chunk = query.substr(pos, end - pos);
        std::string fixed = chunk;
        size_t colon = chunk.find(':');
        if (in_filter_quote) {
            if (chunk.find('"') != std::string::npos) in_filter_quote = false;
        } else if (colon != std::string::npos) {
            std::string value = chunk.substr(colon + 1);
            in_filter_quote = !value.empty() && value[0] == '"' && value.find('"', 1) == std::string::npos;
        } else if (std::find(std::begin(operators), std::end(operators), chunk) == std::end(operators)) {
            size_t b = chunk.find_first_not_of("+-(\"");
            size_t e = chunk.find_last_not_of(")\"*");
            if (b != std::string::npos && e != std::string::npos && b <= e && chunk.back() != '*') {
                std::string word = chunk.substr(b, e - b + 1);
                std::string lower = schema::normalise_value(word);
                if (!db.term_exists(lower)) {
                    std::string better = db.get_spelling_suggestion(lower);
                    if (!better.empty() && better != lower) {
                        fixed = chunk.substr(0, b) + better + chunk.substr(e + 1);
                        changed = true;
                    }
                }
            }
        }
        out += fixed;
        if (end < query.size()) out += query[end];
        pos = end + 1;
    }
    return changed ? out : std::string();
}

Status run(Xapian::Database& db, const SearchRequest& req, const BuiltQuery& bq, SearchResult* res)
{
    Xapian::Enquire enquire(db);
    enquire.set_query(bq.query);
    if (req.sort != SortOrder::relevance)
        enquire.set_sort_by_value_then_relevance(schema::slot_date, req.sort == SortOrder::newest);
    FacetSpy spy(req.facets);
    if (!req.facets.empty()) enquire.add_matchspy(&spy);
    // checkatleast = every document: the matcher then visits the whole match
    // set, so the count is exact and the spy sees every match.
    Xapian::doccount check = req.exact ? db.get_doccount() : req.offset + req.limit;
    Xapian::MSet mset = enquire.get_mset(req.offset, req.limit, check);
    res->matches = mset.get_matches_estimated();
    res->exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
    Xapian::Stem stemmer(bq.stemmer_language);
    res->hits.clear();
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        Article a;
        Status s = decode_article(it.get_document().get_data(), &a);
        if (!s.ok()) return Status::IOError("document " + std::to_string(*it) + ": " + s.message());
        Hit h;
        h.rank = req.offset + it.get_rank() - mset.get_firstitem() + 1;
        h.id = a.id;
        h.title = a.title;
        h.outlet = a.outlet;
        h.date = a.date ? format_date(*a.date) : "";
        h.dateline = a.dateline;
        h.section = a.section;
        h.url = a.url;
        h.language = a.language;
        h.kind = a.kind;
        h.authors = a.authors;
        h.score = it.get_weight();
        h.snippet = make_snippet(mset, a.body.empty() ? a.title : a.body, req.snippet_length, stemmer);
        res->hits.push_back(std::move(h));
    }
    res->facets = spy.results(req.facet_limit, req.interval);
    res->suggestion.clear();
    if (res->matches < kSuggestBelow) {
        res->suggestion = suggest(db, req.query);
    }
    return Status::Ok();
}

} // namespace

bool parse_sort_order(const std::string& name, SortOrder* out)
{
    if (name == "relevance") *out = SortOrder::relevance;
    else if (name == "newest") *out = SortOrder::newest;
    else if (name == "oldest") *out = SortOrder::oldest;
    else return false;
    return true;
}

Status search(Xapian::Database& db, const SearchRequest& req, SearchResult* res)
{
    auto start = std::chrono::steady_clock::now();
    if (req.limit > kMaxLimit)
        return Status::Usage("--limit " + std::to_string(req.limit) + " is over the maximum of " + std::to_string(kMaxLimit));
    BuiltQuery bq;
    Status s = build_query(req.query, req.options, &bq);
    if (!s.ok()) return s;
    s = guard_xapian("searching " + req.db, [&]() -> Status {
        // A writer that commits while we read invalidates our revision;
        // reopening gets the new one (a few tries, then give up).
        for (int attempt = 0;; ++attempt) {
            try {
                return run(db, req, bq, res);
            } catch (const Xapian::DatabaseModifiedError&) {
                if (attempt == 5) throw;
                db.reopen();
            }
        }
    });
    res->elapsed_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return s;
}

Status search(const SearchRequest& req, SearchResult* res)
{
    // Check the query before touching the database: a bad query is the
    // user's to fix (exit 2) even when the database is missing too.
    BuiltQuery bq;
    Status s = build_query(req.query, req.options, &bq);
    if (!s.ok()) return s;
    std::unique_ptr<Xapian::Database> db;
    s = open_readable(req.db, &db);
    if (!s.ok()) return s;
    return search(*db, req, res);
}

} // namespace morgue
