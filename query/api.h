// The JSON API of morgue-query serve, apart from HTTP: a request's
// parameters -> an HTTP status and a JSON body. Every error is
// {"error": "..."} with the status saying whose fault it is.
// docs/http-api.md describes it for its users.
#pragma once

#include "query/related.h"
#include "query/request.h"
#include "query/search.h"
#include "common/status.h"

#include <xapian.h>

#include <map>
#include <string>

namespace morgue {

// Bounds on what one request may ask for: more is refused with 400, not
// clamped, so that a client never gets less than it thinks it asked for.
inline constexpr size_t kMaxQueryBytes = 1000;
inline constexpr unsigned kMaxApiLimit = 100;
inline constexpr unsigned kMaxApiOffset = 10000;
inline constexpr unsigned kMaxRelatedWindowDays = 366;

// Query-string parameters, as the HTTP library decodes them.
using Params = std::multimap<std::string, std::string>;

struct ApiReply {
    int status = 200;
    std::string body; // JSON
};

// The parameters of an endpoint -> a checked request (db left to the
// caller): /api/search (search), /api/export (export_all, with format) and
// /api/article/ID/related (related, for article `id`).
Status request_from_params(RequestKind kind, const std::string& id, const Params& params, Request* out);
// /api/search parameters -> SearchRequest (db left to the caller).
Status search_request_from_params(const Params& params, SearchRequest* out);

// GET /api/search on an open database (`path` lets it reopen after a
// rebuild), within `time_limit` seconds (0: none; see SearchRequest).
ApiReply api_search(Xapian::Database& db, const std::string& path, const Params& params, double time_limit = 0);
// GET /api/article/ID: the whole cleaned text and metadata, and the story's copies.
ApiReply api_article(Xapian::Database& db, const std::string& path, const std::string& id);
// GET /api/article/ID/related: other outlets' reports of the article's event
// (parameters window_days, limit, per_outlet).
ApiReply api_related(Xapian::Database& db, const std::string& path, const std::string& id, const Params& params);
// The related request for `id` from those parameters (db left to the caller).
Status related_request_from_params(const std::string& id, const Params& params, RelatedRequest* out);
// GET /api/stats: what the database holds (morgue-index --stats --json, without the path).
ApiReply api_stats(const std::string& path);

// {"error": message} with `status`.
ApiReply error_reply(int status, const std::string& message);
// The HTTP status for a failed Status: 400 for the caller's mistakes, 404
// for what is not there, 503 when the database cannot be read.
int http_status(const Status& s);

} // namespace morgue
