#include "indexer/record_preparer.h"

#include "indexer/article_parser.h"
#include "indexer/copy_detector.h"
#include "indexer/dateline.h"
#include "indexer/event_clusterer.h"
#include "common/wire.h"
#include "common/schema.h"
#include "indexer/update_policy.h"
#include "indexer/utf8.h"

#include <nlohmann/json.hpp>

namespace morgue {

namespace {
// Line (1-based) of byte offset `byte` in `text`.
uint64_t line_of(std::string_view text, size_t byte)
{
    uint64_t line = 1;
    for (size_t i = 0; i < byte && i < text.size(); ++i)
        if (text[i] == '\n') ++line;
    return line;
}

void prepare_value(const nlohmann::json& value, const std::string& path, uint64_t line_no,
                   const std::string& record, const PrepareOptions& options, DocumentBuilder& builder,
                   PreparedRecord* out)
{
    Article a;
    std::vector<std::string> warnings;
    Status s = article_from_json(value, &a, &warnings);
    for (auto& w : warnings) out->messages.push_back({line_no, "warning", std::move(w)});
    if (!s.ok()) {
        if (value.is_object()) {
            // A record with nothing to search: real corpora have them.
            out->messages.push_back({line_no, "warning", s.message() + "; skipped"});
            ++out->skipped;
        } else {
            out->messages.push_back({line_no, "error", s.message(), false});
            ++out->failed;
        }
        return;
    }
    a.source_file = path;
    a.source_line = line_no;
    normalise_feed_fields(a, options.clean);
    out->articles.emplace_back();
    prepare_article(std::move(a), record, options, builder, &out->articles.back());
}
} // namespace

void normalise_feed_fields(Article& a, bool clean)
{
    if (!a.dateline.empty()) {
        std::string place = normalise_dateline(a.dateline);
        a.provenance.emplace_back("dateline", "feed field '" + a.dateline + "'");
        a.dateline = place;
    } else if (clean) {
        if (auto d = parse_dateline_opening(a.body)) {
            a.dateline = d->place;
            a.provenance.emplace_back("dateline", "opening of the text");
            if (!d->wire.empty()) a.wire = d->wire;
        }
    }
    if (a.wire.empty()) a.wire = wire_of(a.outlet);
}

void build_prepared(PreparedArticle& p, const PrepareOptions& options, DocumentBuilder& builder)
{
    p.doc = builder.build(p.article, options.spelling ? &p.spelling : nullptr, options.dictionary);
    p.doc.add_value(schema::slot_content_hash, p.hash);
    if (!p.record.empty()) p.doc.add_term(p.record);
    // Last, so that these are the stems the written document has (what the
    // writer adds, copy bands and the event, has prefixes).
    if (options.events) p.events = event_terms(p.doc, name_stems(p.article, builder.stemmer_for(p.article.language)));
    p.built = true;
}

void prepare_article(Article a, const std::string& record, const PrepareOptions& options,
                     DocumentBuilder& builder, PreparedArticle* out)
{
    if (a.id.empty()) a.id = fallback_id(a);
    out->article = std::move(a);
    out->idterm = schema::id_term(out->article.id);
    out->hash = UpdatePolicy::content_hash(out->article);
    out->record = record;
    if (options.copies) out->signature = article_signature(out->article);
    if (options.build) build_prepared(*out, options, builder);
}

namespace {
PreparedRecord prepare_json_text(const std::string& path, uint64_t line_no, std::string& text,
                                 const std::string& record, const PrepareOptions& options, DocumentBuilder& builder)
{
    PreparedRecord out;
    if (size_t bad = repair_utf8(text))
        out.messages.push_back({line_no, "warning", std::to_string(bad) + " invalid UTF-8 byte(s) replaced by U+FFFD"});
    nlohmann::json value;
    try {
        value = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) {
        // parse_error for bad syntax, out_of_range for a number like 1e400.
        const auto* pe = dynamic_cast<const nlohmann::json::parse_error*>(&e);
        uint64_t line = line_no ? line_no : line_of(text, pe && pe->byte ? pe->byte - 1 : 0);
        std::string what = e.what();
        size_t colon = what.find("] ");
        out.messages.push_back({line, "error",
                                "invalid JSON (" + (colon == std::string::npos ? what : what.substr(colon + 2)) + ")",
                                false});
        ++out.failed;
        return out;
    }
    if (value.is_array()) {
        // No record term: a line's articles could be committed (or
        // interrupted) in part, and a known line is skipped as a whole.
        for (const auto& item : value) prepare_value(item, path, line_no, {}, options, builder, &out);
        return out;
    }
    prepare_value(value, path, line_no, record, options, builder, &out);
    return out;
}
} // namespace

PreparedRecord prepare_json_record(const std::string& path, uint64_t line_no, std::string& text,
                                   const std::string& record, const PrepareOptions& options,
                                   DocumentBuilder& builder)
{
    // Whatever goes wrong with one record (memory for a huge one, a bug a
    // strange one finds) costs that record, not the run.
    std::string why;
    try {
        return prepare_json_text(path, line_no, text, record, options, builder);
    } catch (const std::bad_alloc&) {
        why = "out of memory";
    } catch (const std::exception& e) {
        why = e.what();
    } catch (const Xapian::Error& e) {
        why = e.get_description();
    }
    PreparedRecord out;
    out.messages.push_back({line_no, "error", "record not indexed: " + why, false});
    out.failed = 1;
    return out;
}

} // namespace morgue
