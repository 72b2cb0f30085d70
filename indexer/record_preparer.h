// The costly, database-free part of indexing one JSON record: repair, parse,
// normalise, hash and (optionally) build the document. It runs on worker
// threads, so it touches no database and prints nothing: what it has to say
// comes back as messages, printed by the writer in input order.
#pragma once

#include "common/article.h"
#include "common/article_dictionary.h"
#include "indexer/document_builder.h"
#include "indexer/event_terms.h"
#include "common/minhash.h"

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace morgue {

struct PreparedArticle {
    Article article;
    std::string idterm;
    std::string hash;   // UpdatePolicy::content_hash
    std::string record; // the line's record term, "" when none
    std::optional<CopySignature> signature;
    bool built = false; // doc and spelling are filled in
    Xapian::Document doc;
    std::vector<std::string> spelling; // headline words for the spelling table
    EventTerms events;                 // for event clustering
};

struct RecordMessage {
    uint64_t line = 0; // 0: the record's own line
    const char* level; // "error" or "warning"
    std::string text;
    bool quiet_hides = true; // a warning --quiet suppresses
};

// What one JSON text (a line, or a whole file) gave.
struct PreparedRecord {
    std::vector<RecordMessage> messages;
    uint64_t failed = 0, skipped = 0;
    std::vector<PreparedArticle> articles;
};

struct PrepareOptions {
    bool clean = false;    // read a dateline from the text when the feed gives none
    bool build = true;     // build documents (false: --update builds only what changed)
    bool spelling = true;  // collect headline words
    bool copies = true;    // compute copy signatures
    bool events = true;    // take the document's stems and names for event clustering
    // Compresses the stored articles (the database's, ArticleWriter::choose_dictionary); none: without one.
    const ArticleDictionary* dictionary = nullptr;
};

// `text` is repaired in place. `line_no` is 0 for a whole-file document,
// whose errors are then located by their byte offset. `record` is the line's
// record term (UpdatePolicy), given to a single article only: a line holding
// an array gets none.
PreparedRecord prepare_json_record(const std::string& path, uint64_t line_no, std::string& text,
                                   const std::string& record, const PrepareOptions& options,
                                   DocumentBuilder& builder);

// Finishes an article for writing: id term, content hash, signature and,
// when options.build, the document.
void prepare_article(Article a, const std::string& record, const PrepareOptions& options,
                     DocumentBuilder& builder, PreparedArticle* out);

// Builds the document of an article prepared without one.
void build_prepared(PreparedArticle& p, const PrepareOptions& options, DocumentBuilder& builder);

// Fields from feeds, made facet-ready: a dateline is a place, a known wire
// outlet gives the wire credit; `clean` also reads them from the text.
void normalise_feed_fields(Article& a, bool clean);

} // namespace morgue
