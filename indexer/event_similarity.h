// The pure arithmetic of event clustering: an article as the log term
// frequencies of its most distinctive stems, weighted by inverse document
// frequency when compared, so that the weights follow the collection as it
// grows (the first articles of a fresh index are chosen by poor statistics,
// but compared by good ones).
#pragma once

#include <cstddef>
#include <cstdint>
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

// The `keep` stems of `all` (any order, one entry per stem) with the
// highest tf * idf[term], sorted by term. idf must cover every term.
TermVector distinctive_terms(TermVector all, const std::vector<float>& idf, size_t keep);

// Cosine of the two vectors with tf * idf weights; 0 when either is empty.
double event_similarity(const TermVector& a, const TermVector& b, const std::vector<float>& idf);

} // namespace morgue
