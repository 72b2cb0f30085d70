#include "index_run.h"

#include "article_parser.h"
#include "copy_detector.h"
#include "database.h"
#include "dates.h"
#include "dateline.h"
#include "explain.h"
#include "page_extract.h"
#include "interrupt.h"
#include "document_builder.h"
#include "line_reader.h"
#include "progress.h"
#include "schema.h"
#include "sources.h"
#include "update_policy.h"
#include "utf8.h"
#include "xapian_error.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <unordered_set>
#include <ctime>
#include <iostream>
#include <sys/stat.h>
#include <memory>

namespace morgue {

namespace {

enum class Format { jsonl, json_document, text_page };

std::string strip_compression_suffix(const std::string& path)
{
    for (const char* z : {".zst", ".gz"}) {
        std::string suffix(z);
        if (path.size() > suffix.size() && path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0)
            return path.substr(0, path.size() - suffix.size());
    }
    return path;
}

bool has_extension(const std::string& path, const char* ext)
{
    std::string e(ext);
    return path.size() > e.size() && path.compare(path.size() - e.size(), e.size(), e) == 0;
}

// The extension decides when it is clear; otherwise the content does: JSON
// Lines when the first line is a whole JSON object by itself.
Format detect_format(const std::string& path, std::string_view head)
{
    std::string base = strip_compression_suffix(path);
    if (has_extension(base, ".jsonl") || has_extension(base, ".ndjson")) return Format::jsonl;
    if (has_extension(base, ".txt")) return Format::text_page;
    size_t first = head.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos || (head[first] != '{' && head[first] != '['))
        return Format::text_page;
    size_t nl = head.find('\n', first);
    if (head[first] == '{' && nl != std::string_view::npos &&
        nlohmann::json::accept(head.substr(first, nl - first)))
        return Format::jsonl;
    return Format::json_document;
}

// Line (1-based) of byte offset `byte` in `text`.
uint64_t line_of(std::string_view text, size_t byte)
{
    uint64_t line = 1;
    for (size_t i = 0; i < byte && i < text.size(); ++i)
        if (text[i] == '\n') ++line;
    return line;
}

class Run {
public:
    Run(const IndexOptions& o, IndexSummary* s) : opt_(o), sum_(*s) {}

    Status go()
    {
        ExpandedSources src = expand_sources(opt_.sources);
        for (const auto& e : src.errors) fail(e);
        uint64_t total = 0;
        for (const auto& in : src.inputs) total += in.size;
        progress_ = std::make_unique<Progress>(opt_.progress && !opt_.quiet, total);

        learn_furniture(src.inputs);
        Status s;
        if (!opt_.explain) {
            s = open_writable(opt_.db, &db_);
            if (!s.ok()) return s;
            if (opt_.spelling) builder_.enable_spelling(*db_);
            policy_ = std::make_unique<UpdatePolicy>(*db_, opt_.clean ? "clean" : "");
            copies_ = std::make_unique<CopyDetector>(*db_, opt_.copies);
        }

        for (const auto& in : src.inputs) {
            if (stop_requested()) break;
            uint64_t failed_before = sum_.failed;
            s = index_input(in.path);
            if (sum_.failed == failed_before) fully_read_.insert(in.path);
            done_raw_ += *current_raw_;
            current_raw_ = std::make_shared<uint64_t>(0);
            if (!s.ok()) break; // a database failure: stop, keep what was committed
        }
        if (s.ok() && opt_.prune && db_ && !stop_requested()) s = prune(src);
        Status c = commit();
        if (s.ok()) s = c;
        progress_->clear();
        sum_.seconds = progress_->elapsed_seconds();
        sum_.interrupted = stop_requested();
        if (!s.ok()) return s;
        if (stop_requested())
            return Status::Interrupted("interrupted: everything read before the stop was committed; "
                                       "run the same command again to finish");
        if (sum_.failed) return Status::InvalidInput(std::to_string(sum_.failed) + " input(s) failed");
        return Status::Ok();
    }

private:
    void message(const std::string& where, const char* level, const std::string& what)
    {
        progress_->clear();
        std::fprintf(stderr, "morgue-index: %s: %s: %s\n", where.c_str(), level, what.c_str());
    }
    void fail(const std::string& what)
    {
        if (progress_) progress_->clear();
        std::fprintf(stderr, "morgue-index: error: %s\n", what.c_str());
        ++sum_.failed;
    }
    static std::string at(const std::string& path, uint64_t line)
    {
        std::string p = path == "-" ? "<stdin>" : path;
        return line ? p + ":" + std::to_string(line) : p;
    }

    Status index_input(const std::string& path)
    {
        OpenedInput in;
        Status s = open_input(path, &in);
        if (!s.ok()) {
            fail(s.message());
            return Status::Ok();
        }
        current_raw_ = in.raw_bytes_read;
        LineReader reader(*in.stream, opt_.max_article_bytes);
        std::string_view head;
        s = reader.peek(1 << 16, &head);
        if (!s.ok() && stop_requested()) return Status::Ok();
        if (!s.ok()) {
            message(at(path, 1), "error", s.message());
            ++sum_.failed;
            return Status::Ok();
        }
        if (head.empty()) {
            message(path, "error", "empty file, nothing to index");
            ++sum_.failed;
            return Status::Ok();
        }
        if (head.find('\0') != std::string_view::npos) {
            message(path, "error", "binary file (it contains NUL bytes), not indexed");
            ++sum_.failed;
            return Status::Ok();
        }
        switch (detect_format(path, head)) {
        case Format::jsonl: return index_json_lines(path, reader);
        case Format::json_document: return index_whole(path, reader, true);
        case Format::text_page: return index_whole(path, reader, false);
        }
        return Status::Ok();
    }

    Status index_json_lines(const std::string& path, LineReader& reader)
    {
        // Lines known from a run of this build are skipped unparsed (UpdatePolicy).
        bool skip_known = false;
        if (opt_.update) {
            Status s = policy_->read_by_this_build(path, &skip_known);
            if (!s.ok()) return s;
        }
        std::string line;
        for (;;) {
            if (stop_requested()) return Status::Ok();
            LineReader::Result r;
            Status s = reader.next(&line, &r);
            if (!s.ok() && stop_requested()) return Status::Ok();
            if (!s.ok()) {
                message(at(path, reader.line_number() + 1), "error",
                        s.message() + "; the lines before it were indexed");
                ++sum_.failed;
                return Status::Ok();
            }
            if (r == LineReader::Result::eof) return read_to_end(path);
            std::string where = at(path, reader.line_number());
            if (r == LineReader::Result::too_long) {
                message(where, "error", "record longer than the limit of " +
                        std::to_string(opt_.max_article_bytes) + " bytes (--max-article-size), skipped");
                ++sum_.failed;
                continue;
            }
            if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
            std::string record = policy_ ? UpdatePolicy::record_term(path, line) : std::string();
            if (skip_known) {
                uint64_t known = 0;
                s = policy_->known_record(record, &known);
                if (!s.ok()) return s;
                sum_.unchanged += known;
                if (known) continue;
            }
            s = index_json_text(path, reader.line_number(), line, record);
            if (!s.ok()) return s;
        }
    }

    // Every line of a JSON Lines input was read: next time, with this build,
    // known lines can be skipped.
    Status read_to_end(const std::string& path)
    {
        if (!policy_) return Status::Ok();
        bool changed = false;
        Status s = policy_->mark_read(path, &changed);
        return s.ok() && changed ? count_change() : s;
    }

    // Parses one JSON text (a line, or a whole file) and indexes what it
    // holds; `record` is a line's record term (UpdatePolicy).
    Status index_json_text(const std::string& path, uint64_t line_no, std::string& text,
                           const std::string& record = {})
    {
        std::string where = at(path, line_no);
        if (size_t bad = repair_utf8(text))
            warn(where, std::to_string(bad) + " invalid UTF-8 byte(s) replaced by U+FFFD");
        nlohmann::json value;
        try {
            value = nlohmann::json::parse(text);
        } catch (const nlohmann::json::parse_error& e) {
            uint64_t line = line_no ? line_no : line_of(text, e.byte ? e.byte - 1 : 0);
            std::string what = e.what();
            size_t colon = what.find("] ");
            message(at(path, line), "error",
                    "invalid JSON (" + (colon == std::string::npos ? what : what.substr(colon + 2)) + ")");
            ++sum_.failed;
            return Status::Ok();
        }
        if (value.is_array()) {
            // No record term: a line's articles could be committed (or
            // interrupted) in part, and a known line is skipped as a whole.
            for (const auto& item : value) {
                Status s = index_json_value(path, line_no, item, {});
                if (!s.ok() || stop_requested()) return s;
            }
            return Status::Ok();
        }
        return index_json_value(path, line_no, value, record);
    }

    Status index_json_value(const std::string& path, uint64_t line_no, const nlohmann::json& value,
                            const std::string& record)
    {
        std::string where = at(path, line_no);
        Article a;
        std::vector<std::string> warnings;
        Status s = article_from_json(value, &a, &warnings);
        for (const auto& w : warnings) warn(where, w);
        if (!s.ok()) {
            if (value.is_object()) {
                // A record with nothing to search: real corpora have them.
                if (!opt_.quiet) message(where, "warning", s.message() + "; skipped");
                ++sum_.skipped;
            } else {
                message(where, "error", s.message());
                ++sum_.failed;
            }
            return Status::Ok();
        }
        a.source_file = path;
        a.source_line = line_no;
        normalise_fields(a);
        return add(std::move(a), record);
    }

    Status index_whole(const std::string& path, LineReader& reader, bool json)
    {
        std::string text;
        bool too_big = false;
        Status s = reader.read_rest(opt_.max_article_bytes, &text, &too_big);
        if (!s.ok() && stop_requested()) return Status::Ok();
        if (!s.ok()) {
            message(path, "error", s.message());
            ++sum_.failed;
            return Status::Ok();
        }
        if (too_big) {
            message(path, "error", "larger than the limit of " + std::to_string(opt_.max_article_bytes) +
                    " bytes (--max-article-size), skipped");
            ++sum_.failed;
            return Status::Ok();
        }
        if (json) return index_json_text(path, 0, text);
        if (size_t bad = repair_utf8(text))
            warn(path, std::to_string(bad) + " invalid UTF-8 byte(s) replaced by U+FFFD");
        Article probe;
        s = article_from_text_page(text, &probe);
        if (!s.ok()) {
            message(path, "error", s.message());
            ++sum_.failed;
            return Status::Ok();
        }
        ExtractedPage page = extract_page(text, crawl_time_of(path), &furniture_);
        Article& a = page.main;
        if (a.title.empty()) a.title = probe.title; // nothing survived cleaning: keep the first line
        a.language = probe.language;
        a.source_file = path;
        a.raw = text; // the page as read, so extraction can be re-run and checked
        a.id = fallback_id(a);
        const std::string page_id = a.id;
        s = add(std::move(a));
        for (size_t i = 0; s.ok() && i < page.teasers.size(); ++i) {
            Article& t = page.teasers[i];
            t.id = page_id + "#teaser-" + std::to_string(i + 1);
            t.language = probe.language;
            t.source_file = path;
            s = add(std::move(t));
        }
        return s;
    }

    // Pages of one run teach which short lines recur (site furniture).
    void learn_furniture(const std::vector<Input>& inputs)
    {
        for (const auto& in : inputs) {
            if (in.path == "-" || !has_extension(strip_compression_suffix(in.path), ".txt")) continue;
            OpenedInput oi;
            if (!open_input(in.path, &oi).ok()) continue;
            LineReader r(*oi.stream, opt_.max_article_bytes);
            std::string text;
            bool too_big = false;
            if (r.read_rest(opt_.max_article_bytes, &text, &too_big).ok() && !too_big) furniture_.add_page(text);
        }
    }

    int64_t crawl_time_of(const std::string& path) const
    {
        if (opt_.crawl_time) return *opt_.crawl_time;
        struct stat st;
        if (path != "-" && ::stat(path.c_str(), &st) == 0) return static_cast<int64_t>(st.st_mtime);
        return static_cast<int64_t>(std::time(nullptr));
    }

    // Fields from feeds, made facet-ready: a dateline is a place, a known
    // wire outlet gives the wire credit; --clean also reads them from the text.
    void normalise_fields(Article& a) const
    {
        if (!a.dateline.empty()) {
            std::string place = normalise_dateline(a.dateline);
            a.provenance.emplace_back("dateline", "feed field '" + a.dateline + "'");
            a.dateline = place;
        } else if (opt_.clean) {
            if (auto d = parse_dateline_opening(a.body)) {
                a.dateline = d->place;
                a.provenance.emplace_back("dateline", "opening of the text");
                if (!d->wire.empty()) a.wire = d->wire;
            }
        }
        if (a.wire.empty()) a.wire = wire_of(a.outlet);
    }

    void warn(const std::string& where, const std::string& what)
    {
        if (!opt_.quiet) message(where, "warning", what);
    }

    Status add(Article a, const std::string& record = {})
    {
        if (a.id.empty()) a.id = fallback_id(a);
        if (opt_.explain) {
            explain_article(std::cout, a);
            ++sum_.added;
            return Status::Ok();
        }
        sum_.text_bytes += a.title.size() + a.body.size();
        std::string idterm = schema::id_term(a.id);
        const std::string hash = UpdatePolicy::content_hash(a);
        if (opt_.update) {
            bool same = false, retagged = false;
            Status s = policy_->unchanged(idterm, hash, record, &same, &retagged);
            if (!s.ok()) return s;
            if (same) {
                ++sum_.unchanged;
                return retagged ? count_change() : Status::Ok();
            }
        }
        Xapian::Document doc = builder_.build(a);
        doc.add_value(schema::slot_content_hash, hash);
        if (!record.empty()) doc.add_term(record);
        Status s = guard_xapian("indexing " + at(a.source_file, a.source_line), [&]() -> Status {
            copies_->assign(a, idterm, doc);
            bool existed = db_->term_exists(idterm);
            policy_->indexed(db_->replace_document(idterm, doc));
            ++(existed ? sum_.replaced : sum_.added);
            return Status::Ok();
        });
        if (!s.ok()) return s;
        s = count_change();
        progress_->update(sum_.added + sum_.replaced, sum_.text_bytes, done_raw_ + *current_raw_);
        return s;
    }

    // One more change waits for a commit; every --batch changes commit.
    Status count_change()
    {
        if (++pending_ >= opt_.batch) return commit();
        return Status::Ok();
    }

    // --prune: see UpdatePolicy::prune.
    Status prune(const ExpandedSources& src)
    {
        std::unordered_set<std::string> inputs;
        for (const auto& in : src.inputs) inputs.insert(in.path);
        uint64_t before = sum_.deleted;
        Status s = policy_->prune(opt_.sources, inputs, fully_read_, &sum_.deleted);
        pending_ += sum_.deleted - before;
        return s;
    }

    Status commit()
    {
        if (!pending_ || !db_) return Status::Ok();
        pending_ = 0;
        return guard_xapian("committing to " + opt_.db, [&] {
            db_->set_metadata(schema::kLastUpdateKey, format_datetime(static_cast<int64_t>(std::time(nullptr))));
            db_->commit();
            return Status::Ok();
        });
    }

    const IndexOptions& opt_;
    IndexSummary& sum_;
    std::unique_ptr<Xapian::WritableDatabase> db_;
    std::unique_ptr<Progress> progress_;
    DocumentBuilder builder_;
    std::unique_ptr<CopyDetector> copies_;
    FurnitureModel furniture_;
    std::unique_ptr<UpdatePolicy> policy_;       // none with --explain
    std::unordered_set<std::string> fully_read_; // inputs read without any failure
    size_t pending_ = 0;
    uint64_t done_raw_ = 0;
    std::shared_ptr<uint64_t> current_raw_ = std::make_shared<uint64_t>(0);
};

} // namespace

Status run_index(const IndexOptions& options, IndexSummary* summary)
{
    Run run(options, summary);
    return run.go();
}

} // namespace morgue
