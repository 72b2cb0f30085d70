#include "index_run.h"

#include "article_parser.h"
#include "copy_detector.h"
#include "database.h"
#include "dates.h"
#include "dateline.h"
#include "event_clusterer.h"
#include "explain.h"
#include "fatal.h"
#include "page_extract.h"
#include "interrupt.h"
#include "document_builder.h"
#include "line_reader.h"
#include "ordered_pool.h"
#include "record_preparer.h"
#include "progress.h"
#include "schema.h"
#include "text_normalise.h"
#include "shard_writer.h"
#include "sources.h"
#include "update_policy.h"
#include "utf8.h"
#include "xapian_error.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <unordered_map>
#include <unordered_set>
#include <ctime>
#include <iostream>
#include <sys/stat.h>
#include <memory>

namespace morgue {

namespace {

// Distinct headline words held for the spelling table before they are written.
constexpr size_t kSpellingWords = 100000;

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

class Run {
public:
    Run(const IndexOptions& o, IndexSummary* s) : opt_(o), sum_(*s) {}

    Status go()
    {
        ExpandedSources src = expand_sources(opt_.sources);
        for (const auto& e : src.errors) {
            fail(e.message);
            sum_.failed_inputs.push_back(e.path);
        }
        uint64_t total = 0;
        for (const auto& in : src.inputs) total += in.size;
        progress_ = std::make_unique<Progress>(opt_.progress && !opt_.quiet, total);

        learn_furniture(src.inputs);
        prep_.clean = opt_.clean;
        prep_.build = !opt_.update && !opt_.explain; // --update builds only what changed
        prep_.spelling = opt_.spelling;
        prep_.copies = opt_.copies.enabled && !opt_.explain;
        Status s;
        if (!opt_.explain && opt_.shards > 1) {
            s = open_shards();
            if (!s.ok()) return s;
        } else if (!opt_.explain) {
            s = open_writable(opt_.db, &db_, opt_.no_sync);
            if (s.ok())
                s = guard_xapian("reading " + opt_.db, [&] {
                    policy_ = std::make_unique<UpdatePolicy>(*db_, options_tag());
                    copies_ = std::make_unique<CopyDetector>(*db_, opt_.copies);
                    events_ = std::make_unique<EventClusterer>(*db_, opt_.events);
                    return Status::Ok();
                });
            if (!s.ok()) return s;
        }

        for (const auto& in : src.inputs) {
            if (stop_requested()) break;
            uint64_t failed_before = sum_.failed;
            s = index_input(in.path);
            if (sum_.failed == failed_before) fully_read_.insert(in.path);
            else sum_.failed_inputs.push_back(in.path);
            done_raw_ += *current_raw_;
            current_raw_ = std::make_shared<uint64_t>(0);
            if (!s.ok()) break; // a database failure: stop, keep what was committed
        }
        if (s.ok() && opt_.prune && db_ && !stop_requested()) s = prune(src);
        Status c = commit(true);
        if (s.ok()) s = c;
        progress_->clear();
        sum_.seconds = progress_->elapsed_seconds();
        sum_.interrupted = stop_requested();
        if (!s.ok()) return s;
        if (stop_requested())
            return Status::Interrupted("interrupted: everything read before the stop was committed; "
                                       "run the same command again to finish");
        size_t unknown = 0;
        for (const auto& f : sum_.failed_inputs) unknown += opt_.known_bad.count(f) == 0;
        if (unknown) return Status::InvalidInput(std::to_string(unknown) + " input(s) failed");
        return Status::Ok(); // none, or only inputs known to be bad
    }

private:
    // What else shapes the articles read from a line (UpdatePolicy).
    std::string options_tag() const { return opt_.clean ? "clean" : ""; }

    // A new sharded database: this thread still orders the articles, finds
    // copies and numbers the documents (so each gets the docid a single
    // database would give it); the shards' threads write them.
    Status open_shards()
    {
        std::error_code ec;
        if (std::filesystem::exists(opt_.db, ec))
            return Status::Usage(opt_.db + " exists: --shards makes a new database (or use --rebuild)");
        ShardWriterOptions so;
        so.shards = opt_.shards;
        so.batch = (opt_.batch + opt_.shards - 1) / opt_.shards;
        so.no_sync = opt_.no_sync;
        Status s = ShardWriter::create(opt_.db, so, &shards_);
        if (!s.ok()) return s;
        copies_ = std::make_unique<CopyDetector>(opt_.copies, [this](Xapian::docid d, const std::string& from,
                                                                     const std::string& to) {
            (void)shards_->relabel(d, from, to); // a shard's failure is reported by the next put()
        });
        // A new sharded database has no earlier reports: the clusterer
        // finds candidates among this run's articles, which it keeps itself.
        empty_ = Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY);
        events_ = std::make_unique<EventClusterer>(empty_, opt_.events);
        return Status::Ok();
    }

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
        Format format = detect_format(path, head);
        // JSON Lines are judged line by line: a stray NUL fails its line only.
        if (format != Format::jsonl && head.find('\0') != std::string_view::npos) {
            message(path, "error", "binary file (it contains NUL bytes), not indexed");
            ++sum_.failed;
            return Status::Ok();
        }
        switch (format) {
        case Format::jsonl: return index_json_lines(path, reader);
        case Format::json_document: return index_whole(path, reader, true);
        case Format::text_page: return index_whole(path, reader, false);
        }
        return Status::Ok();
    }

    // Lines are parsed and tokenised on worker threads (prepare_json_record)
    // and written here, in input order; a message about a line is printed
    // when that line's turn to be written comes.
    Status index_json_lines(const std::string& path, LineReader& reader)
    {
        // Lines known from a run of this build are skipped unparsed (UpdatePolicy).
        bool skip_known = false;
        if (opt_.update) {
            Status s = policy_->read_by_this_build(path, &skip_known);
            if (!s.ok()) return s;
        }
        struct LineJob {
            uint64_t line_no = 0;
            std::string text, record;
        };
        OrderedPool<LineJob, PreparedRecord, DocumentBuilder> pool(
            opt_.threads, 64 * opt_.threads, [&](LineJob& j, DocumentBuilder& builder) {
                return prepare_json_record(path, j.line_no, j.text, j.record, prep_, builder);
            });
        // Writes every result due (all of them with `all`, else while the pool is full).
        auto drain = [&](bool all) -> Status {
            PreparedRecord r;
            while ((all || pool.full()) && pool.pop(&r)) {
                Status s = write_record(path, r);
                if (!s.ok()) return s;
            }
            return Status::Ok();
        };
        std::string line;
        for (;;) {
            if (stop_requested()) return drain(true);
            LineReader::Result r;
            Status s = reader.next(&line, &r);
            if (!s.ok() && stop_requested()) return drain(true);
            if (!s.ok()) {
                Status w = drain(true);
                if (!w.ok()) return w;
                message(at(path, reader.line_number() + 1), "error",
                        s.message() + "; the lines before it were indexed");
                ++sum_.failed;
                return Status::Ok();
            }
            if (r == LineReader::Result::eof) {
                s = drain(true);
                return s.ok() ? read_to_end(path) : s;
            }
            std::string where = at(path, reader.line_number());
            if (r == LineReader::Result::too_long) {
                s = drain(true);
                if (!s.ok()) return s;
                message(where, "error", "record longer than the limit of " +
                        std::to_string(opt_.max_article_bytes) + " bytes (--max-article-size), skipped");
                ++sum_.failed;
                continue;
            }
            if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
            std::string record = opt_.explain ? std::string() : UpdatePolicy::record_term(path, line);
            if (skip_known) {
                uint64_t known = 0;
                s = policy_->known_record(record, &known);
                if (!s.ok()) return s;
                sum_.unchanged += known;
                if (known) continue;
            }
            s = drain(false);
            if (!s.ok()) return s;
            pool.push({reader.line_number(), std::move(line), std::move(record)});
            line.clear();
        }
    }

    // Prints what preparing a record had to say, then writes its articles.
    Status write_record(const std::string& path, PreparedRecord& r)
    {
        for (const auto& m : r.messages)
            if (!(opt_.quiet && m.quiet_hides)) message(at(path, m.line), m.level, m.text);
        sum_.failed += r.failed;
        sum_.skipped += r.skipped;
        for (auto& a : r.articles) {
            Status s = write(a);
            if (!s.ok()) return s;
        }
        return Status::Ok();
    }

    // Every line of a JSON Lines input was read: next time, with this build,
    // known lines can be skipped.
    Status read_to_end(const std::string& path)
    {
        if (shards_) {
            auto [key, value] = UpdatePolicy::read_mark(path, options_tag());
            return shards_->set_metadata(std::move(key), std::move(value));
        }
        if (!policy_) return Status::Ok();
        bool changed = false;
        Status s = policy_->mark_read(path, &changed);
        return s.ok() && changed ? count_change() : s;
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
        if (json) {
            PreparedRecord r = prepare_json_record(path, 0, text, {}, prep_, builder_);
            return write_record(path, r);
        }
        // Whatever goes wrong reading one page costs that page, not the run.
        try {
            return index_page(path, text);
        } catch (const std::bad_alloc&) {
            message(path, "error", "page not indexed: out of memory");
        } catch (const std::exception& e) {
            message(path, "error", std::string("page not indexed: ") + e.what());
        }
        ++sum_.failed;
        return Status::Ok();
    }

    Status index_page(const std::string& path, std::string& text)
    {
        if (size_t bad = repair_utf8(text))
            warn(path, std::to_string(bad) + " invalid UTF-8 byte(s) replaced by U+FFFD");
        text = to_nfc(text);
        Article probe;
        Status s = article_from_text_page(text, &probe);
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

    void warn(const std::string& where, const std::string& what)
    {
        if (!opt_.quiet) message(where, "warning", what);
    }

    Status add(Article a)
    {
        PreparedArticle p;
        prepare_article(std::move(a), {}, prep_, builder_, &p);
        return write(p);
    }

    // Writes a prepared article (building its document if --update finds
    // it changed) on this, the writer's, thread.
    Status write(PreparedArticle& p)
    {
        const Article& a = p.article;
        if (opt_.explain) {
            explain_article(std::cout, a);
            ++sum_.added;
            return Status::Ok();
        }
        sum_.text_bytes += a.title.size() + a.body.size();
        if (opt_.update) {
            bool same = false, retagged = false;
            Status s = policy_->unchanged(p.idterm, p.hash, p.record, &same, &retagged);
            if (!s.ok()) return s;
            if (same) {
                ++sum_.unchanged;
                return retagged ? count_change() : Status::Ok();
            }
        }
        // Xapian may flush on its own while writing (or while copy and event
        // detection read the writable database): a full disk then can end
        // the process from inside Xapian, and the message names the write.
        FatalContext context("writing to " + opt_.db);
        Status s = guard_xapian("indexing " + at(a.source_file, a.source_line), [&]() -> Status {
            try {
                if (!p.built) build_prepared(p, prep_, builder_);
                return shards_ ? write_to_shard(p) : write_document(p);
            } catch (const Xapian::InvalidArgumentError& e) {
                // Something in this document Xapian will not take (a term
                // too long, say): it costs this article, not the run.
                return Status::InvalidInput("article not indexed: " + e.get_msg());
            } catch (const std::bad_alloc&) {
                return Status::InvalidInput("article not indexed: out of memory");
            }
        });
        if (s.code() == Status::Code::invalid_input) {
            message(at(a.source_file, a.source_line), "error", s.message());
            ++sum_.failed;
            return Status::Ok();
        }
        if (!s.ok()) return s;
        for (const auto& w : p.spelling) ++spelling_[w];
        s = count_change();
        progress_->update(sum_.added + sum_.replaced, sum_.text_bytes, done_raw_ + *current_raw_);
        return s;
    }

    Status write_document(PreparedArticle& p)
    {
        const Article& a = p.article;
        // The article's previous version, if any: one look-up serves
        // copy detection and the write.
        Xapian::docid self = 0;
        if (auto it = db_->postlist_begin(p.idterm); it != db_->postlist_end(p.idterm)) self = *it;
        std::vector<std::string> bands = copies_->assign(a, p.signature, self, p.doc);
        events_->assign(a, self, p.doc);
        Xapian::docid d = self;
        if (self) db_->replace_document(self, p.doc);
        else d = db_->add_document(p.doc);
        copies_->written(d, a, std::move(p.signature), bands, p.doc);
        events_->written(d);
        policy_->indexed(d);
        ++(self ? sum_.replaced : sum_.added);
        return Status::Ok();
    }

    Status write_to_shard(PreparedArticle& p)
    {
        auto [it, fresh] = ids_.try_emplace(p.idterm, next_docid_);
        if (fresh) ++next_docid_;
        const Xapian::docid d = it->second, self = fresh ? 0 : d;
        Status s = guard_xapian("indexing " + at(p.article.source_file, p.article.source_line), [&] {
            std::vector<std::string> bands = copies_->assign(p.article, p.signature, self, p.doc);
            events_->assign(p.article, self, p.doc);
            copies_->written(d, p.article, std::move(p.signature), bands, p.doc);
            events_->written(d);
            return Status::Ok();
        });
        if (s.ok()) s = shards_->put(d, std::move(p.doc));
        if (s.ok()) ++(self ? sum_.replaced : sum_.added);
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

    // `last`: the run's final commit.
    Status commit(bool last = false)
    {
        if (shards_) return commit_shards(last);
        if ((!pending_ && spelling_.empty()) || !db_) return Status::Ok();
        pending_ = 0;
        const std::string what = "committing to " + opt_.db;
        FatalContext context(what);
        return guard_xapian(what, [&] {
            // Headline words go to the spelling table once per run (or per
            // kSpellingWords distinct words), counted meanwhile: every commit
            // rewrites, and zlib-compresses, each table entry a word touches,
            // which at every --batch was a quarter of the writer's work. A
            // run killed outright loses its words, not its articles.
            if (last || spelling_.size() >= kSpellingWords) {
                for (const auto& [word, n] : spelling_) db_->add_spelling(word, n);
                spelling_.clear();
            }
            db_->set_metadata(schema::kLastUpdateKey, format_datetime(static_cast<int64_t>(std::time(nullptr))));
            db_->commit();
            return Status::Ok();
        });
    }

    // The shards commit on their own; the run's words and time go to shard 0.
    Status commit_shards(bool last)
    {
        pending_ = 0;
        Status s;
        if (last || spelling_.size() >= kSpellingWords) {
            s = shards_->add_spelling(std::move(spelling_));
            spelling_.clear();
        }
        if (s.ok()) s = shards_->set_metadata(schema::kLastUpdateKey,
                                              format_datetime(static_cast<int64_t>(std::time(nullptr))));
        Status f = last ? shards_->finish() : Status::Ok();
        return s.ok() ? f : s;
    }

    const IndexOptions& opt_;
    IndexSummary& sum_;
    std::unique_ptr<Xapian::WritableDatabase> db_;
    std::unique_ptr<Progress> progress_;
    DocumentBuilder builder_;                    // for documents built on this thread
    PrepareOptions prep_;
    std::unordered_map<std::string, Xapian::termcount> spelling_; // words waiting for the commit
    std::unique_ptr<CopyDetector> copies_;
    Xapian::WritableDatabase empty_; // the clusterer's database when writing new shards
    std::unique_ptr<EventClusterer> events_;
    FurnitureModel furniture_;
    std::unique_ptr<UpdatePolicy> policy_;       // none with --explain or shards
    std::unique_ptr<ShardWriter> shards_;        // a new sharded database, else none
    std::unordered_map<std::string, Xapian::docid> ids_; // shards: id term -> docid given this run
    Xapian::docid next_docid_ = 1;
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
