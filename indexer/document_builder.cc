#include "document_builder.h"

#include "article_parser.h"
#include "codec.h"
#include "dates.h"
#include "folding_stem.h"
#include "schema.h"

namespace morgue {

namespace {
// Title words count this many times in the unprefixed free-text terms, so a
// match in the headline outranks one in the body (BM25 saturates wdf, so a
// modest boost suffices).
constexpr Xapian::termcount kTitleWdf = 3;
// Gap between fields so that no phrase matches across title and body.
constexpr Xapian::termpos kFieldGap = 100;

void add_filter(Xapian::Document& doc, const char* prefix, const std::string& value)
{
    std::string term = schema::filter_term(prefix, value);
    if (!term.empty()) doc.add_boolean_term(term);
}
} // namespace

DocumentBuilder::DocumentBuilder()
{
    // Stems only (schema.h): the query parser stems every word the same way.
    tg_.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL);
}

const Xapian::Stem& DocumentBuilder::stemmer_for(const std::string& language)
{
    auto it = stemmers_.find(language);
    if (it == stemmers_.end()) {
        std::string name = schema::stemmer_name(language);
        it = stemmers_.emplace(language, folding_stemmer(name)).first;
    }
    return it->second;
}

Xapian::Document DocumentBuilder::build(const Article& a, std::vector<std::string>* spelling)
{
    using namespace schema;
    Xapian::Document doc;
    tg_.set_document(doc);
    tg_.set_stemmer(stemmer_for(a.language));
    tg_.set_termpos(0);

    tg_.index_text(a.title, 1, prefix::title);
    tg_.increase_termpos(kFieldGap);
    tg_.index_text(a.title, kTitleWdf);
    tg_.increase_termpos(kFieldGap);
    tg_.index_text(a.body);
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
    add_filter(doc, prefix::outlet, a.outlet);
    add_filter(doc, prefix::section, a.section);
    add_filter(doc, prefix::dateline, a.dateline);
    add_filter(doc, prefix::wire, a.wire);
    add_filter(doc, prefix::kind, a.kind);
    add_filter(doc, prefix::language, a.language);
    add_filter(doc, prefix::source_file, a.source_file);
    if (!a.url.empty()) add_filter(doc, prefix::host, host_of(a.url));
    std::string authors;
    for (const auto& au : a.authors) {
        add_filter(doc, prefix::author, au);
        if (!authors.empty()) authors += kListSeparator;
        authors += au;
    }

    if (a.date) {
        std::string day = format_compact_day(*a.date);
        doc.add_boolean_term(prefix::day + day);
        doc.add_boolean_term(prefix::month + day.substr(0, 6));
        doc.add_boolean_term(prefix::year + day.substr(0, 4));
        doc.add_value(slot_date, Xapian::sortable_serialise(static_cast<double>(*a.date)));
        doc.add_value(slot_day, day);
    }
    std::string packed;
    for (const std::string* f : {&a.outlet, &a.section, &a.dateline, static_cast<const std::string*>(&authors), &a.language, &a.wire, &a.kind}) {
        packed += *f;
        packed += kFieldSeparator;
    }
    if (a.date) packed += format_compact_day(*a.date);
    packed += kFieldSeparator; // the event (EventClusterer) and copy cluster (CopyDetector) follow
    packed += kFieldSeparator;
    doc.add_value(slot_facets, packed);

    store_article(doc, a);
    return doc;
}

} // namespace morgue
