// Database generations: how --rebuild and --publish replace a whole database
// under its readers' feet, atomically.
//
// Layout: the database path DB is a Xapian stub file ("auto DB.gen-TIME")
// naming the current generation, a compacted database directory beside it.
// Readers open DB as any Xapian database. A new generation is written as
// DB.gen-NEW.building, compacted into DB.gen-NEW; then DB.stub.tmp is written
// and renamed over DB (rename is atomic), and generations older than the
// previous one (which readers that opened it a moment ago may still be
// using) are removed.
// If DB is a plain database directory (made by the default mode), the first
// switch exchanges it with the stub in one step (renameat2 RENAME_EXCHANGE),
// then moves it from DB.stub.tmp to DB.gen-legacy-TIME: DB holds a whole
// database at every instant.
#pragma once

#include "common/status.h"

#include <filesystem>
#include <string>

namespace morgue {

struct Generation {
    std::filesystem::path dir; // beside the database path
    std::string name;          // DB.gen-TIME
    std::filesystem::path path() const { return dir / name; }
    std::filesystem::path building() const { return dir / (name + ".building"); }
};

// A new generation of `db`; half-built ones of crashed runs are removed (the
// caller holds the index lock of `db`).
Generation begin_generation(const std::string& db);

// Makes `generation`, compacted and complete at its path(), the database
// readers of `db` open, and removes the generations before the previous one.
Status switch_to_generation(const std::string& db, const Generation& generation);

// Run before any indexing (with the index lock held): finishes a switch a
// crash interrupted, and refuses (io_error) when DB is missing while
// generations sit beside it, rather than letting a run start an empty
// database there. `note` says what was repaired, if anything.
Status recover_switch(const std::string& db, std::string* note);

// fsync() of a file or a directory, the error naming it.
Status fsync_path(const std::filesystem::path& p, bool directory);

} // namespace morgue
