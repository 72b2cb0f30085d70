// Article -> Xapian::Document, following schema.h. One builder per thread:
// it owns a TermGenerator and a cache of stemmers.
#pragma once

#include "common/article.h"
#include "common/article_dictionary.h"

#include <xapian.h>

#include <map>
#include <string>
#include <vector>

namespace morgue {

class DocumentBuilder {
public:
    DocumentBuilder();
    // The document for `a` (terms, values, compressed data). The builder
    // keeps no reference to it afterwards, so it may be handed to another
    // thread. With `spelling`, the headline's words (lower case, unstemmed)
    // are put there for the writer to add to the spelling table. The article
    // is stored compressed with `dictionary` if given.
    Xapian::Document build(const Article& a, std::vector<std::string>* spelling = nullptr,
                           const ArticleDictionary* dictionary = nullptr);
    // The stemmer build() uses for `language`.
    const Xapian::Stem& stemmer_for(const std::string& language);

private:
    Xapian::TermGenerator tg_;
    Xapian::TermGenerator words_; // unstemmed, for the spelling words
    std::map<std::string, Xapian::Stem> stemmers_;
};

} // namespace morgue
