#include "indexer/document_builder.h"

#include "common/article_terms.h"
#include "common/codec.h"
#include "common/dates.h"
#include "common/folding_stem.h"
#include "common/schema.h"

namespace morgue {

namespace {
void add_filter(Xapian::Document& doc, const char* prefix, const std::string& value)
{
    std::string term = schema::filter_term(prefix, value);
    if (!term.empty()) doc.add_boolean_term(term);
}
} // namespace

DocumentBuilder::DocumentBuilder() = default;

const Xapian::Stem& DocumentBuilder::stemmer_for(const std::string& language)
{
    auto it = stemmers_.find(language);
    if (it == stemmers_.end()) {
        std::string name = schema::stemmer_name(language);
        it = stemmers_.emplace(language, folding_stemmer(name)).first;
    }
    return it->second;
}

Xapian::Document DocumentBuilder::build(const Article& a, std::vector<std::string>* spelling,
                                        const ArticleDictionary* dictionary)
{
    using namespace schema;
    Xapian::Document doc;
    tg_.set_document(doc);
    index_article_text(tg_, stemmer_for(a.language), a);
    // Drop the builder's handle so the document is ours alone.
    tg_.set_document(Xapian::Document());

    // Spelling data comes from headlines only: they carry the names and
    // topics people search for, at a fraction of the cost of every body
    // word (which made indexing about 35% slower on Reuters-21578). The
    // words go to the writer: a spelling table is written on its thread.
    if (spelling) {
        Xapian::Document words;
        words_.set_document(words);
        words_.index_text_without_positions(a.title);
        words_.set_document(Xapian::Document());
        for (auto t = words.termlist_begin(); t != words.termlist_end(); ++t) spelling->push_back(*t);
    }

    doc.add_boolean_term(id_term(a.id));
    // The filter terms of every field the table gives values for.
    std::vector<std::string> values;
    for (const Field& f : fields()) {
        if (f.kind != FieldKind::filter || !f.values) continue;
        values.clear();
        f.values(a, values);
        for (const auto& v : values) add_filter(doc, f.prefix, v);
    }

    if (a.date) {
        std::string day = format_compact_day(*a.date);
        doc.add_boolean_term(prefix::day + day);
        doc.add_boolean_term(prefix::month + day.substr(0, 6));
        doc.add_boolean_term(prefix::year + day.substr(0, 4));
        doc.add_value(slot_date, Xapian::sortable_serialise(static_cast<double>(*a.date)));
        doc.add_value(slot_day, day);
    }
    doc.add_value(slot_facets, pack_facets(a)); // event (EventClusterer) and copy cluster (CopyDetector) come later

    store_article(doc, a, dictionary);
    return doc;
}

} // namespace morgue
