#include "query/search.h"

#include "common/codec.h"
#include "common/database.h"
#include "common/dates.h"
#include "query/facet_table.h"
#include "query/histogram.h"
#include "common/folding_stem.h"
#include "common/minhash.h"
#include "common/wire.h"
#include "query/portable_match.h"
#include "common/reader.h"
#include "common/schema.h"
#include "query/shard_options.h"
#include "common/shards.h"
#include "common/xapian_error.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iterator>
#include <map>
#include <memory>
#include <tuple>
#include <unordered_set>

namespace morgue {

namespace {

// Fewer matches than this and we look for a spelling correction.
constexpr Xapian::doccount kSuggestBelow = 3;

// Our own corrector rather than QueryParser's FLAG_SPELLING_CORRECTION: the
// spelling table holds headline words only, and QueryParser would "correct"
// a body word it lacks (including -> excluding). A word is corrected only if
// the index has never seen it (its stem: the index holds stems). Filters and
// operators are left as typed.
std::string suggest(const Xapian::Database& db, const Xapian::Database& spelling, const std::string& query,
                    const Xapian::Stem& stemmer)
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
                if (!db.term_exists(stemmer(lower))) {
                    std::string better = spelling.get_spelling_suggestion(lower);
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

// The hits of one page, collapsed by story with the facet table: the
// matcher then reads no collapse value per match. False when the top of the
// ranking holds too many copies to fill the page (Xapian collapses then).
bool collapse_page(const Xapian::MSet& mset, const FacetTable& table, const SearchRequest& req,
                   Xapian::doccount fetched, std::vector<Xapian::MSetIterator>* page)
{
    std::unordered_set<uint32_t> stories;
    Xapian::doccount kept = 0, want = req.offset + req.limit;
    for (auto it = mset.begin(); it != mset.end() && kept < want; ++it) {
        auto [cluster, end] = table.values(*it, schema::facet_cluster);
        if (cluster != end && !stories.insert(*cluster).second) continue;
        if (kept++ >= req.offset) page->push_back(it);
    }
    return kept == want || mset.size() < fetched; // else more ranked documents might fill it
}

EventReport report_of(const Article& a)
{
    return {a.id, a.title, a.outlet, a.date ? format_date(*a.date) : ""};
}

// The reports of `event` (only document `self` when it has none), earliest
// first; the first kMaxReports.
Status event_reports(Xapian::Database& db, const std::string& event, Xapian::docid self, std::vector<EventReport>* out)
{
    std::vector<Xapian::docid> members{self};
    if (!event.empty()) {
        const std::string term = schema::prefix::event + event;
        members.assign(db.postlist_begin(term), db.postlist_end(term));
    }
    // By date first (the sortable value orders as dates do; undated last), then docid.
    std::vector<std::tuple<bool, std::string, Xapian::docid>> by_date;
    for (Xapian::docid d : members) {
        std::string when = db.get_document(d, Xapian::DOC_ASSUME_VALID).get_value(schema::slot_date);
        by_date.emplace_back(when.empty(), when, d);
    }
    std::sort(by_date.begin(), by_date.end());
    if (by_date.size() > kMaxReports) by_date.resize(kMaxReports);
    out->clear();
    for (const auto& [undated, when, d] : by_date) {
        Article a;
        Status s = read_article(db.get_document(d), &a);
        if (!s.ok()) return Status::IOError("document " + std::to_string(d) + ": " + s.message());
        out->push_back(report_of(a));
    }
    return Status::Ok();
}


using Clock = std::chrono::steady_clock;

// The end of a search's time budget (none: time_point::max()).
struct Deadline {
    Clock::time_point at = Clock::time_point::max();
    bool passed() const { return Clock::now() >= at; }
    double seconds_left() const
    {
        return std::max(std::chrono::duration<double>(at - Clock::now()).count(), 1e-6);
    }
};

void mark_partial(const SearchRequest& req, const std::string& what, SearchResult* res)
{
    char budget[32];
    std::snprintf(budget, sizeof budget, "%g", req.time_limit);
    res->partial = true;
    res->partial_reason += (res->partial_reason.empty() ? std::string("the time limit of ") + budget + " s ran out: "
                                                        : std::string("; ")) + what;
}

// Matching with the custom FacetSpy (and the facet table when asked): the
// fastest way, for a single database. Fills `days` with the matching
// articles by day (for the histogram's shares).
Status match_local(Xapian::Database& db, Xapian::Enquire& enquire, const SearchRequest& req,
                   const Deadline& deadline, std::vector<Xapian::MSetIterator>* page, SearchResult* res,
                   std::map<std::string, Xapian::doccount>* days);

Status run(Xapian::Database& db, const SearchRequest& req, const BuiltQuery& bq, const Deadline& deadline,
           SearchResult* res)
{
    res->partial = false;
    res->partial_reason.clear();
    Xapian::Enquire enquire(db);
    enquire.set_query(bq.query);
    // Xapian stops counting (checkatleast) when this runs out; the matcher
    // then ends as soon as it has the page, and we say the answer is partial.
    if (req.time_limit > 0) enquire.set_time_limit(deadline.seconds_left());
    if (req.sort != SortOrder::relevance)
        enquire.set_sort_by_value_then_relevance(schema::slot_date, req.sort == SortOrder::newest);
    std::vector<Xapian::MSetIterator> page;
    // A remote shard runs only Xapian's own match spies (docs/scaling.md).
    // FacetSpy reads values by docid, and a MatchSpy is handed a shard's
    // own docid for a document of a sharded database: it serves a single
    // database only.
    std::map<std::string, Xapian::doccount> sizes; // of the page's stories, when sharded
    std::map<std::string, Xapian::doccount> days;  // matching articles by day, for shares
    const bool sharded = req.portable_facets || db.size() > 1 || has_remote_shard(req.db);
    if (sharded && (req.group_events || req.count_events))
        return Status::Usage("grouping or counting by event is not available over shards yet");
    if (sharded) {
        match_portable(enquire, db, req, &page, res, req.histogram_share ? &days : nullptr);
        std::vector<std::string> clusters;
        for (const auto& it : page) clusters.push_back(it.get_document().get_value(schema::slot_cluster));
        sizes = story_sizes(db, clusters);
    } else {
        Status s = match_local(db, enquire, req, deadline, &page, res, &days);
        if (!s.ok()) return s;
    }
    // Over shards too, a match that ended after the deadline may not have
    // counted everything (see match_local).
    if (sharded && req.exact && req.time_limit > 0 && deadline.passed()) {
        mark_partial(req, "the match count and facets are estimates", res);
        res->exact = false;
    }
    Xapian::Stem stemmer = folding_stemmer(bq.stemmer_language);
    // The query's free-text stems (filter terms carry upper-case prefixes).
    std::vector<std::string> stems;
    for (auto t = bq.query.get_terms_begin(); t != bq.query.get_terms_end(); ++t)
        if (schema::is_free_text(*t)) stems.push_back(*t);
    res->hits.clear();
    bool snippets = true;
    for (const auto& it : page) {
        Article a;
        Status s = read_article(it.get_document(), &a);
        if (!s.ok()) return Status::IOError("document " + std::to_string(*it) + ": " + s.message());
        Hit h;
        h.rank = req.offset + static_cast<unsigned>(res->hits.size()) + 1;
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
        h.source_file = a.source_file;
        h.source_line = a.source_line;
        for (const auto& [field, how] : a.provenance) {
            if (field == "outlet") h.outlet_found = how;
            if (field == "date") h.date_found = how;
        }
        // Snippets and "also carried by" cost per hit: past the deadline the
        // rest of the page goes without them.
        if (snippets && deadline.passed()) {
            snippets = false;
            mark_partial(req, "hits from rank " + std::to_string(h.rank) + " on have no snippet", res);
        }
        if (snippets)
            h.snippet = make_snippet(it.mset, a.body.empty() ? a.title : a.body, req.snippet_length, stemmer, stems);
        h.cluster = it.get_document().get_value(schema::slot_cluster);
        if (!h.cluster.empty()) {
            const std::string term = schema::prefix::copy_cluster + h.cluster;
            const Xapian::doccount size = sharded ? sizes[h.cluster] : db.get_termfreq(term);
            h.copies = size ? size - 1 : 0;
            // A story of one article (most) has no postings worth reading:
            // over remote shards each costs a round trip per shard.
            for (auto p = h.copies ? db.postlist_begin(term) : db.postlist_end(term);
                 snippets && p != db.postlist_end(term) && h.also_carried_by.size() < 10; ++p) {
                if (*p == *it) continue;
                const std::string packed = db.get_document(*p, Xapian::DOC_ASSUME_VALID).get_value(schema::slot_facets);
                std::string_view fields[schema::facet_field_count];
                schema::split_facets(packed, fields);
                std::string outlet(fields[schema::facet_outlet]);
                if (!outlet.empty() && outlet != h.outlet &&
                    std::find(h.also_carried_by.begin(), h.also_carried_by.end(), outlet) == h.also_carried_by.end())
                    h.also_carried_by.push_back(outlet);
            }
        }
        h.event = it.get_document().get_value(schema::slot_event);
        if (!h.event.empty()) h.event_reports = db.get_termfreq(schema::prefix::event + h.event);
        if (req.group_events) {
            Status rs = event_reports(db, h.event, *it, &h.reports);
            if (!rs.ok()) return rs;
        }
        res->hits.push_back(std::move(h));
    }
    if (req.histogram_share)
        for (auto& f : res->facets)
            if (f.name == "date") add_date_shares(db, days, &f);
    res->suggestion.clear();
    if (res->matches < kSuggestBelow && !deadline.passed()) {
        // Remote shards keep their spelling tables to themselves: a local
        // spelling database (--spelling) stands in for them.
        const std::string& path = spelling_database();
        Xapian::Database spelling = path.empty() ? db : open_database(path);
        res->suggestion = suggest(db, spelling, req.query, stemmer);
    }
    return Status::Ok();
}

Status match_local(Xapian::Database& db, Xapian::Enquire& enquire, const SearchRequest& req,
                   const Deadline& deadline, std::vector<Xapian::MSetIterator>* page, SearchResult* res,
                   std::map<std::string, Xapian::doccount>* days)
{
    std::shared_ptr<const FacetTable> table;
    if (req.facet_table) {
        Status s = FacetTable::for_database(db, &table);
        if (!s.ok()) return s;
    }
    // With the table and exact counts, stories are told apart here; the
    // page is collapsed from a ranking a little longer than it.
    bool own_collapse = req.collapse && table && req.exact && !req.group_events;
    if (req.group_events) enquire.set_collapse_key(schema::slot_event);
    else if (req.collapse && !own_collapse) enquire.set_collapse_key(schema::slot_cluster);
    // The spy always runs: it also counts the distinct stories and events.
    FacetSpy spy(db, table, req.facets, req.count_events ? schema::facet_event : schema::facet_cluster,
                 req.count_stories || req.count_events);
    enquire.add_matchspy(&spy);
    // checkatleast = every document: the matcher then visits the whole match
    // set, so the count is exact and the spy sees every match.
    Xapian::doccount check = req.exact ? db.get_doccount() : req.offset + req.limit;
    Xapian::doccount want = req.offset + req.limit, fetch = want + want / 2 + 10;
    Xapian::MSet mset = own_collapse ? enquire.get_mset(0, fetch, check) : enquire.get_mset(req.offset, req.limit, check);
    if (own_collapse) {
        if (!collapse_page(mset, *table, req, fetch, page)) {
            // Copies crowd the top: let Xapian collapse (a second pass).
            SearchRequest plain = req;
            plain.facet_table = false;
            enquire.clear_matchspies();
            return match_local(db, enquire, plain, deadline, page, res, days);
        }
    } else {
        for (auto it = mset.begin(); it != mset.end(); ++it) page->push_back(it);
    }
    // With collapsing, MSet counts are of collapsed hits and only bounds; the
    // spy saw every match, so when it examined them all its counts are exact.
    // Xapian's timer fires no earlier than our deadline, so a match that
    // returned before the deadline counted everything; after it, it may not
    // have (the bounds cannot tell: with collapsing they differ anyway).
    const bool counted = req.time_limit <= 0 || !deadline.passed();
    const bool exact = req.exact && counted;
    if (req.exact && !counted) mark_partial(req, "the match count and facets are estimates", res);
    res->matches = exact ? spy.seen() : mset.get_uncollapsed_matches_estimated();
    res->stories = exact ? spy.distinct(schema::facet_cluster) : mset.get_matches_estimated();
    res->events = exact ? spy.distinct(schema::facet_event) : mset.get_matches_estimated();
    res->exact = exact;
    res->facets = spy.results(req.facet_limit, req.interval);
    if (req.histogram_share) *days = spy.matching_days();
    enquire.clear_matchspies(); // the spy goes out of scope
    return Status::Ok();
}

} // namespace

Status list_copies(const std::string& path, const std::string& id, std::vector<Copy>* out)
{
    std::unique_ptr<Xapian::Database> db;
    Status s = open_readable(path, &db);
    if (!s.ok()) return s;
    return guard_xapian("listing copies in " + path, [&]() -> Status {
        const std::string idterm = schema::id_term(id);
        auto p = db->postlist_begin(idterm);
        if (p == db->postlist_end(idterm)) return Status::NotFound("no article with id " + id);
        Xapian::Document self = db->get_document(*p);
        Article asked;
        Status ds = read_article(self, &asked);
        if (!ds.ok()) return ds;
        auto mine = article_signature(asked);
        std::string cluster = self.get_value(schema::slot_cluster);
        std::vector<Xapian::docid> members{*p};
        if (!cluster.empty()) {
            const std::string term = schema::prefix::copy_cluster + cluster;
            members.assign(db->postlist_begin(term), db->postlist_end(term));
        }
        std::vector<std::pair<std::tuple<int, std::string, std::string>, Copy>> rows;
        for (Xapian::docid d : members) {
            Xapian::Document doc = db->get_document(d);
            Article a;
            ds = read_article(doc, &a);
            if (!ds.ok()) return ds;
            Copy c{a.id, a.title, a.outlet, a.date ? format_date(*a.date) : "", a.wire, 1.0};
            auto theirs = article_signature(a);
            if (mine && theirs) c.similarity = estimate_containment(*mine, *theirs);
            bool original = !a.wire.empty() && wire_of(a.outlet) == a.wire;
            std::string when = a.date ? format_datetime(*a.date) : "~";
            rows.push_back({{original ? 0 : 1, when, a.id}, c});
        }
        std::sort(rows.begin(), rows.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
        // Earliest first; the wire original leads when it is among the earliest day's.
        std::stable_sort(rows.begin(), rows.end(), [](const auto& x, const auto& y) {
            return std::get<1>(x.first).substr(0, 10) < std::get<1>(y.first).substr(0, 10);
        });
        out->clear();
        for (auto& [key, c] : rows) out->push_back(std::move(c));
        return Status::Ok();
    });
}

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
    auto start = Clock::now();
    Deadline deadline;
    if (req.time_limit > 0)
        deadline.at = start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(req.time_limit));
    if (req.limit > kMaxLimit)
        return Status::Usage("a page of " + std::to_string(req.limit) + " hits is over the maximum of " +
                             std::to_string(kMaxLimit));
    BuiltQuery bq;
    Status s = build_query(req.query, req.options, &bq);
    if (!s.ok()) return s;
    // A writer that commits (or a rebuild that switches) while we read
    // invalidates our revision: with_reopen opens the latest and retries.
    s = with_reopen(db, req.db, "searching " + req.db, [&] { return run(db, req, bq, deadline, res); });
    res->elapsed_ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    return s;
}

Status open_for_query(const SearchRequest& req, std::unique_ptr<Xapian::Database>* db)
{
    BuiltQuery bq;
    Status s = build_query(req.query, req.options, &bq);
    if (!s.ok()) return s;
    return open_readable(req.db, db);
}

Status search(const SearchRequest& req, SearchResult* res)
{
    std::unique_ptr<Xapian::Database> db;
    Status s = open_for_query(req, &db);
    if (!s.ok()) return s;
    return search(*db, req, res);
}

} // namespace morgue
