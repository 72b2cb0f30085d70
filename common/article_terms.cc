#include "common/article_terms.h"

#include "common/schema.h"

namespace morgue {

namespace {
// Title words count this many times in the unprefixed free-text terms, so a
// match in the headline outranks one in the body (BM25 saturates wdf, so a
// modest boost suffices).
constexpr Xapian::termcount kTitleWdf = 3;
// Gap between fields so that no phrase matches across title and body.
constexpr Xapian::termpos kFieldGap = 100;
} // namespace

void index_article_text(Xapian::TermGenerator& tg, const Xapian::Stem& stemmer, const Article& a)
{
    // Stems only (schema.h): the query parser stems every word the same way.
    tg.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL);
    tg.set_stemmer(stemmer);
    tg.set_termpos(0);
    tg.index_text(a.title, 1, schema::prefix::title);
    tg.increase_termpos(kFieldGap);
    tg.index_text(a.title, kTitleWdf);
    tg.increase_termpos(kFieldGap);
    tg.index_text(a.body);
}

} // namespace morgue
