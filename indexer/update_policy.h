// --update and --prune: which articles need indexing, and which went away.
//
// Building a document (tokenising, copy detection) is the costly part of
// indexing, so both checks come before it, cheapest first:
//  1. A JSON line whose exact bytes were indexed before from the same file
//     is skipped without even being parsed: its documents carry the line's
//     record term (schema prefix XR). Only if the running morgue-index build,
//     with the same options, read that file to its end last time (database
//     metadata): another build may read lines differently, so it takes
//     check 2 for every line once.
//  2. Otherwise the article is parsed and its content hash compared with the
//     one its id's document stores (slot_content_hash): equal means unchanged,
//     and the document only gets the new record term.
// Every document met is remembered, so that --prune can delete the others.
//
// Each check reads the database only; writing stays with the caller.
#pragma once

#include "common/article.h"
#include "common/status.h"

#include <xapian.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

namespace morgue {

class UpdatePolicy {
public:
    // `options` names what else shapes the articles read from a line (e.g.
    // "clean"); the indexer build is added here.
    UpdatePolicy(Xapian::WritableDatabase& db, std::string_view options);

    // The metadata key and value mark_read() writes for `path`, for a
    // database written elsewhere (a sharded build).
    static std::pair<std::string, std::string> read_mark(const std::string& path, std::string_view options);

    // The record term for one JSON line of `path` (raw bytes, as read).
    static std::string record_term(const std::string& path, std::string_view line);

    // Whether check 1 may be used for the lines of `path`: this build, with
    // these options, read it to its end before.
    Status read_by_this_build(const std::string& path, bool* yes);

    // Every line of `path` has now been read by this build; *changed when
    // that is news, a change the caller must commit.
    Status mark_read(const std::string& path, bool* changed);

    // Check 1: how many documents were made from exactly this record (0: it
    // must be parsed). They are marked seen.
    Status known_record(const std::string& record_term, uint64_t* documents);

    // The content hash of an article: everything but its line number (lines
    // added above it are not a change; its file is, so that an article moved
    // to another file is re-filed there).
    static std::string content_hash(const Article& a);

    // Check 2, before building the document for an article with this id
    // term: *unchanged when the stored document has the same content hash
    // (it is then marked seen; given a record term it lacks, it is re-tagged
    // with it and *retagged set, a change the caller must commit).
    Status unchanged(const std::string& idterm, const std::string& hash, const std::string& record_term,
                     bool* unchanged, bool* retagged);

    // The caller wrote an article's document as docid `d`.
    void indexed(Xapian::docid d) { seen_.insert(d); }

    // --prune: deletes the documents not met this run whose source file was
    // read in full (`fully_read`), or vanished from a directory named in
    // `source_args` (and is not among `inputs`). Adds to *deleted.
    Status prune(const std::vector<std::string>& source_args, const std::unordered_set<std::string>& inputs,
                 const std::unordered_set<std::string>& fully_read, uint64_t* deleted);

private:
    Xapian::WritableDatabase& db_;
    std::string build_;                      // this build + options (see read_by_this_build)
    std::unordered_set<Xapian::docid> seen_; // documents met this run
};

} // namespace morgue
