#include "common/dates.h"

#include <doctest/doctest.h>

using namespace morgue;

TEST_CASE("dates: ISO forms found in the corpora")
{
    struct Case { const char* in; const char* out; };
    const Case cases[] = {
        {"2025-05-28", "2025-05-28T00:00:00Z"},
        {"1987-02-26T15:01:01.79", "1987-02-26T15:01:01Z"},     // Reuters
        {"2017-09-15 09:52:00", "2017-09-15T09:52:00Z"},        // news-please
        {"2015-07-21T02:16:13", "2015-07-21T02:16:13Z"},        // SaudiNewsNet
        {"2025-05-28T14:03:00Z", "2025-05-28T14:03:00Z"},
        {"2025-05-28T14:03:00+02:00", "2025-05-28T12:03:00Z"},
        {"2025-05-28T01:00-0300", "2025-05-28T04:00:00Z"},
        {"2024-02-29", "2024-02-29T00:00:00Z"},
        {"1960-01-01", "1960-01-01T00:00:00Z"},
        {"2020-07", "2020-07-01T00:00:00Z"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.in);
        auto t = parse_iso_datetime(c.in);
        REQUIRE(t.has_value());
        CHECK(format_datetime(*t) == c.out);
    }
}

TEST_CASE("dates: what is not an ISO date is refused")
{
    for (const char* bad : {"", "2025", "05/06/2025", "2025-13-01", "2023-02-29", "2025-05-28T25:00",
                            "2025-05-28Tnoon", "2025-05-28 14:03:00 junk", "May 28, 2025"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_iso_datetime(bad).has_value());
    }
}

TEST_CASE("dates: compact forms used by terms and values")
{
    int64_t t = *parse_iso_datetime("1987-10-20T22:53:18");
    CHECK(format_compact_day(t) == "19871020");
    CHECK(format_compact_month(t) == "198710");
    CHECK(format_date(-1) == "1969-12-31");
}

TEST_CASE("dates: civil conversion agrees both ways over four centuries")
{
    for (int64_t d = -146097; d <= 146097; d += 13) {
        CivilDate c = civil_from_days(d);
        REQUIRE(valid_civil(c));
        CHECK(days_from_civil(c) == d);
    }
}
