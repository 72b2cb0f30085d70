#include "query/date_period.h"
#include "common/dates.h"
#include "query/query_builder.h"

#include <doctest/doctest.h>

using namespace morgue;

namespace {

std::string span(const std::string& text)
{
    DateBounds b;
    Status s = parse_date_range(text, &b);
    if (!s.ok()) return "error: " + s.message();
    return (b.has_first ? format_date(b.first) : std::string("-")) + ".." +
           (b.has_last ? format_date(b.last) : std::string("-"));
}

std::string describe(const std::string& q)
{
    BuiltQuery b;
    Status s = build_query(q, {}, &b);
    return s.ok() ? b.query.get_description() : "error: " + s.message();
}

} // namespace

TEST_CASE("date periods: a day, a month or a year stands for its days")
{
    struct Case { const char* in; const char* out; };
    const Case cases[] = {
        {"2017-09-04", "2017-09-04..2017-09-04"},
        {"2017-09", "2017-09-01..2017-09-30"},
        {"2016-02", "2016-02-01..2016-02-29"}, // leap year
        {"2017-02", "2017-02-01..2017-02-28"},
        {"1900-02", "1900-02-01..1900-02-28"}, // not a leap year
        {"1987-12", "1987-12-01..1987-12-31"},
        {"1987", "1987-01-01..1987-12-31"},
        {"1969", "1969-01-01..1969-12-31"}, // before the epoch
        {"1987-03..1987-04", "1987-03-01..1987-04-30"},
        {"2016..2017", "2016-01-01..2017-12-31"},
        {"1987..1987-03-15", "1987-01-01..1987-03-15"},
        {"2017-09..", "2017-09-01..-"},
        {"..2017", "-..2017-12-31"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.in);
        CHECK(span(c.in) == c.out);
    }
}

TEST_CASE("date periods: what is not an ISO day, month or year is refused")
{
    struct Case { const char* in; const char* message; };
    const Case cases[] = {
        {"2017-13", "bad date '2017-13'"},
        {"2017-00", "bad date '2017-00'"},
        {"2017-02-30", "bad date '2017-02-30'"},
        {"2017-9", "bad date '2017-9'"},
        {"87", "bad date '87'"},
        {"20170", "bad date '20170'"},
        {"09/2017", "ambiguous"},
        {"2017-09-", "bad date"},
        {"2018..2017", "ends before it starts"},
        {"2017-09..2017-08-31", "ends before it starts"},
        {"..", "needs a day or a range"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.in);
        CHECK(span(c.in).find(c.message) != std::string::npos);
    }
    // A range within one month is fine, ending on its first day too.
    CHECK(span("2017-09..2017-09-01") == "2017-09-01..2017-09-01");
}

TEST_CASE("date periods: date: in a query filters whole months and years")
{
    CHECK(describe("date:2017-09") == "Query(VALUE_RANGE 7 20170901 20170930)");
    CHECK(describe("date:1987") == "Query(VALUE_RANGE 7 19870101 19871231)");
    CHECK(describe("oil date:1987-03..1987-04") == "Query((oil@1 FILTER VALUE_RANGE 7 19870301 19870430))");
    CHECK(describe("date:2016..2017") == "Query(VALUE_RANGE 7 20160101 20171231)");
    CHECK(describe("date:..1987-02") == "Query(VALUE_LE 7 19870228)");
    CHECK(describe("date:1987-13").find("bad date '1987-13'") != std::string::npos);
    int64_t day = 0;
    REQUIRE(parse_query_day("2017-09", &day).ok());
    CHECK(format_date(day) == "2017-09-01");
}
