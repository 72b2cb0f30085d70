// sample_corpus/ indexed into a temporary directory, for unit tests that
// need a real database.
#pragma once

#include "indexer/index_run.h"
#include "temp_dir.h"

#include <doctest/doctest.h>

#include <string>

// Indexes sample_corpus/ (or one file of it, which is quicker) into
// tmp/db and returns its path.
inline std::string index_sample(const TempDir& tmp, const std::string& file = "")
{
    morgue::IndexOptions opts;
    opts.db = (tmp.path / "db").string();
    opts.sources = {std::string(MORGUE_SOURCE_DIR) + "/sample_corpus" + (file.empty() ? "" : "/" + file)};
    opts.quiet = true;
    opts.threads = 2;
    morgue::IndexSummary summary;
    REQUIRE(morgue::run_index(opts, &summary).ok());
    REQUIRE(summary.added > (file.empty() ? 700u : 0u));
    return opts.db;
}
