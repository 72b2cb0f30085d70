// Where an indexing run's articles go, on the one thread that writes: a
// database (read by --update's policy, copy and event detection as it is
// written) or a new sharded one. Changes are committed by CommitPolicy
// (their volume, or --batch articles), the spelling table's words once per run; --explain writes nothing and prints
// each article instead.
#pragma once

#include "indexer/commit_policy.h"
#include "indexer/copy_detector.h"
#include "indexer/document_builder.h"
#include "indexer/event_clusterer.h"
#include "indexer/index_run.h"
#include "indexer/record_preparer.h"
#include "indexer/run_report.h"
#include "indexer/shard_writer.h"
#include "indexer/sources.h"
#include "common/status.h"
#include "indexer/update_policy.h"

#include <xapian.h>

#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace morgue {

// How records are prepared for this run's writer.
PrepareOptions prepare_options(const IndexOptions& options);

class ArticleWriter {
public:
    ArticleWriter(const IndexOptions& options, RunReport& report);

    // Opens the database, or creates the shards (not with --explain).
    Status open();
    // After open(), before any article: the dictionary the stored articles
    // are compressed with (common/article_dictionary.h). The database's
    // own; for a new database, one trained on `samples()` (serialised
    // articles) and stored in it, in every shard.
    Status choose_dictionary(const std::function<std::vector<std::string>()>& samples);

    const PrepareOptions& prepare_options() const { return prep_; }
    // For documents built on this thread.
    DocumentBuilder& builder() { return builder_; }
    // --update's checks; none with --explain or shards.
    UpdatePolicy* policy() { return policy_.get(); }

    // Prints what preparing a record had to say, then writes its articles.
    Status write_record(const std::string& path, PreparedRecord& r);
    // Prepares an article on this thread and writes it.
    Status add(Article a);
    // Writes a prepared article (building its document if --update finds it
    // changed). A document Xapian refuses costs that article only.
    Status write(PreparedArticle& p);
    // Every line of the JSON Lines input `path` was read: next time, with
    // this build, known lines can be skipped.
    Status read_to_end(const std::string& path);
    // --prune (see UpdatePolicy::prune), given the inputs read without failure.
    Status prune(const ExpandedSources& src, const std::unordered_set<std::string>& fully_read);
    // The run's last commit (shards: finished).
    Status finish() { return commit(true); }

private:
    // What else shapes the articles read from a line (UpdatePolicy).
    std::string options_tag() const { return opt_.clean ? "clean" : ""; }
    Status open_shards();
    Status write_document(PreparedArticle& p);
    Status write_to_shard(PreparedArticle& p);
    Status count_change(uint64_t postings = 0);
    Status commit(bool last = false);
    Status commit_shards(bool last);

    const IndexOptions& opt_;
    RunReport& report_;
    IndexSummary& sum_;
    PrepareOptions prep_;
    DocumentBuilder builder_;
    std::unique_ptr<Xapian::WritableDatabase> db_;
    std::shared_ptr<const ArticleDictionary> dictionary_; // prep_.dictionary
    std::unordered_map<std::string, Xapian::termcount> spelling_; // words waiting for the commit
    std::unique_ptr<CopyDetector> copies_;
    Xapian::WritableDatabase empty_; // the clusterer's database when writing new shards
    std::unique_ptr<EventClusterer> events_;
    std::unique_ptr<UpdatePolicy> policy_;
    std::unique_ptr<ShardWriter> shards_;                 // a new sharded database, else none
    std::unordered_map<std::string, Xapian::docid> ids_; // shards: id term -> docid given this run
    Xapian::docid next_docid_ = 1;
    CommitPolicy commits_;
};

} // namespace morgue
