#include "common/codec.h"

#include "common/article_dictionary.h"

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

namespace {
// Serialised articles unlike one another in detail but alike in shape, as
// an archive's are: enough for the trainer's minimums.
std::vector<std::string> training_samples(const std::string& topic)
{
    std::vector<std::string> out;
    for (int i = 0; i < 400; ++i) {
        Article a = full_article();
        a.id = topic + "-" + std::to_string(i);
        a.title = topic + " report number " + std::to_string(i * 7919 % 1000);
        a.body.clear();
        for (int j = 0; j < 8; ++j)
            a.body += "The " + topic + " ministry said on day " + std::to_string((i + j) % 31) +
                      " that talks would resume in " + std::to_string(1990 + (i * j) % 30) + ". ";
        out.push_back(serialise_article(a));
    }
    return out;
}

std::shared_ptr<const ArticleDictionary> trained(const std::string& topic)
{
    std::string bytes;
    REQUIRE(train_article_dictionary(training_samples(topic), &bytes).ok());
    REQUIRE_FALSE(bytes.empty());
    std::shared_ptr<const ArticleDictionary> dict;
    REQUIRE(ArticleDictionary::make(bytes, &dict).ok());
    return dict;
}
} // namespace

TEST_CASE("codec: with a remembered dictionary every field round-trips, in fewer bytes")
{
    auto dict = trained("trade");
    REQUIRE(remember_dictionary(dict).ok());
    Article a = full_article(), b;
    a.body = "The trade ministry said on day 3 that talks would resume in 1994.";
    std::string with = encode_article(a, dict.get());
    CHECK(with[0] == '\x02');
    REQUIRE(decode_article(with, &b).ok());
    CHECK(b == a);
    CHECK(with.size() < encode_article(a).size());
    // An article stored without one still reads.
    REQUIRE(decode_article(encode_article(a), &b).ok());
    CHECK(b == a);
}

TEST_CASE("codec: an article whose dictionary is not known is a clear error")
{
    auto dict = trained("weather"); // never remembered
    std::string data = encode_article(full_article(), dict.get());
    Article out;
    Status s = decode_article(data, &out);
    REQUIRE_FALSE(s.ok());
    CHECK(s.message().find("needs zstd dictionary " + std::to_string(dict->id())) != std::string::npos);
    CHECK(s.message().find("morgue.article_dictionary") != std::string::npos);
}

TEST_CASE("codec: a dictionary that is not one, or is damaged, is refused when loaded")
{
    std::shared_ptr<const ArticleDictionary> dict;
    Status s = ArticleDictionary::make("not a dictionary", &dict);
    CHECK_FALSE(s.ok());
    CHECK(s.message().find("not a zstd dictionary") != std::string::npos);
    CHECK_FALSE(ArticleDictionary::make("", &dict).ok());
    // zstd's magic number and an id, then garbage where its tables belong.
    std::string bytes = trained("sport")->bytes();
    for (size_t i = 8; i < 200; ++i) bytes[i] = static_cast<char>(0xff);
    s = ArticleDictionary::make(bytes, &dict);
    CHECK_FALSE(s.ok());
    CHECK(s.message().find("is corrupt") != std::string::npos);
}

TEST_CASE("codec: two different dictionaries with one id are refused, the same one twice is not")
{
    auto dict = trained("finance");
    REQUIRE(remember_dictionary(dict).ok());
    std::shared_ptr<const ArticleDictionary> again;
    REQUIRE(ArticleDictionary::make(dict->bytes(), &again).ok());
    CHECK(remember_dictionary(again).ok());
    // The same header (and id), other content.
    std::string other = dict->bytes();
    other.back() = static_cast<char>(other.back() ^ 1);
    std::shared_ptr<const ArticleDictionary> twin;
    REQUIRE(ArticleDictionary::make(other, &twin).ok());
    CHECK(twin->id() == dict->id());
    Status s = remember_dictionary(twin);
    CHECK_FALSE(s.ok());
    CHECK(s.message().find("have the id") != std::string::npos);
}

TEST_CASE("codec: too few samples train no dictionary, and no error")
{
    std::vector<std::string> few = training_samples("few");
    few.resize(kDictionaryMinSamples - 1);
    std::string bytes = "left over";
    REQUIRE(train_article_dictionary(few, &bytes).ok());
    CHECK(bytes.empty());
}
