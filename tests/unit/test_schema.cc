#include "common/schema.h"

#include <doctest/doctest.h>

#include <set>

using namespace morgue;

TEST_CASE("schema: filter values are case- and space-folded")
{
    CHECK(schema::normalise_value("AP") == "ap");
    CHECK(schema::normalise_value("  South   China\tMorning Post ") == "south china morning post");
    CHECK(schema::normalise_value("PRAGUE") == schema::normalise_value("Prague"));
    CHECK(schema::normalise_value("ÉCONOMIE") == "économie");
    CHECK(schema::normalise_value("\"Cortney OBrien\"") == "cortney obrien");
    CHECK(schema::normalise_value("الرياض") == "الرياض");
    CHECK(schema::filter_term(schema::prefix::outlet, "AP") == "XOap");
    CHECK(schema::filter_term(schema::prefix::outlet, "  ") == "");
}

TEST_CASE("schema: long ids and values are hashed under the term limit")
{
    std::string long_url = "https://example.com/" + std::string(400, 'x');
    std::string t = schema::id_term(long_url);
    CHECK(t.size() <= 245);
    CHECK(t.substr(0, 2) == "Q#");
    CHECK(t == schema::id_term(long_url)); // stable
    CHECK(schema::id_term(long_url + "y") != t);
    CHECK(schema::id_term("bbc-news-tech-001") == "Qbbc-news-tech-001");
    CHECK(schema::filter_term(schema::prefix::author, std::string(300, 'a')).size() <= 245);
}

TEST_CASE("schema: prefixes and field names are unique")
{
    std::set<std::string> names, prefixes;
    for (const auto& f : schema::fields()) {
        CHECK(names.insert(f.name).second);
        CHECK(prefixes.insert(f.prefix).second);
    }
    CHECK(schema::find_field("outlet") != nullptr);
    CHECK(schema::find_field("nonsense") == nullptr);
}

TEST_CASE("schema: stemmers by ISO 639-1 code")
{
    CHECK(schema::stemmer_name("en") == "english");
    CHECK(schema::stemmer_name("AR") == "arabic");
    CHECK(schema::stemmer_name("en-US") == "english");
    CHECK(schema::stemmer_name("de") == "german");
    CHECK(schema::stemmer_name("zh") == "");
    for (const auto& code : {"en", "ar", "de", "fr", "es", "ru"})
        CHECK_NOTHROW(Xapian::Stem(schema::stemmer_name(code)));
}
