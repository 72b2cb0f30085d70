// Events at index time: articles of different outlets reporting one event
// share an event id. Online, single pass: a new article joins the earlier
// event it is most similar to on average over the event's reports within a
// date window (average link), when that reaches a threshold, and starts an
// event of its own otherwise. Similarity is a cosine of tf-idf over each
// report's most distinctive stems, names weighing more, less the further
// apart in time and less when either is undated (time_weight()). Events
// never merge, so ids are stable and nothing already written is rewritten.
//
// Candidates come from the index itself: this run's articles through an
// in-memory postlist of their distinctive stems, earlier runs' through an
// ordinary Xapian query of the new article's stems restricted to the date
// window. Like copy detection it needs only the documents written before,
// so it can run once, centrally, before documents are routed anywhere.
#pragma once

#include "common/article.h"
#include "indexer/event_similarity.h"
#include "indexer/event_terms.h"

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace morgue {

struct EventOptions {
    bool enabled = true;
    // Average cosine similarity to an event's reports that joins it; chosen
    // by scripts/measure-events (docs/events.md).
    double threshold = 0.10;
    int window_days = 30; // earlier reports must be this close in date (when both are dated)
};

// The stems of the article's names (capitalised_words()), sorted, once
// each: what EventClusterer::assign() weighs more. Apart from the clusterer
// so that the threads preparing articles stem them, not the writer's.
std::vector<std::string> name_stems(const Article& a, const Xapian::Stem& stemmer);

class EventClusterer {
public:
    EventClusterer(Xapian::WritableDatabase& db, EventOptions options);
    // Adds the event (term, value, facet field) to `doc`, the next version
    // of document `self` (0 for a new article); `terms` are
    // event_terms(doc, name_stems(a)). On the writer's thread, before the
    // document is written.
    void assign(const Article& a, const EventTerms& terms, Xapian::docid self, Xapian::Document& doc);
    // The document assign() last completed was written as docid `d`.
    void written(Xapian::docid d);

private:
    struct Report {
        Xapian::docid docid = 0; // 0: replaced by a later version
        std::optional<int64_t> date;
        TermVector terms;
        uint32_t event = 0; // index into events_
    };
    uint32_t term_id(const Hash128& hash, std::string_view stem);
    uint32_t new_term(std::string_view stem);
    TermVector free_text_terms(const Xapian::Document& doc);
    void count_in(uint32_t term);
    void refresh_idf(const TermVector& terms);
    void weigh_names(const std::vector<std::string>& names, TermVector* terms);
    bool in_window(const std::optional<int64_t>& a, const std::optional<int64_t>& b) const;
    void candidates_in_run(const Report& r, Xapian::docid self, std::vector<std::string>* events);
    void candidates_in_database(const Report& r, Xapian::docid self, std::vector<std::string>* events);
    double average_similarity(const Report& r, Xapian::docid self, const std::string& event);
    const Report* database_report(Xapian::docid d);
    const std::vector<Xapian::docid>& earlier_reports(const std::string& event);
    uint32_t event_index(const std::string& id, const std::optional<int64_t>& date);

    Xapian::WritableDatabase& db_;
    EventOptions opt_;
    bool db_had_documents_ = false; // else every candidate is one of this run's
    double docs_ = 0;               // documents counted in df_
    double log_docs_ = 0;           // ln(docs_ + 1)
    StemIds stem_ids_;                            // hash128(stem) -> term id
    std::vector<std::string> terms_;              // by term id
    std::vector<float> df_, idf_;                 // by term id; idf_ refreshed before each comparison
    std::vector<double> log_df_;                  // by term id: ln(df_ + 0.5)
    std::vector<Report> reports_;                 // this run's
    std::unordered_map<Xapian::docid, uint32_t> report_of_; // docid -> its latest entry in reports_
    std::vector<std::vector<uint32_t>> postings_; // term id -> reports_ holding it among their distinctive terms
    std::vector<std::string> events_;
    std::vector<std::vector<uint32_t>> members_;  // by event: its reports in reports_, oldest first
    std::vector<std::optional<int64_t>> first_date_; // by event: its earliest dated report this run
    std::unordered_map<std::string, uint32_t> event_ids_;
    std::vector<double> shared_;                  // best_in_run's scratch, by report
    std::vector<uint32_t> touched_;
    std::optional<Report> pending_;               // assigned, not yet written
    std::unordered_map<std::string, Xapian::Stem> stemmers_; // by language, for earlier runs' names
    std::unordered_map<Xapian::docid, Report> database_reports_; // earlier runs' reports compared so far
    std::unordered_map<std::string, std::vector<Xapian::docid>> earlier_reports_; // by event: earlier_reports()
};

} // namespace morgue
