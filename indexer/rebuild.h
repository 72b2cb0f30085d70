// morgue-index --rebuild: build a fresh database beside the live one,
// compact it, and switch readers to it atomically.
//
// Layout: the database path DB is a Xapian stub file ("auto DB.gen-TIME")
// naming the current generation, a compacted database directory beside it.
// Readers open DB as any Xapian database. A rebuild writes DB.gen-NEW.building,
// compacts it into DB.gen-NEW, writes DB.stub.tmp and renames it over DB
// (rename is atomic), then removes generations older than the previous one
// (which readers that opened it a moment ago may still be using).
// With --shards N the generation is built as N shards (schema.h, "Shards")
// and then merged into one compacted database, or with --keep-shards each
// shard is compacted (all at once) into a directory behind the same stub.
// The database under construction is written without fsync (DB_NO_SYNC):
// a run that fails is thrown away, and the compacted result is synced.
// If DB is a plain database directory (made by the default mode), the first
// rebuild exchanges it with the stub in one step (renameat2 RENAME_EXCHANGE),
// then moves it from DB.stub.tmp to DB.gen-legacy-TIME: DB holds a whole
// database at every instant. A rebuild whose inputs partly failed is still
// switched in (the failures are reported), unless options.strict or nothing
// at all was indexed.
#pragma once

#include "indexer/index_run.h"

namespace morgue {

Status run_rebuild(const IndexOptions& options, IndexSummary* summary);

// Run before any indexing (with the index lock held): finishes a switch a
// crash interrupted, and refuses (io_error) when DB is missing while
// generations sit beside it, rather than letting a run start an empty
// database there. `note` says what was repaired, if anything.
Status recover_switch(const std::string& db, std::string* note);

} // namespace morgue
