#include "indexer/input_format.h"
#include "indexer/sources.h"

#include <doctest/doctest.h>

#include <string>

using namespace morgue;

TEST_CASE("input format: the name decides when it is clear")
{
    struct Case { const char* name; NamedFormat format; };
    const Case cases[] = {
        {"a.jsonl", NamedFormat::jsonl},       {"a.ndjson.zst", NamedFormat::jsonl},
        {"dir/a.jsonl.gz", NamedFormat::jsonl}, {"a.json", NamedFormat::json},
        {"a.json.gz", NamedFormat::json},       {"page.txt", NamedFormat::text_page},
        {"page.txt.zst", NamedFormat::text_page}, {"a.csv", NamedFormat::none},
        {"a.zst", NamedFormat::none},           {"-", NamedFormat::none},
        // One layer of compression, as the reader undoes one.
        {"a.jsonl.gz.zst", NamedFormat::none},
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        CHECK(format_by_name(c.name) == c.format);
    }
    // The directory walk takes what the reader knows, hidden files aside.
    CHECK(looks_like_article_file("a.jsonl.zst"));
    CHECK(looks_like_article_file("b.json"));
    CHECK_FALSE(looks_like_article_file(".hidden.jsonl"));
    CHECK_FALSE(looks_like_article_file("notes.md"));
}

TEST_CASE("input format: otherwise the content decides")
{
    struct Case { const char* path; std::string head; InputFormat format; };
    const Case cases[] = {
        {"a.jsonl", "not json at all\n", InputFormat::jsonl},            // the name is trusted
        {"a.txt", "{\"title\": \"x\"}\n", InputFormat::text_page},
        {"-", "{\"title\": \"x\"}\n{\"title\": \"y\"}\n", InputFormat::jsonl},
        {"a.json", "  {\"title\": \"x\"}\n", InputFormat::jsonl},        // one object on its first line
        {"a.json", "{\n  \"title\": \"x\"\n}\n", InputFormat::json_document},
        {"a.json", "{\"title\": \"x\"}", InputFormat::json_document},    // no newline: one document
        {"a.json", "[{\"title\": \"x\"}]\n", InputFormat::json_document},
        {"page", "Headline\n\nText.\n", InputFormat::text_page},
        {"blank.json", " \n\t", InputFormat::text_page},
    };
    for (const auto& c : cases) {
        CAPTURE(c.head);
        CHECK(detect_format(c.path, c.head) == c.format);
    }
}
