// A new sharded database (schema.h, "Shards") written by one thread per
// shard: Xapian allows one writer per database, so N databases take N
// writers at once. The indexing run stays the one place that orders
// articles, detects copies and numbers documents; this class only carries
// each finished document to its shard's thread, which writes it under the
// docid it was given. Each shard commits on its own (CommitPolicy), so a
// slow commit holds back one shard, not all.
#pragma once

#include "common/status.h"
#include "indexer/commit_policy.h"

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace morgue {

struct ShardWriterOptions {
    size_t shards = 2;
    size_t batch = 1000;  // at most this many documents per shard between its commits
    uint64_t commit_postings = kCommitPostings; // a shard commits when this many postings are pending
    bool no_sync = false; // DB_NO_SYNC: for a database nobody reads until it is finished
};

class ShardWriter {
public:
    // Creates `dir` with its stub file and N empty shards stamped with the
    // schema version.
    static Status create(const std::string& dir, const ShardWriterOptions& options, std::unique_ptr<ShardWriter>* out);
    ~ShardWriter(); // stops the threads; call finish() first to keep their work
    ShardWriter(const ShardWriter&) = delete;
    ShardWriter& operator=(const ShardWriter&) = delete;

    size_t shards() const { return shards_.size(); }

    // Writes `doc` as document `did` of the whole (added, or replacing the
    // one there). Fails with the error of any shard that failed before.
    Status put(Xapian::docid did, Xapian::Document doc);
    // Moves document `did` from copy cluster `from` to `to` (CopyDetector).
    Status relabel(Xapian::docid did, std::string from, std::string to);
    // Metadata and spelling words for shard 0, written with its next commit.
    Status set_metadata(std::string key, std::string value);
    Status add_spelling(std::unordered_map<std::string, Xapian::termcount> words);
    // Metadata every shard carries (the stored-article dictionary), written
    // before whatever is put after this call.
    Status set_metadata_everywhere(const std::string& key, const std::string& value);

    // Commits every shard, waits for the threads to finish; the first error
    // of any shard.
    Status finish();

    struct Shard;

private:
    explicit ShardWriter(std::vector<std::unique_ptr<Shard>> shards);
    Status error() const;
    std::vector<std::unique_ptr<Shard>> shards_;
};

} // namespace morgue
