#include "common/codec.h"

#include <doctest/doctest.h>

using namespace morgue;

namespace {
Article full_article()
{
    Article a;
    a.id = "reuters21578-42";
    a.kind = "teaser";
    a.title = "Czech Republic blames China for cyberattacks";
    a.body = "PRAGUE (AP) — The Czech government… “responsible” \xD8\xA7\xD9\x84\n\nsecond paragraph";
    a.outlet = "Associated Press";
    a.wire = "AP";
    a.dateline = "Prague";
    a.section = "world";
    a.authors = {"Karel Janicek", "Sam McNeil"};
    a.date = -86400 * 365 * 30; // before 1970 must round-trip too
    a.date_approximate = true;
    a.url = "https://apnews.com/article/x";
    a.language = "ar";
    a.source_file = "sample_corpus/seeds/001.txt";
    a.source_line = 123456789012ULL;
    a.provenance = {{"dateline", "opening 'PRAGUE (AP) —'"}, {"outlet", "byline"}};
    a.raw = std::string("raw page\0with NUL", 17);
    return a;
}
} // namespace

TEST_CASE("codec: every field round-trips exactly")
{
    Article a = full_article();
    Article b;
    REQUIRE(decode_article(encode_article(a), &b).ok());
    CHECK(b == a);
    CHECK(b.raw.size() == 17);
}

TEST_CASE("codec: an empty article and one without a date round-trip")
{
    Article a, b;
    a.date.reset();
    REQUIRE(decode_article(encode_article(a), &b).ok());
    CHECK(b == a);
    CHECK_FALSE(b.date.has_value());
}

TEST_CASE("codec: large dates and the extremes of int64 round-trip")
{
    for (int64_t d : {int64_t{0}, int64_t{1}, int64_t{-1}, INT64_MAX, INT64_MIN}) {
        Article a, b;
        a.date = d;
        REQUIRE(decode_article(encode_article(a), &b).ok());
        CHECK(*b.date == d);
    }
}

TEST_CASE("codec: corrupt data is an error, never a crash")
{
    std::string good = encode_article(full_article());
    Article out;
    CHECK_FALSE(decode_article("", &out).ok());
    CHECK_FALSE(decode_article("\x02xyz", &out).ok());
    CHECK_FALSE(decode_article(good.substr(0, good.size() / 2), &out).ok());
    std::string plain = serialise_article(full_article());
    for (size_t cut = 0; cut < plain.size(); cut += 7)
        CHECK_FALSE(deserialise_article(plain.substr(0, cut), &out).ok());
}

TEST_CASE("codec: stored data is compressed")
{
    Article a;
    for (int i = 0; i < 200; ++i) a.body += "The ministry said the attack started in 2022. ";
    CHECK(encode_article(a).size() < a.body.size() / 4);
}
