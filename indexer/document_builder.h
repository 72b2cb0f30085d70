// Article -> Xapian::Document, following schema.h. One builder per thread:
// it owns a TermGenerator and a cache of stemmers.
#pragma once

#include "article.h"

#include <xapian.h>

#include <map>
#include <string>

namespace morgue {

class DocumentBuilder {
public:
    DocumentBuilder();
    // The document for `a` (terms, values, compressed data). The builder
    // keeps no reference to it afterwards, so it may be handed to another
    // thread.
    Xapian::Document build(const Article& a);
    // Feed every indexed word to `db`'s spelling table, for "did you mean".
    // The builder then writes to `db` and must stay on the writer's thread.
    void enable_spelling(Xapian::WritableDatabase& db);

private:
    const Xapian::Stem& stemmer_for(const std::string& language);
    Xapian::TermGenerator tg_;
    std::map<std::string, Xapian::Stem> stemmers_;
    bool spelling_ = false;
};

} // namespace morgue
