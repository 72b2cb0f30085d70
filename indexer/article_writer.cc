#include "indexer/article_writer.h"

#include "common/database.h"
#include "common/dates.h"
#include "indexer/explain.h"
#include "common/fatal.h"
#include "common/schema.h"
#include "common/xapian_error.h"

#include <ctime>
#include <filesystem>
#include <iostream>

namespace morgue {

namespace {
// Distinct headline words held for the spelling table before they are written.
constexpr size_t kSpellingWords = 100000;
} // namespace

PrepareOptions prepare_options(const IndexOptions& options)
{
    PrepareOptions prep;
    prep.clean = options.clean;
    prep.build = !options.update && !options.explain; // --update builds only what changed
    prep.spelling = options.spelling;
    prep.copies = options.copies.enabled && !options.explain;
    prep.events = options.events.enabled;
    return prep;
}

ArticleWriter::ArticleWriter(const IndexOptions& options, RunReport& report)
    : opt_(options), report_(report), sum_(report.summary()), prep_(morgue::prepare_options(options)),
      commits_(options.batch, options.commit_postings)
{
}

Status ArticleWriter::open()
{
    if (opt_.shards > 1) return open_shards();
    Status s = open_writable(opt_.db, &db_, opt_.no_sync);
    if (!s.ok()) return s;
    return guard_xapian("reading " + opt_.db, [&] {
        policy_ = std::make_unique<UpdatePolicy>(*db_, options_tag());
        copies_ = std::make_unique<CopyDetector>(*db_, opt_.copies);
        events_ = std::make_unique<EventClusterer>(*db_, opt_.events);
        return Status::Ok();
    });
}

// A new sharded database: this thread still orders the articles, finds
// copies and numbers the documents (so each gets the docid a single
// database would give it); the shards' threads write them.
Status ArticleWriter::open_shards()
{
    std::error_code ec;
    if (std::filesystem::exists(opt_.db, ec))
        return Status::Usage(opt_.db + " exists: --shards makes a new database (or use --rebuild)");
    ShardWriterOptions so;
    so.shards = opt_.shards;
    so.batch = (opt_.batch + opt_.shards - 1) / opt_.shards;
    so.commit_postings = opt_.commit_postings;
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

Status ArticleWriter::choose_dictionary(const std::function<std::vector<std::string>()>& samples)
{
    bool fresh = shards_ != nullptr;
    if (db_) {
        Status s = guard_xapian("reading " + opt_.db, [&] {
            fresh = db_->get_doccount() == 0;
            return load_article_dictionary(*db_, opt_.db, &dictionary_);
        });
        if (!s.ok()) return s;
    }
    if (!dictionary_ && fresh) {
        std::string bytes;
        Status s = train_article_dictionary(samples(), &bytes);
        // Not worth failing the run over: its articles are stored without.
        if (!s.ok()) report_.warn(opt_.db, s.message() + "; articles are compressed without a dictionary");
        if (bytes.empty()) return Status::Ok();
        s = ArticleDictionary::make(bytes, &dictionary_);
        if (s.ok()) s = remember_dictionary(dictionary_);
        if (s.ok() && shards_) s = shards_->set_metadata_everywhere(schema::kArticleDictionaryKey, bytes);
        if (s.ok() && db_) s = guard_xapian("writing to " + opt_.db, [&] {
            db_->set_metadata(schema::kArticleDictionaryKey, bytes);
            db_->commit();
            return Status::Ok();
        });
        if (!s.ok()) return s;
    }
    prep_.dictionary = dictionary_.get();
    return Status::Ok();
}

Status ArticleWriter::write_record(const std::string& path, PreparedRecord& r)
{
    for (const auto& m : r.messages)
        if (!(report_.quiet() && m.quiet_hides)) report_.message(input_place(path, m.line), m.level, m.text);
    sum_.failed += r.failed;
    sum_.skipped += r.skipped;
    for (auto& a : r.articles) {
        Status s = write(a);
        if (!s.ok()) return s;
    }
    return Status::Ok();
}

Status ArticleWriter::add(Article a)
{
    PreparedArticle p;
    prepare_article(std::move(a), {}, prep_, builder_, &p);
    return write(p);
}

Status ArticleWriter::write(PreparedArticle& p)
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
    const std::string where = input_place(a.source_file, a.source_line);
    uint64_t postings = 0;
    Status s = guard_xapian("indexing " + where, [&]() -> Status {
        try {
            if (!p.built) build_prepared(p, prep_, builder_);
            postings = p.doc.termlist_count();
            return shards_ ? write_to_shard(p) : write_document(p);
        } catch (const Xapian::InvalidArgumentError& e) {
            // Something in this document Xapian will not take (a term
            // too long, say): it costs this article, not the run.
            return Status::InvalidInput("article not indexed: " + e.get_msg());
        } catch (const std::bad_alloc&) {
            return Status::InvalidInput("article not indexed: out of memory");
        }
    });
    if (s.code() == Status::Code::invalid_input) return report_.failed(where, s.message());
    if (!s.ok()) return s;
    for (const auto& w : p.spelling) ++spelling_[w];
    s = count_change(postings);
    report_.article_written();
    return s;
}

Status ArticleWriter::write_document(PreparedArticle& p)
{
    const Article& a = p.article;
    // The article's previous version, if any: one look-up serves
    // copy detection and the write.
    Xapian::docid self = 0;
    if (auto it = db_->postlist_begin(p.idterm); it != db_->postlist_end(p.idterm)) self = *it;
    std::vector<std::string> bands = copies_->assign(a, p.signature, self, p.doc);
    events_->assign(a, p.events, self, p.doc);
    Xapian::docid d = self;
    if (self) db_->replace_document(self, p.doc);
    else d = db_->add_document(p.doc);
    copies_->written(d, a, std::move(p.signature), bands, p.doc);
    events_->written(d);
    policy_->indexed(d);
    ++(self ? sum_.replaced : sum_.added);
    return Status::Ok();
}

Status ArticleWriter::write_to_shard(PreparedArticle& p)
{
    auto [it, fresh] = ids_.try_emplace(p.idterm, next_docid_);
    if (fresh) ++next_docid_;
    const Xapian::docid d = it->second, self = fresh ? 0 : d;
    Status s = guard_xapian("indexing " + input_place(p.article.source_file, p.article.source_line), [&] {
        std::vector<std::string> bands = copies_->assign(p.article, p.signature, self, p.doc);
        events_->assign(p.article, p.events, self, p.doc);
        copies_->written(d, p.article, std::move(p.signature), bands, p.doc);
        events_->written(d);
        return Status::Ok();
    });
    if (s.ok()) s = shards_->put(d, std::move(p.doc));
    if (s.ok()) ++(self ? sum_.replaced : sum_.added);
    return s;
}

Status ArticleWriter::read_to_end(const std::string& path)
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

Status ArticleWriter::prune(const ExpandedSources& src, const std::unordered_set<std::string>& fully_read)
{
    if (!db_) return Status::Ok();
    std::unordered_set<std::string> inputs;
    for (const auto& in : src.inputs) inputs.insert(in.path);
    uint64_t before = sum_.deleted;
    Status s = policy_->prune(opt_.sources, inputs, fully_read, &sum_.deleted);
    commits_.add_changes(sum_.deleted - before);
    return s;
}

// One more change, of `postings` postings, waits for a commit.
Status ArticleWriter::count_change(uint64_t postings)
{
    if (commits_.add(postings)) return commit();
    return Status::Ok();
}

// `last`: the run's final commit.
Status ArticleWriter::commit(bool last)
{
    if (shards_) return commit_shards(last);
    if ((!commits_.pending() && spelling_.empty()) || !db_) return Status::Ok();
    commits_.committed();
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
Status ArticleWriter::commit_shards(bool last)
{
    commits_.committed();
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

} // namespace morgue
