// The query language, pinned down as {query, Xapian query description}
// tables in the manner of Xapian's own api_queryparser tests.
#include "query/query_builder.h"

#include <doctest/doctest.h>

using namespace morgue;

namespace {
struct Case {
    const char* query;
    const char* description;
};

std::string describe(const std::string& q, const QueryOptions& opts = {})
{
    BuiltQuery b;
    Status s = build_query(q, opts, &b);
    return s.ok() ? b.query.get_description() : "ERROR: " + s.message();
}
} // namespace

TEST_CASE("query language: free text, operators, phrases, wildcards")
{
    const Case cases[] = {
        // AND is the default operator; words are stemmed (bare stems, no Z prefix: STEM_ALL).
        {"china trade", "Query((china@1 AND trade@2))"},
        {"china OR taiwan", "Query((china@1 OR taiwan@2))"},
        {"china NOT taiwan", "Query((china@1 AND_NOT taiwan@2))"},
        {"china -taiwan", "Query((china@1 AND_NOT taiwan@2))"},
        {"+nato ukraine", "Query((nato@1 AND ukrain@2))"},
        {"NOT china", "Query((<alldocuments> AND_NOT china@1))"},
        {"\"foreign ministry\"", "Query((foreign@1 PHRASE 2 ministri@2))"},
        {"cyber NEAR attack", "Query((cyber@1 NEAR 11 attack@2))"},
        {"cyber*", "Query(WILDCARD SYNONYM cyber)"},
        {"(china OR russia) AND hackers", "Query(((china@1 OR russia@2) AND hacker@3))"},
        // Every word is stemmed, capitalised or not (schema.h: stems only).
        {"Trading", "Query(trade@1)"},
        {"title:oil", "Query(Soil@1)"},
        // Arabic queries use the Arabic stemmer (it drops the article ال).
        {"النفط", "Query(نفط@1)"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.query);
        CHECK(describe(c.query) == c.description);
    }
}

TEST_CASE("query language: filters are case-insensitive; one field ORs, fields AND")
{
    const Case cases[] = {
        {"outlet:AP", "Query(0 * XOap)"},
        {"outlet:ap", "Query(0 * XOap)"},
        {"outlet:\"South China Morning Post\"", "Query(0 * XOsouth china morning post)"},
        {"outlet:reuters outlet:ap", "Query(0 * (XOreuters OR XOap))"},
        {"outlet:reuters section:tech", "Query(0 * (XOreuters AND XStech))"},
        {"dateline:PRAGUE", "Query(0 * XDprague)"},
        {"author:\"Karel Janicek\"", "Query(0 * Akarel janicek)"},
        {"lang:AR", "Query(0 * Lar)"},
        {"oil outlet:Reuters", "Query((oil@1 FILTER XOreuters))"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.query);
        CHECK(describe(c.query) == c.description);
    }
}

TEST_CASE("query language: dates are ISO days, ranges may be open")
{
    const Case cases[] = {
        {"date:2025-05-01..2025-05-31", "Query(VALUE_RANGE 7 20250501 20250531)"},
        {"date:2025-05-01..", "Query(VALUE_GE 7 20250501)"},
        {"date:..2025-05-31", "Query(VALUE_LE 7 20250531)"},
        {"date:2025-05-28", "Query(VALUE_RANGE 7 20250528 20250528)"},
        {"oil date:1987-03-01..1987-03-31", "Query((oil@1 FILTER VALUE_RANGE 7 19870301 19870331))"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.query);
        CHECK(describe(c.query) == c.description);
    }
    QueryOptions since;
    int64_t day;
    REQUIRE(parse_query_day("1987-03-01", &day).ok());
    since.since = day;
    CHECK(describe("oil", since) == "Query((oil@1 FILTER VALUE_GE 7 19870301))");
    QueryOptions both = since;
    REQUIRE(parse_query_day("1987-03-31", &day).ok());
    both.until = day;
    CHECK(describe("oil", both) == "Query((oil@1 FILTER VALUE_RANGE 7 19870301 19870331))");
}

TEST_CASE("query language: bad queries are refused with a message")
{
    const Case cases[] = {
        {"", "empty query"},
        {"   ", "empty query"},
        {"\"foreign ministry", "unbalanced '\"'"},
        {"(china OR russia", "unbalanced '('"},
        {"china)", "unbalanced ')'"},
        {"colour:red", "unknown field 'colour:'"},
        {"date:05/06/2025", "ambiguous"},
        {"date:2025-13-01", "bad date '2025-13-01'"},
        {"date:2025-05-31..2025-05-01", "ends before it starts"},
        {"date:..", "needs a day or a range"},
        {"outlet:\"\"", "bad query"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.query);
        BuiltQuery b;
        Status s = build_query(c.query, {}, &b);
        REQUIRE_FALSE(s.ok());
        CHECK(s.exit_code() == 2);
        CHECK(s.message().find(c.description) != std::string::npos);
    }
}

TEST_CASE("query language: a url is not mistaken for a field")
{
    CHECK(describe("http://example.com") != "");
    CHECK(describe("http://example.com").rfind("ERROR", 0) != 0);
}
