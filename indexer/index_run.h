// One run of morgue-index: read every source, index every good article,
// report every bad one, commit in batches.
#pragma once

#include "indexer/commit_policy.h"
#include "indexer/copy_detector.h"
#include "indexer/event_clusterer.h"
#include "common/status.h"

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace morgue {

struct IndexOptions {
    std::string db;
    std::vector<std::string> sources;
    bool quiet = false;
    bool progress = false;                    // draw the progress bar
    size_t max_article_bytes = 8u << 20;      // a larger record is refused
    size_t batch = 1000;                      // at most this many articles per commit (CommitPolicy)
    uint64_t commit_postings = kCommitPostings; // commit when this many postings are pending
    size_t threads = 1;                       // threads parsing and tokenising JSON Lines
    bool spelling = true;                     // build the spelling table ("did you mean")
    bool update = false;                      // skip articles whose content hash is unchanged
    bool prune = false;                       // with update: delete articles gone from their source
    CopyOptions copies;                       // syndicated-copy detection
    EventOptions events;                      // same-event grouping across outlets
    bool explain = false;                     // print what would be indexed, touch no database
    bool clean = false;                       // also clean JSON input (dateline from the text)
    std::optional<int64_t> crawl_time;        // resolves "3 days ago" (default: file mtime)
    std::set<std::string> known_bad;          // inputs whose failures are known: reported, not an error
    bool strict = false;                      // --rebuild: any failed input keeps the old database
    size_t shards = 1;                        // > 1: a new database of this many shards, one writer each
    bool keep_shards = false;                 // --rebuild: publish the shards, not one merged database
    bool no_sync = false;                     // DB_NO_SYNC: the database is discarded if the run fails
};

struct IndexSummary {
    uint64_t added = 0, replaced = 0, unchanged = 0, deleted = 0, failed = 0, skipped = 0;
    uint64_t text_bytes = 0;
    double seconds = 0;
    bool interrupted = false;
    std::vector<std::string> failed_inputs;   // each input (or unreadable source) with a failure, once
};

// Ok when every input went in, or failed inputs are all in known_bad;
// otherwise a Status describing why not (the summary is filled in either
// way; invalid_input when only inputs failed).
Status run_index(const IndexOptions& options, IndexSummary* summary);

} // namespace morgue
