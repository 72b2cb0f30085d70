#include "indexer/record_preparer.h"

#include <doctest/doctest.h>

using namespace morgue;

TEST_CASE("record preparer: a bad record is one error, never an exception")
{
    DocumentBuilder builder;
    PrepareOptions options;
    const std::string nul("{\"title\":\"a\0b\"}", 15);
    for (std::string line : {std::string(R"({"title":"t","text":"x","n":1e400})"),
                             std::string(R"({"title":"t","text":"x","n":-1e309})"), nul,
                             std::string(R"({"title":"t", )"), std::string("[1e999]")}) {
        PreparedRecord r;
        REQUIRE_NOTHROW(r = prepare_json_record("f.jsonl", 7, line, {}, options, builder));
        CHECK(r.failed == 1);
        CHECK(r.articles.empty());
        REQUIRE(r.messages.size() == 1);
        CHECK(r.messages[0].line == 7);
        CHECK(std::string(r.messages[0].level) == "error");
    }
    std::string good = R"({"title":"t","text":"x","n":1e300})";
    PreparedRecord r = prepare_json_record("f.jsonl", 8, good, {}, options, builder);
    CHECK(r.failed == 0);
    CHECK(r.articles.size() == 1);
}
