// The stemmer every term goes through, at indexing, in queries and for
// snippet highlights: a word's search key (fold_word) is stemmed with the
// language's Snowball stemmer. Being a Xapian::Stem, it serves TermGenerator,
// QueryParser and MSet::snippet alike, so a query typed without accents
// highlights the accented words of the original text.
#pragma once

#include <xapian.h>

#include <string>

namespace morgue {

// `stemmer_name` is Xapian's name ("english", "arabic"), or "" to fold
// without stemming.
Xapian::Stem folding_stemmer(const std::string& stemmer_name);

} // namespace morgue
