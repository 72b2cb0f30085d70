#include "query/api.h"

#include "common/codec.h"
#include "common/dates.h"
#include "query/output.h"
#include "query/output_json.h"
#include "common/reader.h"
#include "common/schema.h"
#include "common/stats.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <iostream>
#include <set>
#include <sstream>
#include <vector>

namespace morgue {

namespace {

using json = nlohmann::ordered_json;

// What else each endpoint takes, at most once each.
const std::vector<Param> kSearchParams = {Param::query,  Param::since,    Param::until,       Param::sort,
                                          Param::offset, Param::limit,    Param::collapse,    Param::count,
                                          Param::facets, Param::facet_limit, Param::interval, Param::histogram,
                                          Param::group};
const std::vector<Param> kRelatedParams = {Param::window_days, Param::limit, Param::per_outlet};

std::string api_spelling(Param p) { return param_name(p); }

const RequestRules kApiRules = {
    api_spelling, kMaxQueryBytes, kMaxApiOffset, kMaxApiLimit, kMaxApiLimit, kMaxRelatedWindowDays, kMaxRelated};

// The query string as a request: the filters (an empty one is an empty
// form field, no filter), and each of `accepted` once at most.
Status request_text(const Params& params, const std::vector<Param>& accepted, RequestText* out)
{
    const bool filters = std::find(accepted.begin(), accepted.end(), Param::query) != accepted.end();
    for (const auto& [key, value] : params) {
        // Filters people pick in the page; each may be given several times (ORed).
        if (filters && schema::find_field(key, schema::in_api)) {
            if (!value.empty()) out->filters.emplace_back(key, value);
            continue;
        }
        auto p = std::find_if(accepted.begin(), accepted.end(), [&key = key](Param a) { return key == param_name(a); });
        if (p == accepted.end()) return Status::Usage("unknown parameter '" + key + "'");
        if (params.count(key) > 1) return Status::Usage("parameter '" + key + "' given more than once");
        if (*p == Param::query) out->query = value;
        else if (!value.empty() || (*p != Param::since && *p != Param::until)) out->values[*p] = value;
    }
    return Status::Ok();
}

Status find_article(Xapian::Database& db, const std::string& id, Article* a, std::string* cluster)
{
    const std::string term = schema::id_term(id);
    auto p = db.postlist_begin(term);
    if (p == db.postlist_end(term)) return Status::NotFound("no article with id " + id);
    Xapian::Document doc = db.get_document(*p);
    *cluster = doc.get_value(schema::slot_cluster);
    return read_article(doc, a);
}

json article_json(const Article& a, const std::string& cluster, const std::vector<Copy>& copies)
{
    json others = json::array();
    for (const auto& c : copies) {
        if (c.id == a.id) continue;
        others.push_back(copy_json(c));
    }
    return {{"schema_version", kJsonSchemaVersion},
            {"id", a.id},
            {"title", a.title},
            {"outlet", or_null(a.outlet)},
            {"wire", or_null(a.wire)},
            {"date", a.date ? json(format_date(*a.date)) : json(nullptr)},
            {"time", a.date ? json(format_datetime(*a.date)) : json(nullptr)},
            {"date_approximate", a.date_approximate},
            {"dateline", or_null(a.dateline)},
            {"section", or_null(a.section)},
            {"authors", a.authors},
            {"language", or_null(a.language)},
            {"kind", a.kind},
            {"url", or_null(a.url)},
            {"text", a.body},
            {"cluster", or_null(cluster)},
            {"copies", others}};
}

// A failure that is not the caller's: the details (paths, Xapian's words)
// go to the log, the client gets the gist.
ApiReply server_trouble(const Status& s)
{
    std::cerr << "morgue-query serve: " << s.message() << "\n";
    return error_reply(http_status(s), "the database cannot be read just now");
}

} // namespace

Status request_from_params(RequestKind kind, const std::string& id, const Params& params, Request* out)
{
    std::vector<Param> accepted = kind == RequestKind::related ? kRelatedParams : kSearchParams;
    if (kind == RequestKind::export_all) accepted.push_back(Param::format);
    RequestText text;
    text.kind = kind;
    text.id = id;
    Status s = request_text(params, accepted, &text);
    return s.ok() ? validate_request(text, kApiRules, out) : s;
}

Status search_request_from_params(const Params& params, SearchRequest* out)
{
    Request req;
    Status s = request_from_params(RequestKind::search, "", params, &req);
    if (s.ok()) *out = req.search;
    return s;
}

ApiReply api_search(Xapian::Database& db, const std::string& path, const Params& params, double time_limit)
{
    SearchRequest req;
    Status s = search_request_from_params(params, &req);
    if (!s.ok()) return error_reply(400, s.message());
    req.db = path;
    req.time_limit = time_limit;
    req.facet_table = true; // a server answers many searches: facets from memory
    SearchResult res;
    s = search(db, req, &res);
    if (s.code() == Status::Code::usage) return error_reply(400, s.message());
    if (!s.ok()) return server_trouble(s);
    // The CLI's own JSON writer: one documented schema for both.
    std::ostringstream out;
    write_result(out, OutputFormat::json, OutputStyle{}, req, res);
    return {200, out.str()};
}

ApiReply api_article(Xapian::Database& db, const std::string& path, const std::string& id)
{
    Article a;
    std::string cluster;
    Status s = with_reopen(db, path, "reading " + path, [&] { return find_article(db, id, &a, &cluster); });
    if (s.code() == Status::Code::not_found) return error_reply(404, s.message());
    if (!s.ok()) return server_trouble(s);
    std::vector<Copy> copies;
    if (!cluster.empty()) {
        s = list_copies(path, id, &copies);
        if (!s.ok()) return server_trouble(s);
    }
    return {200, json_line(article_json(a, cluster, copies))};
}

Status related_request_from_params(const std::string& id, const Params& params, RelatedRequest* out)
{
    Request req;
    Status s = request_from_params(RequestKind::related, id, params, &req);
    if (s.ok()) *out = req.related;
    return s;
}

ApiReply api_related(Xapian::Database& db, const std::string& path, const std::string& id, const Params& params)
{
    RelatedRequest req;
    Status s = related_request_from_params(id, params, &req);
    if (!s.ok()) return error_reply(400, s.message());
    req.db = path;
    RelatedResult res;
    s = find_related(db, req, &res);
    if (s.code() == Status::Code::not_found) return error_reply(404, s.message());
    if (s.code() == Status::Code::usage) return error_reply(400, s.message());
    if (!s.ok()) return server_trouble(s);
    return {200, related_json(req, res)};
}

ApiReply api_stats(const std::string& path)
{
    json j;
    Status s = database_stats(path, &j);
    if (!s.ok()) return server_trouble(s);
    j.erase("database"); // the server's file system is nobody's business
    return {200, json_line(j)};
}

ApiReply error_reply(int status, const std::string& message)
{
    return {status, json_line(json{{"error", message}})};
}

int http_status(const Status& s)
{
    switch (s.code()) {
    case Status::Code::ok: return 200;
    case Status::Code::usage:
    case Status::Code::invalid_input: return 400;
    case Status::Code::io_error: return 500;
    default: return 503; // no database, another schema, ...
    }
}

} // namespace morgue
