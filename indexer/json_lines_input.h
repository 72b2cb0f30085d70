// A JSON Lines input: lines are parsed and tokenised on worker threads
// (prepare_json_record) and written on this one, in input order; a message
// about a line is printed when that line's turn to be written comes.
#pragma once

#include "indexer/article_writer.h"
#include "indexer/index_run.h"
#include "indexer/line_reader.h"
#include "indexer/run_report.h"
#include "common/status.h"

#include <string>

namespace morgue {

// A bad line costs that line; an error is returned only when the database
// fails (the run then stops).
Status index_json_lines(const std::string& path, LineReader& reader, const IndexOptions& options,
                        ArticleWriter& writer, RunReport& report);

} // namespace morgue
