// Every match of a query, streamed as CSV or JSON Lines: morgue-query
// --format csv|jsonl --all, and GET /api/export.
//
// Ranking every match (by relevance or by date) means holding them all, so
// an export reads matches in index order instead: each chunk of
// kExportChunk is a fresh MSet of the next matches after the last document
// written (unweighted, by document id), so memory does not grow with the
// number of matches. Columns are in docs/json-output.md.
#pragma once

#include "query/output.h"
#include "query/search.h"
#include "common/status.h"

#include <xapian.h>

#include <functional>
#include <ostream>
#include <string>

namespace morgue {

inline constexpr Xapian::doccount kExportChunk = 2000;

// Receives the output piece by piece; returns false to stop (a client gone).
using ExportSink = std::function<bool(const std::string&)>;
// Told the rows written so far after each chunk.
using ExportProgress = std::function<void(Xapian::doccount rows)>;

// The exact number of matches of `req` (its query, filters and dates) in `db`.
Status count_matches(Xapian::Database& db, const SearchRequest& req, Xapian::doccount* out);

// Streams every match of `req` (its query, filters and dates; sort, paging
// and collapsing do not apply) in `format` (csv or jsonl) to `sink`. Fails
// if the database is rebuilt under it (rows would be read from two
// databases); later commits of --update are followed.
// `chunk` is there for tests.
Status export_matches(Xapian::Database& db, const SearchRequest& req, OutputFormat format, const ExportSink& sink,
                      const ExportProgress& progress = nullptr, Xapian::doccount chunk = kExportChunk);

// morgue-query --all: opens req.db and writes to `out`, with a progress
// line on stderr when `show_progress`.
Status export_all(const SearchRequest& req, OutputFormat format, std::ostream& out, bool show_progress);

} // namespace morgue
