// Syndicated copies at index time: every article gets a MinHash signature
// (value), its LSH band terms, and a copy-cluster id shared with the copies
// already indexed (found by an OR query over the bands, verified by the
// estimated containment, within a date window). A new article that links two
// clusters merges them. The cluster id is the collapse key for queries.
#pragma once

#include "article.h"
#include "status.h"

#include <xapian.h>

#include <string>

namespace morgue {

struct CopyOptions {
    bool enabled = true;
    double threshold = 0.7;  // estimated containment that makes a copy
    int window_days = 14;    // candidates must be this close in date (when both are dated)
};

class CopyDetector {
public:
    CopyDetector(Xapian::WritableDatabase& db, CopyOptions options) : db_(db), opt_(options) {}
    // Adds signature, band terms and cluster to `doc` (the document about to
    // replace `idterm`), relabelling other documents when clusters merge.
    // Must run on the writer's thread, before the document is written.
    void assign(const Article& a, const std::string& idterm, Xapian::Document& doc);
    uint64_t merges() const { return merges_; }

private:
    void relabel(const std::string& from, const std::string& to);
    Xapian::WritableDatabase& db_;
    CopyOptions opt_;
    uint64_t merges_ = 0;
};

} // namespace morgue
