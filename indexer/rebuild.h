// morgue-index --rebuild: build a fresh database beside the live one,
// compact it, and switch readers to it atomically (indexer/generation.h).
//
// With --shards N the generation is built as N shards (schema.h, "Shards")
// and then merged into one compacted database, or with --keep-shards each
// shard is compacted (all at once) into a directory behind the same stub.
// The database under construction is written without fsync (DB_NO_SYNC):
// a run that fails is thrown away, and the compacted result is synced.
// A rebuild whose inputs partly failed is still switched in (the failures
// are reported), unless options.strict or nothing at all was indexed.
#pragma once

#include "indexer/index_run.h"

namespace morgue {

Status run_rebuild(const IndexOptions& options, IndexSummary* summary);

} // namespace morgue
