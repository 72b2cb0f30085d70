// The pure arithmetic of event clustering: an article as the log term
// frequencies of its most distinctive stems, weighted by inverse document
// frequency when compared, so that the weights follow the collection as it
// grows (the first articles of a fresh index are chosen by poor statistics,
// but compared by good ones).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace morgue {

struct TermTf {
    uint32_t term = 0; // a number standing for a stem (the caller's dictionary)
    float tf = 0;      // 1 + ln(wdf)
};
// Sorted by term.
using TermVector = std::vector<TermTf>;

// ln((docs + 1) / (df + 0.5)), never below 0: a stem in every document weighs nothing.
float inverse_document_frequency(double docs, double df);
// The same from ln(docs + 1) and ln(df + 0.5): a stem's df changes far less
// often than the number of documents, so the clusterer keeps each logarithm
// and subtracts (a logarithm per stem of every compared report was a fifth
// of its work).
inline float idf_from_logs(double log_docs, double log_df)
{
    return static_cast<float>(log_docs > log_df ? log_docs - log_df : 0.0);
}

// The `keep` stems of `all` (any order, one entry per stem) with the
// highest tf * idf[term], sorted by term. idf must cover every term.
TermVector distinctive_terms(TermVector all, const std::vector<float>& idf, size_t keep);

// Cosine of the two vectors with tf * idf weights; 0 when either is empty.
double event_similarity(const TermVector& a, const TermVector& b, const std::vector<float>& idf);

// What a similarity keeps between reports `days` apart: all of it within a
// week, then half as much every two weeks more. Follow-up reports of one
// event come weeks later; routine items alike in wording (results, weather)
// must not join across them on a modest similarity.
double time_decay(double days);

// What a similarity keeps between reports with dates in seconds (either may
// be unknown): time_decay() of the days apart when both are dated, and
// kUndatedWeight when either is not. A date nobody knows is weaker evidence
// than one in the same week: an undated report could be from any year, and
// reports of different events on one subject (the search for a lost plane,
// a candidate's campaigns) are told apart only by when they were written.
// Chosen with scripts/measure-events on its tune part, with the threshold (docs/events.md).
constexpr double kUndatedWeight = 0.55;
double time_weight(const std::optional<int64_t>& a, const std::optional<int64_t>& b);

// The event a new report is most similar to, and how close the most similar
// other event came: offered each candidate event with the report's
// similarity to it (EventClusterer offers its average over the event's reports).
struct EventChoice {
    double similarity = 0; // to the most similar event
    double rival = 0;      // to the most similar of the other events
    std::string event;     // empty until offered something above 0
    void offer(double s, const std::string& report_event);
    // Whether the report joins `event`: at `threshold`, or (a second chance
    // for the short, differently angled reports of one event, whose words
    // overlap little) at two thirds of it when no other event comes close.
    bool joins(double threshold) const;
};

// The words of `text` that start with a capital letter inside a sentence
// (not after . ! ? : a quote or a line break): the names of people, places
// and organisations, which tell one event from another better than common
// words do. ASCII capitals only: scripts without case name nothing.
std::vector<std::string> capitalised_words(const std::string& text);

} // namespace morgue
