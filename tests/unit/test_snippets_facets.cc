#include "query/facets.h"
#include "query/histogram.h"
#include "query/snippets.h"

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
    REQUIRE(r.values.size() == 30); // March 1 to 30, the empty days as zeros
    CHECK(r.values[0].value == "1987-03-01");
    CHECK(r.values[2].value == "1987-03-03");
    CHECK(r.values[2].count == 0);
    CHECK(r.values[29].count == 4);
    days["19871020"] = 5;
    r = date_histogram(days, "auto");
    CHECK(r.interval == "month");
    REQUIRE(r.values.size() == 8);
    CHECK(r.values[0].value == "1987-03");
    CHECK(r.values[0].count == 7);
    CHECK(r.values[1].value == "1987-04");
    CHECK(r.values[1].count == 0);
    CHECK(r.values[7].value == "1987-10");
    days["20200101"] = 1;
    r = date_histogram(days, "auto");
    CHECK(r.interval == "year");
    REQUIRE(r.values.size() == 34); // 1987 to 2020: 2020 is not drawn beside 1987
    CHECK(r.values[1].value == "1988");
    CHECK(r.values[1].count == 0);
    CHECK(r.values.back().value == "2020");
    r = date_histogram(days, "month");
    CHECK(r.values.size() == 12 * 33 + 1 - 2);
    CHECK(date_histogram({}, "auto").values.empty());
}

TEST_CASE("snippets: a long text is searched from a little before the first stem found")
{
    const std::string filler = "Prices rose in early trading on Tuesday. ";
    std::string text;
    while (text.size() < 3 * kSnippetScanBytes) text += filler;
    CHECK(snippet_window("short text", {"text"}) == "short text");
    // No query stem in the text: its beginning.
    std::string_view w = snippet_window(text, {"ukrain"});
    CHECK(w.size() == kSnippetScanBytes);
    CHECK(w.data() == text.data());
    // The stem appears (capitalised) only far in: the window holds it.
    std::string far = text + "Ukraine said the talks would resume. " + text;
    w = snippet_window(far, {"ukrain"});
    CHECK(w.size() == kSnippetScanBytes);
    CHECK(w.find("Ukraine said") != std::string_view::npos);
    CHECK(w.find("Ukraine said") <= 200);
    // A stem inside another word does not count: "rise" in "enterprise".
    std::string inside = text + "The enterprise grew. " + text + "Prices rise. " + text;
    w = snippet_window(inside, {"rise"});
    CHECK(w.find("enterprise") == std::string_view::npos);
    // The window never splits a UTF-8 sequence.
    std::string arabic;
    while (arabic.size() < 3 * kSnippetScanBytes) arabic += "النفط ";
    w = snippet_window(arabic, {"xyz"});
    CHECK((static_cast<unsigned char>(w.back()) & 0xc0) != 0xc0); // no dangling lead byte
    CHECK(w.size() >= kSnippetScanBytes);
}

TEST_CASE("histogram: the next bucket of each interval, across years and leap days")
{
    CHECK(next_bucket("1987") == "1988");
    CHECK(next_bucket("1987-12") == "1988-01");
    CHECK(next_bucket("1987-09") == "1987-10");
    CHECK(next_bucket("2016-02-28") == "2016-02-29");
    CHECK(next_bucket("2016-02-29") == "2016-03-01");
    CHECK(next_bucket("2016-12-31") == "2017-01-01");
    FacetResult one;
    one.values = {{"2016", 3}};
    fill_date_gaps(&one);
    CHECK(one.values.size() == 1);
}
