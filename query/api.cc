#include "api.h"

#include "codec.h"
#include "copies_output.h"
#include "date_period.h"
#include "dates.h"
#include "output.h"
#include "reader.h"
#include "schema.h"
#include "stats.h"

#include <nlohmann/json.hpp>

#include <iostream>
#include <set>
#include <sstream>

namespace morgue {

namespace {

using json = nlohmann::ordered_json;

// Everything else, at most once each.
const std::set<std::string> kSingleParams = {"q",     "since", "until",       "sort",     "offset", "limit",
                                             "collapse", "count", "facets", "facet_limit", "interval", "histogram",
                                             "group"};

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

// A decimal number in [0, max]; anything else is the caller's mistake.
Status parse_bounded(const std::string& name, const std::string& text, unsigned max, unsigned* out)
{
    const bool digits = !text.empty() && text.size() <= 9 && text.find_first_not_of("0123456789") == std::string::npos;
    if (!digits || std::stoul(text) > max)
        return Status::Usage(name + " must be a whole number from 0 to " + std::to_string(max));
    *out = static_cast<unsigned>(std::stoul(text));
    return Status::Ok();
}

Status parse_flag(const std::string& name, const std::string& text, bool* out)
{
    if (text == "1" || text == "true") *out = true;
    else if (text == "0" || text == "false") *out = false;
    else return Status::Usage(name + " must be true or false");
    return Status::Ok();
}

// Applies one single-valued parameter to the request.
Status apply(const std::string& key, const std::string& value, SearchRequest* req)
{
    if (key == "q") {
        if (value.size() > kMaxQueryBytes)
            return Status::Usage("the query is too long (at most " + std::to_string(kMaxQueryBytes) + " bytes)");
        req->query = value;
    } else if (key == "since" || key == "until") {
        if (value.empty()) return Status::Ok();
        DayRange period; // until=2017-09 runs to September's end
        Status s = parse_date_period(value, &period);
        if (!s.ok()) return Status::Usage(key + ": " + s.message());
        if (key == "since") req->options.since = period.first;
        else req->options.until = period.last;
    } else if (key == "sort") {
        if (!parse_sort_order(value, &req->sort)) return Status::Usage("sort must be relevance, newest or oldest");
    } else if (key == "offset") {
        return parse_bounded(key, value, kMaxApiOffset, &req->offset);
    } else if (key == "limit") {
        return parse_bounded(key, value, kMaxApiLimit, &req->limit);
    } else if (key == "collapse") {
        return parse_flag(key, value, &req->collapse);
    } else if (key == "count") {
        if (value != "stories" && value != "copies" && value != "events")
            return Status::Usage("count must be stories, copies or events");
        req->count_stories = value == "stories";
        req->count_events = value == "events";
    } else if (key == "group") {
        if (value != "stories" && value != "events") return Status::Usage("group must be stories or events");
        req->group_events = value == "events";
    } else if (key == "facets") {
        req->facets.clear();
        if (value == "all") req->facets = facet_names();
        std::stringstream in(value == "all" || value == "none" ? "" : value);
        for (std::string f; std::getline(in, f, ',');) {
            if (!find_facet(f)) return Status::Usage("unknown facet '" + f + "'");
            req->facets.push_back(f);
        }
    } else if (key == "facet_limit") {
        unsigned n;
        Status s = parse_bounded(key, value, kMaxApiLimit, &n);
        if (!s.ok()) return s;
        req->facet_limit = n;
    } else if (key == "interval") {
        if (value != "auto" && value != "day" && value != "month" && value != "year")
            return Status::Usage("interval must be auto, day, month or year");
        req->interval = value;
    } else if (key == "histogram") {
        if (value != "count" && value != "share") return Status::Usage("histogram must be count or share");
        req->histogram_share = value == "share";
    }
    return Status::Ok();
}

json or_null(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

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

Status search_request_from_params(const Params& params, SearchRequest* req)
{
    Status defaults = apply("facets", kDefaultFacets, req);
    if (!defaults.ok()) return defaults;
    for (const auto& [key, value] : params) {
        // Filters people pick in the page; each may be given several times (ORed).
        if (schema::find_field(key, schema::in_api)) {
            if (!value.empty()) req->options.filters.emplace_back(key, value);
            continue;
        }
        if (!kSingleParams.count(key)) return Status::Usage("unknown parameter '" + key + "'");
        if (params.count(key) > 1) return Status::Usage("parameter '" + key + "' given more than once");
        Status s = apply(key, value, req);
        if (!s.ok()) return s;
    }
    if (req->options.since && req->options.until && *req->options.since > *req->options.until)
        return Status::Usage("since is after until");
    return Status::Ok();
}

ApiReply api_search(Xapian::Database& db, const std::string& path, const Params& params, double time_limit)
{
    SearchRequest req;
    req.db = path;
    req.time_limit = time_limit;
    req.facet_table = true; // a server answers many searches: facets from memory
    Status s = search_request_from_params(params, &req);
    if (!s.ok()) return error_reply(400, s.message());
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
    return {200, dump(article_json(a, cluster, copies))};
}

Status related_request_from_params(const std::string& id, const Params& params, RelatedRequest* req)
{
    req->id = id;
    for (const auto& [key, value] : params) {
        if (params.count(key) > 1) return Status::Usage("parameter '" + key + "' given more than once");
        unsigned days = 0;
        Status s;
        if (key == "window_days") {
            s = parse_bounded(key, value, kMaxRelatedWindowDays, &days);
            req->window_days = static_cast<int>(days);
        } else if (key == "limit") s = parse_bounded(key, value, kMaxRelated, &req->limit);
        else if (key == "per_outlet") s = parse_bounded(key, value, kMaxRelated, &req->per_outlet);
        else s = Status::Usage("unknown parameter '" + key + "'");
        if (!s.ok()) return s;
    }
    return Status::Ok();
}

ApiReply api_related(Xapian::Database& db, const std::string& path, const std::string& id, const Params& params)
{
    RelatedRequest req;
    req.db = path;
    Status s = related_request_from_params(id, params, &req);
    if (!s.ok()) return error_reply(400, s.message());
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
    return {200, dump(j)};
}

ApiReply error_reply(int status, const std::string& message)
{
    return {status, dump(json{{"error", message}})};
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
