#include "facets.h"
#include "snippets.h"

#include <doctest/doctest.h>

using namespace morgue;

TEST_CASE("snippets: whitespace folding and highlight marking by code point")
{
    CHECK(fold_whitespace("  a\n\n b\t c  ") == "a b c");
    Snippet s;
    s.text = "Lipavský said “China” did it";
    s.highlights = {{0, 8}, {15, 20}};
    CHECK(mark_highlights(s, "<", ">") == "<Lipavský> said “<China>” did it");
    s.highlights = {{22, 28}};
    CHECK(mark_highlights(s, "[", "]") == "Lipavský said “China” [did it]");
}

TEST_CASE("facets: the date histogram picks its interval from the span")
{
    std::map<std::string, Xapian::doccount> days = {{"19870301", 2}, {"19870302", 1}, {"19870330", 4}};
    FacetResult r = date_histogram(days, "auto");
    CHECK(r.interval == "day");
    REQUIRE(r.values.size() == 3);
    CHECK(r.values[0].value == "1987-03-01");
    days["19871020"] = 5;
    r = date_histogram(days, "auto");
    CHECK(r.interval == "month");
    REQUIRE(r.values.size() == 2);
    CHECK(r.values[0].value == "1987-03");
    CHECK(r.values[0].count == 7);
    CHECK(r.values[1].value == "1987-10");
    days["20200101"] = 1;
    r = date_histogram(days, "auto");
    CHECK(r.interval == "year");
    CHECK(r.values.back().value == "2020");
    r = date_histogram(days, "month");
    CHECK(r.values.size() == 3);
    CHECK(date_histogram({}, "auto").values.empty());
}
