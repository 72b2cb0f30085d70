// The one request validator: what a request may ask, its defaults, and
// errors that name the parameter at fault in each front end's spelling.
#include "query/facets.h"
#include "query/query_builder.h"
#include "query/request.h"

#include <doctest/doctest.h>

#include <initializer_list>
#include <string>
#include <utility>

using namespace morgue;

namespace {

std::string dashed(Param p) { return std::string("--") + param_name(p); }
std::string plain(Param p) { return param_name(p); }

// Two front ends' worth of rules: a generous one spelling --name, a
// bounded one spelling name.
RequestRules generous() { return {dashed, 100000, 4000000000u, 1000, 4000000000u, 100000, 100000}; }
RequestRules bounded()
{
    return {plain, 20, 50, 5, 7, 9, 4};
}

RequestText text(std::string query, std::initializer_list<std::pair<const Param, std::string>> values = {},
                 RequestKind kind = RequestKind::search)
{
    RequestText t;
    t.kind = kind;
    t.query = std::move(query);
    t.values = values;
    return t;
}

struct Outcome {
    Status status;
    Param at_fault = Param::query;
    Request request;
};

Outcome check(const RequestText& t, const RequestRules& rules)
{
    Outcome o;
    o.at_fault = Param::per_outlet; // left alone unless something is wrong
    o.status = validate_request(t, rules, &o.request, &o.at_fault);
    return o;
}

} // namespace

TEST_CASE("request: a parameter left out takes the validator's default")
{
    Outcome o = check(text("oil"), bounded());
    REQUIRE(o.status.ok());
    CHECK(o.at_fault == Param::per_outlet);
    const SearchRequest& s = o.request.search;
    CHECK(s.query == "oil");
    CHECK(s.offset == 0);
    CHECK(s.limit == 10);
    CHECK(s.sort == SortOrder::relevance);
    CHECK(s.facets == std::vector<std::string>{"outlet", "section", "dateline", "author", "language", "date"});
    CHECK(s.facet_limit == 10);
    CHECK(s.interval == "auto");
    CHECK(!s.histogram_share);
    CHECK(s.collapse);
    CHECK(!s.group_events);
    CHECK(s.count_stories);
    CHECK(!s.count_events);
    CHECK(s.exact);
    CHECK(!s.options.since);
    CHECK(!s.options.until);
    CHECK(o.request.format == OutputFormat::text);
}

TEST_CASE("request: each parameter given reaches the request")
{
    Outcome o = check(text("oil", {{Param::since, "1987-03"},
                                   {Param::until, "1987-04"},
                                   {Param::sort, "newest"},
                                   {Param::offset, "20"},
                                   {Param::limit, "500"},
                                   {Param::format, "jsonl"},
                                   {Param::facets, "outlet,,date"},
                                   {Param::facet_limit, "3"},
                                   {Param::interval, "month"},
                                   {Param::histogram, "share"},
                                   {Param::collapse, "false"},
                                   {Param::group, "events"},
                                   {Param::count, "events"},
                                   {Param::estimate, "true"},
                                   {Param::time_limit, "2.5"}}),
                      generous());
    REQUIRE(o.status.ok());
    const SearchRequest& s = o.request.search;
    CHECK(*s.options.since == 541555200); // 1987-03-01
    CHECK(*s.options.until == 546739200); // 1987-04-30, the month's last day
    CHECK(s.sort == SortOrder::newest);
    CHECK(s.offset == 20);
    CHECK(s.limit == 500);
    CHECK(o.request.format == OutputFormat::jsonl);
    CHECK(s.facets == std::vector<std::string>{"outlet", "date"});
    CHECK(s.facet_limit == 3);
    CHECK(s.interval == "month");
    CHECK(s.histogram_share);
    CHECK(!s.collapse);
    CHECK(s.group_events);
    CHECK(!s.count_stories);
    CHECK(s.count_events);
    CHECK(!s.exact);
    CHECK(s.time_limit == 2.5);
    CHECK(check(text("oil", {{Param::facets, "all"}}), bounded()).request.search.facets == facet_names());
    CHECK(check(text("oil", {{Param::facets, "none"}}), bounded()).request.search.facets.empty());
}

TEST_CASE("request: a reversed date range is refused, naming the parameter as each front end spells it")
{
    const RequestText reversed = text("oil", {{Param::since, "1987-03-10"}, {Param::until, "1987-03-01"}});
    Outcome cli = check(reversed, generous());
    CHECK(cli.status.code() == Status::Code::usage);
    CHECK(cli.at_fault == Param::since);
    CHECK(cli.status.message().find("--since 1987-03-10 is after --until 1987-03-01") != std::string::npos);
    Outcome api = check(reversed, bounded());
    CHECK(api.status.code() == Status::Code::usage);
    CHECK(api.at_fault == Param::since);
    CHECK(api.status.message().rfind("since 1987-03-10 is after until 1987-03-01", 0) == 0);
    // One day, given as a month at one end and a day at the other, is a range.
    CHECK(check(text("oil", {{Param::since, "1987-03"}, {Param::until, "1987-03-01"}}), bounded()).status.ok());
}

TEST_CASE("request: filters or dates alone are a query, nothing at all is not")
{
    for (Param p : {Param::since, Param::until}) {
        Outcome o = check(text("", {{p, "1987"}}), generous());
        CHECK(o.status.ok());
    }
    RequestText filtered = text("  ");
    filtered.filters = {{"outlet", "Reuters"}};
    CHECK(check(filtered, bounded()).status.ok());
    Outcome empty = check(text(" \t"), generous());
    CHECK(empty.status.code() == Status::Code::usage);
    CHECK(empty.at_fault == Param::query);
    CHECK(empty.status.message().rfind("empty query", 0) == 0);
    CHECK(empty.status.message().find("--since") != std::string::npos);
    CHECK(check(text(""), bounded()).status.message().find("(since, until)") != std::string::npos);
}

TEST_CASE("request: a bad value is refused, its message starting with the parameter's name")
{
    const std::pair<Param, std::string> bad[] = {
        {Param::since, "05/06/1987"}, {Param::until, "1987-13"},  {Param::sort, "best"},
        {Param::offset, "x"},         {Param::offset, "51"},      {Param::limit, "6"},
        {Param::limit, "1e3"},        {Param::limit, ""},         {Param::limit, "99999999999999999999"},
        {Param::format, "xml"},       {Param::facet_limit, "8"},  {Param::interval, "week"},
        {Param::histogram, "ratio"},  {Param::collapse, "maybe"}, {Param::group, "words"},
        {Param::count, "words"},      {Param::estimate, "yes"},   {Param::time_limit, "86401"},
        {Param::time_limit, "soon"},  {Param::time_limit, "nan"},
    };
    for (const auto& [param, value] : bad) {
        CAPTURE(param_name(param));
        CAPTURE(value);
        Outcome o = check(text("oil", {{param, value}}), bounded());
        CHECK(o.status.code() == Status::Code::usage);
        CHECK(o.at_fault == param);
        CHECK(o.status.message().rfind(param_name(param), 0) == 0);
    }
    Outcome facet = check(text("oil", {{Param::facets, "outlet,colour"}}), generous());
    CHECK(facet.at_fault == Param::facets);
    CHECK(facet.status.message().rfind("unknown facet 'colour' in --facets (facets: outlet,", 0) == 0);
    Outcome negative = check(text("oil", {{Param::limit, "-1"}}), generous());
    CHECK(negative.at_fault == Param::limit);
    CHECK(negative.status.message() == "--limit must not be negative (got -1)");
    Outcome long_query = check(text(std::string(21, 'a')), bounded());
    CHECK(long_query.at_fault == Param::query);
    CHECK(check(text(std::string(20, 'a')), bounded()).status.ok());
}

TEST_CASE("request: each front end's bounds")
{
    CHECK(check(text("oil", {{Param::limit, "1000"}}), generous()).status.ok());
    CHECK(check(text("oil", {{Param::limit, "1001"}}), generous()).status.message() ==
          "--limit must be a whole number from 0 to 1000");
    CHECK(check(text("oil", {{Param::limit, "5"}, {Param::offset, "50"}, {Param::facet_limit, "7"}}), bounded())
              .status.ok());
    CHECK(check(text("oil", {{Param::limit, "6"}}), bounded()).status.message() ==
          "limit must be a whole number from 0 to 5");
}

TEST_CASE("request: an export is CSV or JSON Lines, and refuses what only a search does")
{
    Outcome plain_export = check(text("oil", {}, RequestKind::export_all), bounded());
    REQUIRE(plain_export.status.ok());
    CHECK(plain_export.request.kind == RequestKind::export_all);
    CHECK(plain_export.request.format == OutputFormat::csv);
    CHECK(check(text("oil", {{Param::format, "jsonl"}}, RequestKind::export_all), bounded()).request.format ==
          OutputFormat::jsonl);
    Outcome text_export = check(text("oil", {{Param::format, "text"}}, RequestKind::export_all), generous());
    CHECK(text_export.at_fault == Param::format);
    CHECK(text_export.status.message() == "--format must be csv or jsonl for an export");
    // The same refusals whichever front end asks (the command line once
    // let --facets, --group and others pass, and ignored them).
    for (Param p : {Param::sort, Param::offset, Param::limit, Param::collapse, Param::count, Param::facets,
                    Param::facet_limit, Param::interval, Param::histogram, Param::group}) {
        for (const RequestRules& rules : {bounded(), generous()}) {
            Outcome o = check(text("oil", {{p, "x"}}, RequestKind::export_all), rules);
            CHECK(o.at_fault == p);
            CHECK(o.status.message().find(" does not apply to an export") != std::string::npos);
        }
    }
    CHECK(check(text("oil", {{Param::since, "1987-03-10"}, {Param::until, "1987-03-01"}}, RequestKind::export_all),
                generous())
              .at_fault == Param::since);
    CHECK(check(text("", {{Param::until, "1987"}}, RequestKind::export_all), generous()).status.ok());
}

TEST_CASE("request: related coverage and copies take their own parameters")
{
    RequestText related = text("", {{Param::window_days, "9"}, {Param::limit, "100"}, {Param::per_outlet, "4"}},
                               RequestKind::related);
    related.id = "reuters-1";
    Outcome o = check(related, bounded());
    REQUIRE(o.status.ok());
    CHECK(o.request.related.id == "reuters-1");
    CHECK(o.request.related.window_days == 9);
    CHECK(o.request.related.limit == 100); // a related list's own bound, not a search page's
    CHECK(o.request.related.per_outlet == 4);
    const std::pair<Param, std::string> bad[] = {
        {Param::window_days, "10"}, {Param::window_days, "-1"}, {Param::limit, std::to_string(kMaxRelated + 1)},
        {Param::per_outlet, "5"}};
    for (const auto& [param, value] : bad) {
        related.values = {{param, value}};
        Outcome refused = check(related, bounded());
        CHECK(refused.at_fault == param);
        CHECK(refused.status.message().rfind(param_name(param), 0) == 0);
    }
    // Copies need an id and a format, and look at nothing else.
    RequestText copies = text("", {{Param::format, "csv"}, {Param::sort, "sideways"}}, RequestKind::copies);
    copies.id = "bbc-2";
    Outcome c = check(copies, bounded());
    REQUIRE(c.status.ok());
    CHECK(c.request.id == "bbc-2");
    CHECK(c.request.format == OutputFormat::csv);
}

TEST_CASE("request: dates alone build a query of every article in their range")
{
    Outcome o = check(text("", {{Param::since, "1987-03"}}), generous());
    REQUIRE(o.status.ok());
    BuiltQuery built;
    REQUIRE(build_query(o.request.search.query, o.request.search.options, &built).ok());
    const std::string d = built.query.get_description();
    CHECK(d.find("<alldocuments>") != std::string::npos);
    CHECK(d.find("VALUE_GE") != std::string::npos);
    CHECK(build_query("", QueryOptions{}, &built).message().rfind("empty query", 0) == 0);
}
