#include "query/api_export.h"

#include "query/export.h"

#include <iostream>

namespace morgue {

ApiReply plan_export(Xapian::Database& db, const std::string& path, const Params& params, Xapian::doccount max_rows,
                     ExportPlan* plan)
{
    Request req;
    Status s = request_from_params(RequestKind::export_all, "", params, &req);
    if (!s.ok()) return error_reply(400, s.message());
    plan->request = req.search;
    plan->request.db = path;
    plan->format = req.format;
    const bool csv = req.format == OutputFormat::csv;
    plan->content_type = csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8";
    plan->filename = csv ? "morgue-export.csv" : "morgue-export.jsonl";
    s = count_matches(db, plan->request, &plan->matches);
    if (s.code() == Status::Code::usage) return error_reply(400, s.message());
    if (!s.ok()) {
        std::cerr << "morgue-query serve: " << s.message() << "\n";
        return error_reply(http_status(s), "the database cannot be read just now");
    }
    if (plan->matches > max_rows)
        return error_reply(400, std::to_string(plan->matches) + " matches, over the export maximum of " +
                                    std::to_string(max_rows) + ": narrow the query or the dates");
    return {200, ""};
}

} // namespace morgue
