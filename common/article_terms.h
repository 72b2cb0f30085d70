// The free-text terms of an article, generated one way for the indexer
// (indexer/document_builder.cc) and for whoever must re-derive them from the
// stored text, as related coverage does on a publication, which has no
// termlists (query/related.cc).
#pragma once

#include "common/article.h"

#include <xapian.h>

namespace morgue {

// Indexes `a`'s title (under schema::prefix::title and, with a higher wdf,
// unprefixed) and body into `tg`'s current document with `stemmer` (the
// article language's folding_stemmer), positions from 0, stems only.
void index_article_text(Xapian::TermGenerator& tg, const Xapian::Stem& stemmer, const Article& a);

} // namespace morgue
