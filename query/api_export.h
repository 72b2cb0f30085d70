// GET /api/export: every match of a query as CSV or JSON Lines, as
// morgue-query --format csv|jsonl --all writes them. This part checks the
// request and counts the matches; the server streams the rows
// (export.h) as a chunked response.
#pragma once

#include "query/api.h"
#include "query/output.h"
#include "query/search.h"

#include <xapian.h>

#include <string>

namespace morgue {

struct ExportPlan {
    SearchRequest request;
    OutputFormat format = OutputFormat::csv;
    Xapian::doccount matches = 0;
    std::string content_type; // text/csv or application/x-ndjson
    std::string filename;     // for Content-Disposition
};

// Parameters: q, the filters, since, until (as /api/search) and format
// (csv, the default, or jsonl). A status other than 200 is the reply to
// send; more than `max_rows` matches is refused (400) rather than cut short.
ApiReply plan_export(Xapian::Database& db, const std::string& path, const Params& params, Xapian::doccount max_rows,
                     ExportPlan* plan);

} // namespace morgue
