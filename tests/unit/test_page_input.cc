// A scraped page's articles as the indexing run writes them.
#include "indexer/article_parser.h"
#include "common/dates.h"
#include "indexer/page_input.h"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

using namespace morgue;

TEST_CASE("page input: the main story, then its teasers with ids derived from the page's")
{
    const std::string path = std::string(MORGUE_SOURCE_DIR) + "/sample_corpus/seeds/000_00b5048718a20154.txt";
    std::ifstream in(path);
    REQUIRE(in.good());
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    const int64_t crawl = *parse_iso_datetime("2025-06-01T12:00:00Z");
    std::vector<Article> articles;
    REQUIRE(page_articles(path, text, crawl, nullptr, &articles).ok());
    REQUIRE(articles.size() == 4); // the story and its three teasers
    const Article& main = articles[0];
    CHECK(main.kind != "teaser");
    CHECK(main.raw == text);
    CHECK(main.id == fallback_id(main));
    CHECK_FALSE(main.language.empty());
    for (size_t i = 1; i < articles.size(); ++i) {
        CAPTURE(i);
        CHECK(articles[i].kind == "teaser");
        CHECK(articles[i].id == main.id + "#teaser-" + std::to_string(i));
        CHECK(articles[i].language == main.language);
        CHECK(articles[i].source_file == path);
        CHECK(articles[i].raw.empty());
    }
}

TEST_CASE("page input: a page with no text is refused")
{
    std::string text = " \n\n \t\n";
    std::vector<Article> articles;
    CHECK_FALSE(page_articles("blank.txt", text, 0, nullptr, &articles).ok());
    CHECK(articles.empty());
}
