// Reading a database while the nightly job writes it.
//
// A Xapian::Database is a snapshot of one revision, and two things move
// under a reader that stays open:
//  - an indexer's commits: once it has committed twice more, blocks the
//    snapshot still needs may be reused, and reading them throws
//    Xapian::DatabaseModifiedError;
//  - a --rebuild's switch: the stub file at the database path is replaced by
//    one naming a new generation. Database::reopen() does not notice that (it
//    reopens the generation it already has); only opening the path again does.
#pragma once

#include "common/status.h"

#include <xapian.h>

#include <functional>
#include <memory>
#include <string>

namespace morgue {

// Runs `body` against `db` (Xapian errors become a Status starting with
// `what`). When a writer has moved on under db, db is opened again from
// `path` (the latest revision of whatever the path names now; just reopen()
// when path is empty) and body runs again, a few times at most.
Status with_reopen(Xapian::Database& db, const std::string& path, const std::string& what,
                   const std::function<Status()>& body);

// A database kept open by a long-lived process (a web front end): call
// refresh() before each request to see the latest commit and any switch.
class LiveDatabase {
public:
    // Opens `path` for reading, checking the schema version.
    static Status open(const std::string& path, std::unique_ptr<LiveDatabase>* out);

    Xapian::Database& db() { return db_; }
    const std::string& path() const { return path_; }

    // Opens the path again if it now names another database (a rebuild
    // switched the stub, or replaced the directory), else moves db() to the
    // latest revision.
    Status refresh();

private:
    LiveDatabase() = default;
    std::string path_;
    std::string identity_; // what the path was when db_ was opened (see reader.cc)
    Xapian::Database db_;
};

} // namespace morgue
