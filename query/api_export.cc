#include "api_export.h"

#include "export.h"

#include <iostream>
#include <set>

namespace morgue {

ApiReply plan_export(Xapian::Database& db, const std::string& path, const Params& params, Xapian::doccount max_rows,
                     ExportPlan* plan)
{
    // Ranking, paging, collapsing and facets are the search's; an export
    // is every match in index order.
    static const std::set<std::string> kSearchOnly = {"sort",  "offset",      "limit",    "collapse", "count",
                                                      "facets", "facet_limit", "interval", "histogram"};
    Params search_params;
    for (const auto& [key, value] : params) {
        if (kSearchOnly.count(key)) return error_reply(400, "parameter '" + key + "' does not apply to an export");
        if (key != "format") search_params.emplace(key, value);
    }
    const auto format = params.equal_range("format");
    const std::string name = format.first == format.second ? "csv" : format.first->second;
    if (params.count("format") > 1) return error_reply(400, "parameter 'format' given more than once");
    if (name == "csv") {
        plan->format = OutputFormat::csv;
        plan->content_type = "text/csv; charset=utf-8";
        plan->filename = "morgue-export.csv";
    } else if (name == "jsonl") {
        plan->format = OutputFormat::jsonl;
        plan->content_type = "application/x-ndjson; charset=utf-8";
        plan->filename = "morgue-export.jsonl";
    } else {
        return error_reply(400, "format must be csv or jsonl");
    }
    plan->request = SearchRequest{};
    plan->request.db = path;
    Status s = search_request_from_params(search_params, &plan->request);
    if (!s.ok()) return error_reply(400, s.message());
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
