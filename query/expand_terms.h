// Query expansion from one relevant document without its termlist: the
// weighting and selection Xapian 1.4's Enquire::get_eset applies by default
// (TradEWeight, expand_k 1, an RSet of that one document), computed from
// term statistics the caller gathers. On a database with termlists it picks
// the terms get_eset picks, in the same order (tests/unit/test_expand_terms.cc
// compares both on real articles); on a publication, which has no termlists
// (DB_NO_TERMLIST), it is the only way.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

namespace morgue {

// One term of the relevant document.
struct ExpandCandidate {
    std::string term;
    Xapian::termcount wdf = 0;      // in the relevant document
    Xapian::doccount termfreq = 0;  // documents of the database holding it
};

// The statistics every term's weight shares.
struct ExpandCollection {
    Xapian::doccount dbsize = 0;    // documents in the database
    double avlength = 0;            // their average length (Database::get_avlength)
    Xapian::termcount doclength = 0; // the relevant document's length
};

// TradEWeight of a term of the one relevant document (rsize = rtermfreq = 1):
//   multiplier = (k + 1) wdf / (k doclength / avlength + wdf)
//   weight     = multiplier * log((r + 0.5)(N - n - (R - r) + 0.5) / ((n - r + 0.5)(R - r + 0.5)))
// with k = 1, R = r = 1, N = dbsize, n = termfreq; a wdf of 0 counts as 1.
double trad_expand_weight(const ExpandCandidate& term, const ExpandCollection& collection);

// The at most `max_terms` best candidates by trad_expand_weight, best first,
// exactly as get_eset chooses them: `candidates` in ascending term order (a
// termlist's), only weights above 0, and among equal weights the ties broken
// as Xapian's bounded heap breaks them.
std::vector<std::string> top_expand_terms(const std::vector<ExpandCandidate>& candidates,
                                          const ExpandCollection& collection, size_t max_terms);

} // namespace morgue
