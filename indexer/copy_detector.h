// Syndicated copies at index time: every article gets the LSH band terms of
// its MinHash signature and a copy-cluster id shared with the copies already
// indexed (found through the band terms, verified by the estimated
// containment, within a date window). A new article that links two clusters
// merges them. The cluster id is the collapse key for queries.
//
// The signature is not stored: articles written this run keep theirs in
// memory, and an older candidate's is recomputed from its stored text (a
// candidate is rare, a stored signature would cost every document 260 bytes).
#pragma once

#include "common/article.h"
#include "common/minhash.h"
#include "common/status.h"

#include <xapian.h>

#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace morgue {

struct CopyOptions {
    bool enabled = true;
    double threshold = 0.7;  // estimated containment that makes a copy
    int window_days = 14;    // candidates must be this close in date (when both are dated)
};

// Moves a document from copy cluster `from` to `to` (its term, its value and
// the cluster field of its packed facets).
void relabel_document(Xapian::Document& doc, const std::string& from, const std::string& to);

class CopyDetector {
public:
    // Documents of this run whose cluster changed are relabelled through
    // this (a sharded build, where another thread writes each shard).
    using Relabel = std::function<void(Xapian::docid, const std::string& from, const std::string& to)>;

    // `db` holds the documents written before this run (and this run's, as
    // they are written), and is where merged clusters are relabelled.
    CopyDetector(Xapian::WritableDatabase& db, CopyOptions options);
    // For a new database written elsewhere: every candidate is one of this
    // run's documents, known from memory, and `relabel` rewrites them.
    CopyDetector(CopyOptions options, Relabel relabel);
    bool enabled() const { return opt_.enabled; }
    // Adds band terms and cluster to `doc`, the next version of document
    // `self` (0 for a new article), relabelling other documents when
    // clusters merge. On the writer's thread, before the document is written.
    // Returns the band terms added, for written().
    std::vector<std::string> assign(const Article& a, const std::optional<CopySignature>& sig, Xapian::docid self,
                                    Xapian::Document& doc);
    // `doc` (as completed by assign, which gave `bands`) was written as docid `d`.
    void written(Xapian::docid d, const Article& a, std::optional<CopySignature> sig,
                 const std::vector<std::string>& bands, const Xapian::Document& doc);
    uint64_t merges() const { return merges_; }

private:
    struct Known {
        CopySignature sig;
        std::optional<int64_t> date;
        std::string cluster;
    };
    std::vector<Xapian::docid> candidates(const std::vector<std::string>& band_terms, Xapian::docid self);
    std::optional<Known> known(Xapian::docid d);
    void relabel(const std::string& from, const std::string& to);

    Xapian::WritableDatabase* db_ = nullptr; // none: the database is new and written elsewhere
    CopyOptions opt_;
    Relabel relabel_;
    bool db_had_documents_ = false; // else every candidate is one of this run's
    std::unordered_map<std::string, std::vector<Xapian::docid>> run_bands_; // band term -> this run's docs
    std::unordered_map<Xapian::docid, Known> run_docs_;
    // cluster -> this run's docs that were put in it (some may have left it
    // since: run_docs_ says), for relabelling without a database.
    std::unordered_map<std::string, std::vector<Xapian::docid>> run_clusters_;
    uint64_t merges_ = 0;
};

} // namespace morgue
