// Extraction on the real seed pages, field by field.
#include "indexer/dateline.h"
#include "common/dates.h"
#include "indexer/page_extract.h"
#include "common/wire.h"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

using namespace morgue;

namespace {
std::string seed(const char* name)
{
    std::ifstream in(std::string(MORGUE_SOURCE_DIR) + "/sample_corpus/seeds/" + name);
    REQUIRE(in.good());
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}
const int64_t kCrawl = *parse_iso_datetime("2025-06-01T12:00:00Z");

std::string provenance(const Article& a, const std::string& field)
{
    for (const auto& [k, v] : a.provenance)
        if (k == field) return v;
    return {};
}

bool body_has_furniture(const Article& a)
{
    for (const char* f : {"Try Our AI Features", "Explore what Daily8 AI", "No comments yet", "Related Articles",
                          "DOWNLOAD THE APP", "Download the App", "Updated 55 minutes ago", "(AP Photo/"})
        if (a.body.find(f) != std::string::npos || a.title.find(f) != std::string::npos) return true;
    return a.body.find("\nComments\n") != std::string::npos;
}
} // namespace

TEST_CASE("extract: 000 — AP story on an aggregator, with teasers")
{
    ExtractedPage p = extract_page(seed("000_00b5048718a20154.txt"), kCrawl, nullptr);
    CHECK(p.main.title == "Czech Republic blames China for cyberattacks against its foreign ministry communication network");
    CHECK(p.main.wire == "AP");
    CHECK(p.main.dateline == "Prague");
    CHECK(p.main.outlet == "Daily8");
    CHECK_FALSE(body_has_furniture(p.main));
    CHECK(p.main.body.find("Georgia") == std::string::npos); // no teaser text in the article
    REQUIRE(p.teasers.size() == 3);
    const char* outlets[] = {"Yahoo", "Miami Herald", "Bloomberg"};
    for (size_t i = 0; i < 3; ++i) {
        CHECK(p.teasers[i].kind == "teaser");
        CHECK(p.teasers[i].outlet == outlets[i]);
    }
    CHECK(p.teasers[0].title == "EU condemns Georgia's foreign agents law as threat to democracy");
    CHECK(p.teasers[1].title == "Feds arrest 36 Chinese, Taiwanese citizens in SoCal underground nightclub raid");
    CHECK(p.teasers[1].body.rfind("LOS ANGELES - Federal agents raided", 0) == 0);
    CHECK(format_datetime(*p.teasers[0].date) == "2025-06-01T11:00:00Z"); // "an hour ago"
    CHECK(p.teasers[0].date_approximate);
}

TEST_CASE("extract: 001 — the AP original, byline and relative date")
{
    ExtractedPage p = extract_page(seed("001_c5f4d1deef998ccc.txt"), kCrawl, nullptr);
    CHECK(p.main.outlet == "Associated Press");
    CHECK(p.main.wire == "AP");
    CHECK(p.main.dateline == "Prague");
    CHECK(p.main.authors == std::vector<std::string>{"Karel Janicek"});
    CHECK(provenance(p.main, "outlet") == "byline");
    CHECK(format_datetime(*p.main.date) == "2025-06-01T11:05:00Z"); // "Updated 55 minutes ago"
    CHECK(p.main.date_approximate);
    CHECK_FALSE(body_has_furniture(p.main));
    CHECK(p.main.body.find("Evgeniy Maloletka") == std::string::npos); // caption printed twice: gone
    CHECK(p.teasers.empty());
}

TEST_CASE("extract: 002 — DW masthead, editor, teasers with their own outlets")
{
    ExtractedPage p = extract_page(seed("002_fb80ee87445bb8cf.txt"), kCrawl, nullptr);
    CHECK(p.main.title == "Czech Republic summons Chinese ambassador over cyber attacks");
    CHECK(p.main.outlet == "DW");
    CHECK(p.main.wire == "DW");
    CHECK(format_date(*p.main.date) == "2025-05-28");
    CHECK_FALSE(p.main.date_approximate);
    CHECK(provenance(p.main, "editor") == "Zac Crellin");
    CHECK_FALSE(body_has_furniture(p.main));
    CHECK(p.main.body.find("logo") == std::string::npos);
    REQUIRE(p.teasers.size() == 3);
    CHECK(p.teasers[0].title == "Bulgarian nationalists march against euro currency adoption");
    CHECK(p.teasers[0].outlet == "DW");
    CHECK(format_date(*p.teasers[0].date) == "2025-05-31");
    CHECK(p.teasers[2].outlet == "Int'l Business Times");
    CHECK(p.teasers[2].body.find("DOWNLOAD THE APP") == std::string::npos);
    CHECK(p.main.body.find("Bulgarian") == std::string::npos);
}

TEST_CASE("extract: 003 and 004 — other outlets' own stories")
{
    ExtractedPage p3 = extract_page(seed("003_e246ace5f4723135.txt"), kCrawl, nullptr);
    CHECK(p3.main.title == "Czech foreign minister summons Chinese ambassador over cyberattack");
    CHECK_FALSE(body_has_furniture(p3.main));
    REQUIRE(p3.teasers.size() == 3);
    CHECK(p3.teasers[0].outlet == "South China Morning Post");
    CHECK(p3.main.body.find("Hegseth") == std::string::npos);

    ExtractedPage p4 = extract_page(seed("004_3ccde37a0bc374bf.txt"), kCrawl, nullptr);
    CHECK(p4.main.title == "Czech Authorities Blame Chinese Hacking Group for Foreign Ministry Breach");
    CHECK(format_date(*p4.main.date) == "2025-05-28"); // "on May 28", year from the crawl
    CHECK(p4.main.date_approximate);
    CHECK_FALSE(body_has_furniture(p4.main));
    CHECK(p4.main.body.find("3/25/2024") == std::string::npos); // inline related box
    CHECK(p4.main.body.find("Hegseth") == std::string::npos);
    REQUIRE(p4.teasers.size() == 3);
    CHECK(p4.teasers[0].title == "Hegseth to skip Ukraine meeting at NATO headquarters");
}

TEST_CASE("extract: recurring short lines are furniture")
{
    FurnitureModel m;
    for (int i = 0; i < 3; ++i) m.add_page("Headline " + std::to_string(i) + "\nSubscribe to our newsletter\nBody text\n");
    CHECK(m.is_furniture("Subscribe to our newsletter"));
    CHECK(m.is_furniture("subscribe  to our NEWSLETTER"));
    CHECK_FALSE(m.is_furniture("Headline 1"));
    FurnitureModel two;
    for (int i = 0; i < 2; ++i) two.add_page("Subscribe to our newsletter\n");
    CHECK_FALSE(two.is_furniture("Subscribe to our newsletter"));
}

TEST_CASE("datelines: openings and feed fields become places")
{
    struct Case { const char* text; const char* place; const char* wire; int month, day; };
    const Case cases[] = {
        {"PRAGUE (AP) — The Czech government", "Prague", "AP", 0, 0},
        {"SALVADOR, Feb 26 - Brazil's", "Salvador", "", 2, 26},
        {"NEW YORK, Feb 26 - Champion", "New York", "", 2, 26},
        {"PORTLAND, Ore., Feb 26 - Brown", "Portland", "", 2, 26},
        {"RIO DE JANEIRO, March 26 - Brazilian", "Rio de Janeiro", "", 3, 26},
        {"WASHINGTON (Reuters) -U.S. federal", "Washington", "Reuters", 0, 0},
        {"BEIJING -- China said", "Beijing", "", 0, 0},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        auto d = parse_dateline_opening(c.text);
        REQUIRE(d.has_value());
        CHECK(d->place == c.place);
        CHECK(d->wire == c.wire);
        CHECK(d->month == c.month);
        CHECK(d->day == c.day);
    }
    for (const char* no : {"The Czech government said", "NATO and the European Union condemned", "U.S. officials said"})
        CHECK_FALSE(parse_dateline_opening(no).has_value());
    CHECK(normalise_dateline("NEW YORK, Feb 26") == "New York");
    CHECK(normalise_dateline("PORTLAND, Ore., Feb 26") == "Portland");
    CHECK(normalise_dateline("Prague") == "Prague");
    CHECK(wire_of("Associated Press") == "AP");
    CHECK(wire_of("Yahoo") == "");
}

TEST_CASE("extract: long lines and odd counts are read, not crashed on")
{
    // One 51 kB line overflowed std::regex's stack; RE2 takes it in stride.
    std::string words;
    for (int i = 0; i < 3000; ++i) words += "alpha beta gamma ";
    for (const std::string& line : {words, "Title - " + words + " - 05/28/2025", "By " + words, "- " + words}) {
        ExtractedPage p = extract_page("Title\n" + line + "\n", kCrawl, nullptr);
        CHECK(p.main.title == "Title");
        CHECK(p.main.body.size() >= words.size() - 1);
    }
    // Site furniture however long: dropped.
    ExtractedPage f = extract_page("Title\nExplore what " + words + " AI can do for you\n", kCrawl, nullptr);
    CHECK(f.main.title == "Title");
    CHECK(f.main.body.empty());
    CHECK_FALSE(parse_dateline_opening(words).has_value());

    // "An hour ago" (capital A) and a 20-digit count threw from std::stoll.
    ExtractedPage p = extract_page("Story\nAn hour ago\nText.\n", kCrawl, nullptr);
    REQUIRE(p.main.date.has_value());
    CHECK(*p.main.date == kCrawl - 3600);
    p = extract_page("Story\n99999999999999999999 days ago\nText.\n", kCrawl, nullptr);
    CHECK(p.main.title == "Story");
}
