#include "indexer/event_clusterer.h"

#include "common/codec.h"
#include "common/folding_stem.h"
#include "common/schema.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace morgue {

namespace {
// An article is compared by this many of its stems (the most distinctive).
constexpr size_t kDistinctiveTerms = 40;
// Fewer distinct stems than this and there is too little to compare (title-only briefs).
constexpr size_t kMinTerms = 15;
// Of each stem's reports in this run, only the latest this many are looked
// at: an input in date order has the window's reports at the end, and a stem
// that common carries little weight anyway.
constexpr size_t kPostingsLooked = 200;
// Events compared: those of the reports sharing the most weight with the article.
constexpr size_t kCompared = 20;
// An event is compared by its latest this many reports in the window (this
// run's, and as many of earlier runs'): a long-running story stays as
// cheap to compare as a short one, and its latest reports are the ones a
// new report continues.
constexpr size_t kMembersCompared = 8;
// Earlier runs' reports: the best this many of a query of the article's stems.
constexpr Xapian::doccount kFromDatabase = 10;
constexpr size_t kQueryTerms = 15;
// A stem written as a name (capitalised inside a sentence) counts this many
// times its log frequency: chosen with scripts/measure-events (docs/events.md).
constexpr float kNameWeight = 3;

std::optional<int64_t> date_of(const Xapian::Document& doc)
{
    std::string v = doc.get_value(schema::slot_date);
    if (v.empty()) return std::nullopt;
    return static_cast<int64_t>(Xapian::sortable_unserialise(v));
}

} // namespace

EventClusterer::EventClusterer(Xapian::WritableDatabase& db, EventOptions options)
    : db_(db), opt_(options), db_had_documents_(db.get_doccount() > 0),
      docs_(static_cast<double>(db.get_doccount())), log_docs_(std::log(docs_ + 1))
{
}

uint32_t EventClusterer::term_id(const Hash128& hash, std::string_view stem)
{
    bool fresh = false;
    uint32_t id = stem_ids_.find_or_add(hash, stem, static_cast<uint32_t>(terms_.size()), &fresh);
    return fresh ? new_term(stem) : id;
}

uint32_t EventClusterer::new_term(std::string_view stem)
{
    terms_.emplace_back(stem);
    // An index already holding documents knows the stem's frequency.
    df_.push_back(db_had_documents_ ? static_cast<float>(db_.get_termfreq(terms_.back())) : 0.f);
    log_df_.push_back(std::log(df_.back() + 0.5));
    idf_.push_back(0);
    postings_.emplace_back();
    return static_cast<uint32_t>(terms_.size() - 1);
}

// An earlier run's document's free-text stems with 1 + ln(wdf).
TermVector EventClusterer::free_text_terms(const Xapian::Document& doc)
{
    TermVector v;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        const std::string& term = *t;
        if (schema::is_free_text(term)) v.push_back({term_id(hash128(term), term), log_tf(t.get_wdf())});
    }
    return v;
}

std::vector<std::string> name_stems(const Article& a, const Xapian::Stem& stemmer)
{
    std::vector<std::string> out;
    for (const std::string* text : {&a.title, &a.body})
        for (std::string w : capitalised_words(*text)) {
            for (auto& ch : w) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            out.push_back(stemmer(w));
        }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

// Names weigh more (as EventTerms::Term::name marks them in a new article).
void EventClusterer::weigh_names(const std::vector<std::string>& names, TermVector* terms)
{
    for (auto& t : *terms)
        if (std::binary_search(names.begin(), names.end(), terms_[t.term])) t.tf *= kNameWeight;
}

bool EventClusterer::in_window(const std::optional<int64_t>& a, const std::optional<int64_t>& b) const
{
    return !a || !b || std::abs(static_cast<double>(*a - *b)) <= opt_.window_days * 86400.0;
}

uint32_t EventClusterer::event_index(const std::string& id, const std::optional<int64_t>& date)
{
    auto [it, fresh] = event_ids_.try_emplace(id, static_cast<uint32_t>(events_.size()));
    if (fresh) {
        events_.push_back(id);
        members_.emplace_back();
        first_date_.emplace_back();
    }
    auto& first = first_date_[it->second];
    if (date && (!first || *date < *first)) first = date;
    return it->second;
}

// The new article holds `term`.
void EventClusterer::count_in(uint32_t term)
{
    ++df_[term];
    log_df_[term] = std::log(df_[term] + 0.5);
}

// idf_ of `terms` as of this article (the number of documents changes with
// every article).
void EventClusterer::refresh_idf(const TermVector& terms)
{
    for (const auto& t : terms) idf_[t.term] = idf_from_logs(log_docs_, log_df_[t.term]);
}

// The events of this run's reports within the window sharing the most
// weight with r.
void EventClusterer::candidates_in_run(const Report& r, Xapian::docid self, std::vector<std::string>* events)
{
    // Weight each report shares with r, in a reused array (touched_ lists what to clear).
    shared_.resize(reports_.size(), 0);
    for (const auto& t : r.terms) {
        const auto& post = postings_[t.term];
        size_t from = post.size() > kPostingsLooked ? post.size() - kPostingsLooked : 0;
        double w = static_cast<double>(t.tf) * idf_[t.term] * idf_[t.term];
        for (size_t k = from; k < post.size(); ++k) {
            if (shared_[post[k]] == 0) touched_.push_back(post[k]);
            shared_[post[k]] += w;
        }
    }
    std::vector<std::pair<double, uint32_t>> ranked;
    for (uint32_t i : touched_) {
        double w = shared_[i];
        shared_[i] = 0;
        if (!(w > 0)) continue; // before reports_[i], a cache miss
        const Report& o = reports_[i];
        // Within the window of the report and of the event's start: similar
        // routine items (results tables, weather) must not chain for weeks.
        if (o.docid == 0 || o.docid == self || !in_window(r.date, o.date) ||
            !in_window(r.date, first_date_[o.event]))
            continue;
        ranked.emplace_back(w, i);
    }
    touched_.clear();
    size_t n = std::min(kCompared, ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(n), ranked.end(),
                      [](auto& x, auto& y) { return x.first != y.first ? x.first > y.first : x.second < y.second; });
    for (size_t k = 0; k < n; ++k) events->push_back(events_[reports_[ranked[k].second].event]);
}

// The events of the earlier runs' reports best matching a query of r's
// most distinctive stems within the window.
void EventClusterer::candidates_in_database(const Report& r, Xapian::docid self, std::vector<std::string>* events)
{
    TermVector top = distinctive_terms(r.terms, idf_, kQueryTerms);
    std::vector<Xapian::Query> stems;
    for (const auto& t : top) stems.emplace_back(terms_[t.term]);
    Xapian::Query q(Xapian::Query::OP_OR, stems.begin(), stems.end());
    if (r.date) q = Xapian::Query(Xapian::Query::OP_FILTER, q, schema::within_days(*r.date, opt_.window_days));
    Xapian::Enquire enquire(db_);
    enquire.set_query(q);
    Xapian::MSet found = enquire.get_mset(0, kFromDatabase + 1);
    for (auto m = found.begin(); m != found.end(); ++m) {
        if (*m == self || report_of_.count(*m)) continue; // this run's were found already
        std::string event = m.get_document().get_value(schema::slot_event);
        if (!event.empty()) events->push_back(std::move(event));
    }
}

// An earlier run's report as this run's are compared: its distinctive
// stems, names weighing more (from its stored text). Kept for the run.
const EventClusterer::Report* EventClusterer::database_report(Xapian::docid d)
{
    auto known = database_reports_.find(d);
    if (known != database_reports_.end()) return &known->second;
    Xapian::Document doc = db_.get_document(d);
    Report o;
    o.docid = d;
    o.date = date_of(doc);
    o.terms = free_text_terms(doc);
    refresh_idf(o.terms);
    Article stored;
    if (read_article(doc, &stored).ok()) {
        auto it = stemmers_.find(stored.language);
        if (it == stemmers_.end())
            it = stemmers_.emplace(stored.language, folding_stemmer(schema::stemmer_name(stored.language))).first;
        weigh_names(name_stems(stored, it->second), &o.terms);
    }
    o.terms = distinctive_terms(std::move(o.terms), idf_, kDistinctiveTerms);
    return &database_reports_.emplace(d, std::move(o)).first->second;
}

// The docids of `event`'s reports indexed by earlier runs, latest last, read
// from its postlist once a run: an event is a candidate for many articles,
// and no run adds earlier runs' reports.
const std::vector<Xapian::docid>& EventClusterer::earlier_reports(const std::string& event)
{
    auto [it, fresh] = earlier_reports_.try_emplace(event);
    if (fresh) {
        const std::string term = schema::prefix::event + event;
        for (auto p = db_.postlist_begin(term); p != db_.postlist_end(term); ++p)
            if (!report_of_.count(*p)) it->second.push_back(*p);
    }
    return it->second;
}

// r's similarity to `event` averaged over the event's latest reports within
// the window: this run's and, when the index held documents before, earlier
// runs'. An average, not the closest report: one report alike in wording
// (a shared quote, a results table) does not carry a report into an event
// whose other reports it shares little with, and an event told from several
// angles is judged by all of them.
double EventClusterer::average_similarity(const Report& r, Xapian::docid self, const std::string& event)
{
    double sum = 0;
    size_t n = 0;
    auto compare = [&](const Report& o) {
        if (o.docid == 0 || o.docid == self || !in_window(r.date, o.date)) return;
        refresh_idf(o.terms);
        sum += event_similarity(r.terms, o.terms, idf_) * time_weight(r.date, o.date);
        ++n;
    };
    auto here = event_ids_.find(event);
    if (here != event_ids_.end()) {
        const auto& members = members_[here->second];
        for (size_t k = members.size(); k-- > 0 && n < kMembersCompared;) compare(reports_[members[k]]);
    }
    if (db_had_documents_) {
        const auto& earlier = earlier_reports(event);
        size_t taken = 0;
        for (size_t k = earlier.size(); k-- > 0 && taken < kMembersCompared;)
            if (!report_of_.count(earlier[k])) { // else replaced in this run, and compared as this run's
                compare(*database_report(earlier[k]));
                ++taken;
            }
    }
    return n ? sum / static_cast<double>(n) : 0;
}

void EventClusterer::assign(const Article& a, const EventTerms& terms, Xapian::docid self, Xapian::Document& doc)
{
    pending_.reset();
    if (!opt_.enabled) return;
    Report r;
    r.date = a.date;
    // The new article counts itself in the document frequencies, as the index will.
    r.terms.reserve(terms.terms.size());
    for (size_t i = 0; i < terms.terms.size(); ++i) {
        uint32_t id = term_id(terms.terms[i].hash, terms.stem(i));
        count_in(id);
        r.terms.push_back({id, terms.terms[i].tf});
    }
    if (!self) { // a replaced article was counted already
        docs_ += 1;
        log_docs_ = std::log(docs_ + 1);
    }
    refresh_idf(r.terms);
    if (r.terms.size() < kMinTerms) return;
    for (size_t i = 0; i < r.terms.size(); ++i)
        if (terms.terms[i].name) r.terms[i].tf *= kNameWeight;
    r.terms = distinctive_terms(std::move(r.terms), idf_, kDistinctiveTerms);

    std::vector<std::string> candidates;
    candidates_in_run(r, self, &candidates);
    if (db_had_documents_) candidates_in_database(r, self, &candidates);
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    EventChoice best;
    for (const auto& e : candidates) best.offer(average_similarity(r, self, e), e);
    // A report like no earlier one starts an event, named after it.
    std::string event = best.joins(opt_.threshold) ? best.event : schema::group_id(a.id);
    doc.add_boolean_term(schema::prefix::event + event);
    doc.add_value(schema::slot_event, event);
    doc.add_value(schema::slot_facets, schema::with_facet(doc.get_value(schema::slot_facets), schema::facet_event, event));
    r.event = event_index(event, r.date);
    pending_ = std::move(r);
}

void EventClusterer::written(Xapian::docid d)
{
    if (!pending_) return;
    pending_->docid = d;
    auto index = static_cast<uint32_t>(reports_.size());
    for (const auto& t : pending_->terms) postings_[t.term].push_back(index);
    auto [it, fresh] = report_of_.emplace(d, index);
    if (!fresh) {
        reports_[it->second].docid = 0; // an earlier version of this run's document: no longer a report
        it->second = index;
    }
    members_[pending_->event].push_back(index);
    reports_.push_back(std::move(*pending_));
    pending_.reset();
}

} // namespace morgue
