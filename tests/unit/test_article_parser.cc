#include "indexer/article_parser.h"
#include "common/dates.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace morgue;
using nlohmann::json;

TEST_CASE("parser: the shared corpora's field names")
{
    // A Reuters-21578 record as the normalised corpus holds it.
    json j = json::parse(R"({"id":"reuters21578-5","outlet":"Reuters","date":"1987-02-26T15:14:36.41",
        "dateline":"CHICAGO, Feb 26","authors":["Patti Domm"],"title":"CHAMPION PRODUCTS <CH> APPROVES STOCK SPLIT",
        "text":"  Champion Products Inc said ...  ","topics":["earn"]})");
    Article a;
    std::vector<std::string> w;
    REQUIRE(article_from_json(j, &a, &w).ok());
    CHECK(w.empty());
    CHECK(a.id == "reuters21578-5");
    CHECK(a.outlet == "Reuters");
    CHECK(format_datetime(*a.date) == "1987-02-26T15:14:36Z");
    CHECK(a.dateline == "CHICAGO, Feb 26");
    CHECK(a.authors == std::vector<std::string>{"Patti Domm"});
    CHECK(a.body == "Champion Products Inc said ...");
    CHECK(a.language == "en");
}

TEST_CASE("parser: news-please's field names")
{
    json j = json::parse(R"({"authors":["Jane Doe", null],"date_publish":"2017-09-15 09:52:00",
        "language":"de","maintext":"Body text","source_domain":"www.spiegel.de","title":"Titel",
        "url":"http://www.spiegel.de/a.html","text":null,"description":null})");
    Article a;
    std::vector<std::string> w;
    REQUIRE(article_from_json(j, &a, &w).ok());
    CHECK(a.body == "Body text");
    CHECK(a.outlet == "spiegel.de");
    CHECK(a.language == "de");
    CHECK(a.authors == std::vector<std::string>{"Jane Doe"});
    CHECK(format_date(*a.date) == "2017-09-15");
    CHECK(a.id.empty()); // the indexer falls back to the url
    CHECK(fallback_id(a) == "http://www.spiegel.de/a.html");
}

TEST_CASE("parser: bad fields are warnings, an empty record is an error")
{
    Article a;
    std::vector<std::string> w;
    REQUIRE(article_from_json(json::parse(R"({"title":"T","date":"05/06/2025","authors":[3]})"), &a, &w).ok());
    CHECK(w.size() == 2);
    CHECK_FALSE(a.date.has_value());
    CHECK_FALSE(article_from_json(json::parse(R"({"id":"x","title":"","text":""})"), &a, &w).ok());
    CHECK_FALSE(article_from_json(json::parse("[1,2]"), &a, &w).ok());
}

TEST_CASE("parser: text page headline and body")
{
    Article a;
    REQUIRE(article_from_text_page("\n\n  Headline here  \n\nFirst para.\nSecond.\n\n", &a).ok());
    CHECK(a.title == "Headline here");
    CHECK(a.body == "First para.\nSecond.");
    CHECK_FALSE(article_from_text_page(" \n\t\n", &a).ok());
}

TEST_CASE("parser: fallback ids are stable and tell pages apart")
{
    Article a;
    a.title = "Czech Republic blames China";
    a.source_file = "x/000.txt";
    Article b = a;
    b.source_file = "y/001.txt";
    CHECK(fallback_id(a) == fallback_id(a));
    CHECK(fallback_id(a) != fallback_id(b));
    CHECK(host_of("https://WWW.NYTimes.com/2017/a.html") == "nytimes.com");
    CHECK(host_of("www.rt.com") == "rt.com");
}

TEST_CASE("parser: language from the field, else detected from the text")
{
    Article a;
    std::vector<std::string> w;
    REQUIRE(article_from_json(json::parse(R"({"title":"وزير الخارجية يستقبل السفير","text":"قال المتحدث باسم الوزارة"})"), &a, &w).ok());
    CHECK(a.language == "ar");
    REQUIRE(article_from_json(json::parse(R"({"title":"Oil prices rise","text":"Crude rose"})"), &a, &w).ok());
    CHECK(a.language == "en");
    REQUIRE(article_from_json(json::parse(R"({"title":"Oil","text":"x","language":"de"})"), &a, &w).ok());
    CHECK(a.language == "de");
    REQUIRE(article_from_json(json::parse(R"({"title":"Нефть дорожает","text":"Цены на нефть выросли"})"), &a, &w).ok());
    CHECK(a.language == "ru");
    // Latin-script languages are told apart (the script alone said English).
    REQUIRE(article_from_json(json::parse(R"({"title":"Tschechien bestellt chinesischen Botschafter ein",
        "text":"Die tschechische Regierung hat China für einen Cyberangriff auf das Außenministerium verantwortlich gemacht. Der Angriff habe sich gegen ein nicht geheimes Kommunikationsnetz gerichtet, teilte das Ministerium am Mittwoch in Prag mit."})"), &a, &w).ok());
    CHECK(a.language == "de");
    REQUIRE(article_from_json(json::parse(R"({"title":"La République tchèque convoque l'ambassadeur de Chine",
        "text":"Le gouvernement tchèque a accusé la Chine d'être responsable d'une cyberattaque contre le ministère des Affaires étrangères, qui visait un réseau de communication non classifié, a indiqué mercredi le ministère à Prague."})"), &a, &w).ok());
    CHECK(a.language == "fr");
    // A decomposed é is stored composed.
    REQUIRE(article_from_json(json::parse("{\"title\":\"Cafe\u0301\",\"text\":\"cafe\u0301\",\"language\":\"fr\"}"), &a, &w).ok());
    CHECK(a.title == "Café");
    CHECK(a.body == "café");
}

TEST_CASE("parser: labels are one line, so no control character reaches the packed facets")
{
    // U+001E and U+001F separate the packed facet value's fields and list
    // items: left in an outlet they shifted the section into its place.
    json j = json::parse(R"({"title":"T","outlet":" Daily\u001eNews ","section":"world\n\tnews",
        "dateline":"PARIS\u001f","language":"fr\r","authors":["Jane\u001fDoe", " \u0007 "],
        "source_domain":"ignored.example"})");
    Article a;
    std::vector<std::string> w;
    REQUIRE(article_from_json(j, &a, &w).ok());
    CHECK(a.outlet == "Daily News");
    CHECK(a.section == "world news");
    CHECK(a.dateline == "PARIS");
    CHECK(a.language == "fr");
    CHECK(a.authors == std::vector<std::string>{"Jane Doe"});
    // Composed like the text: e + U+0301 is stored as é.
    REQUIRE(article_from_json(json::parse(R"({"title":"T","author":"Le\u0301a","outlet":"Le Monde"})"), &a, &w).ok());
    CHECK(a.authors == std::vector<std::string>{"L\u00e9a"});
}
