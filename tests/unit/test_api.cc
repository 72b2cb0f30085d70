// The HTTP API's parameters -> SearchRequest, and filters given apart from
// the query text (QueryOptions::filters) as Xapian queries.
#include "query/api.h"
#include "query/query_builder.h"

#include <doctest/doctest.h>

using namespace morgue;

namespace {
Status parse(const Params& p, SearchRequest* req) { return search_request_from_params(p, req); }

std::string describe(const std::string& q, const QueryOptions& opts)
{
    BuiltQuery b;
    Status s = build_query(q, opts, &b);
    return s.ok() ? b.query.get_description() : "ERROR: " + s.message();
}
} // namespace

TEST_CASE("api: parameters map onto the request")
{
    SearchRequest req;
    REQUIRE(parse({{"q", "oil"}, {"outlet", "Reuters"}, {"outlet", "BBC News"}, {"since", "1987-03-01"},
                   {"sort", "newest"}, {"offset", "20"}, {"limit", "5"}, {"collapse", "false"}, {"count", "copies"},
                   {"facets", "outlet,date"}, {"facet_limit", "3"}, {"interval", "month"}},
                  &req).ok());
    CHECK(req.query == "oil");
    CHECK(req.options.filters.size() == 2);
    CHECK(req.options.since.has_value());
    CHECK(!req.options.until.has_value());
    CHECK(req.sort == SortOrder::newest);
    CHECK(req.offset == 20);
    CHECK(req.limit == 5);
    CHECK(!req.collapse);
    CHECK(!req.count_stories);
    CHECK(req.facets == std::vector<std::string>{"outlet", "date"});
    CHECK(req.facet_limit == 3);
    CHECK(req.interval == "month");

    SearchRequest defaults;
    REQUIRE(parse({{"q", "oil"}, {"outlet", ""}}, &defaults).ok());
    CHECK(defaults.options.filters.empty()); // an empty form field is no filter
    CHECK(defaults.facets == std::vector<std::string>{"outlet", "section", "dateline", "author", "language", "date"});
    CHECK(defaults.limit == 10);
}

TEST_CASE("api: bad parameters are the caller's mistake")
{
    const Params bad[] = {
        {{"q", std::string(kMaxQueryBytes + 1, 'a')}},
        {{"q", "oil"}, {"limit", std::to_string(kMaxApiLimit + 1)}},
        {{"q", "oil"}, {"limit", "1e3"}},
        {{"q", "oil"}, {"limit", "-1"}},
        {{"q", "oil"}, {"limit", ""}},
        {{"q", "oil"}, {"offset", std::to_string(kMaxApiOffset + 1)}},
        {{"q", "oil"}, {"offset", "99999999999999999999"}},
        {{"q", "oil"}, {"sort", "best"}},
        {{"q", "oil"}, {"collapse", "yes please"}},
        {{"q", "oil"}, {"count", "words"}},
        {{"q", "oil"}, {"facets", "outlet,colour"}},
        {{"q", "oil"}, {"interval", "week"}},
        {{"q", "oil"}, {"since", "05/06/1987"}},
        {{"q", "oil"}, {"since", "1987-04-01"}, {"until", "1987-03-01"}},
        {{"q", "oil"}, {"q", "gas"}},
        {{"q", "oil"}, {"colour", "red"}},
    };
    for (const auto& p : bad) {
        SearchRequest req;
        Status s = parse(p, &req);
        CAPTURE(p.begin()->second.substr(0, 20));
        CAPTURE(p.rbegin()->first);
        CHECK(s.code() == Status::Code::usage);
    }
    SearchRequest req;
    CHECK(parse({{"q", std::string(kMaxQueryBytes, 'a')}, {"limit", std::to_string(kMaxApiLimit)}}, &req).ok());
}

TEST_CASE("api: statuses")
{
    CHECK(http_status(Status::Usage("x")) == 400);
    CHECK(http_status(Status::NotFound("x")) == 503); // the database; an unknown article is answered apart
    CHECK(http_status(Status::IOError("x")) == 500);
    CHECK(http_status(Status::SchemaMismatch("x")) == 503);
    CHECK(error_reply(404, "no \"x\" <here>").body == R"({"error":"no \"x\" <here>"})");
}

TEST_CASE("filters apart from the text: a field's values ORed, fields ANDed, no quoting")
{
    QueryOptions o;
    o.filters = {{"outlet", "Reuters"}, {"section", "Business"}, {"outlet", "BBC \"News\""}};
    CHECK(describe("oil", o) == "Query(((oil@1 FILTER (XOreuters OR XObbc news)) FILTER XSbusiness))");
    CHECK(describe("", o) == "Query(((<alldocuments> FILTER (XOreuters OR XObbc news)) FILTER XSbusiness))");
    // A value that looks like query syntax is only a value.
    QueryOptions tricky;
    tricky.filters = {{"outlet", "x) OR (y"}};
    CHECK(describe("oil", tricky) == "Query((oil@1 FILTER XOx) or (y))");
    QueryOptions unknown;
    unknown.filters = {{"colour", "red"}};
    CHECK(describe("oil", unknown).rfind("ERROR: unknown filter", 0) == 0);
    CHECK(describe("  ", QueryOptions{}).rfind("ERROR: empty query", 0) == 0);
}
