// When a writer commits. Xapian holds a batch's changes in memory until the
// commit, and the CPU it spends on each document grows with how much is
// pending (the pending postings outgrow the cache): measured on this machine
// (README, "Sharded indexing"), the best batch was about 1000 short
// Reuters-21578 articles but 250-500 long AllSides ones. So a writer
// commits when its pending postings (the distinct terms of the documents
// written since the last commit) reach a volume, or at --batch documents,
// whichever comes first: --batch still bounds what a crash loses.
#pragma once

#include <cstddef>
#include <cstdint>

namespace morgue {

// Pending postings at which a writer commits; chosen with
// scripts/bench-shards --kinds batch on Reuters-21578 and AllSides, and
// raised from 50,000 by whole-corpus runs: on all of AllSides a commit
// costs more as the database grows, which a sample's sweep does not show.
inline constexpr uint64_t kCommitPostings = 150000;

class CommitPolicy {
public:
    CommitPolicy(size_t max_changes, uint64_t max_postings)
        : max_changes_(max_changes ? max_changes : 1), max_postings_(max_postings ? max_postings : 1)
    {
    }

    // One more change (a document written, replaced, retagged or deleted)
    // bringing `postings` postings; true when the writer should commit now.
    bool add(uint64_t postings)
    {
        ++changes_;
        postings_ += postings;
        return changes_ >= max_changes_ || postings_ >= max_postings_;
    }
    // Changes counted without a commit being due yet (prune's deletions).
    void add_changes(uint64_t n) { changes_ += n; }
    bool pending() const { return changes_ > 0; }
    void committed() { changes_ = postings_ = 0; }

private:
    size_t max_changes_;
    uint64_t max_postings_;
    uint64_t changes_ = 0, postings_ = 0;
};

} // namespace morgue
