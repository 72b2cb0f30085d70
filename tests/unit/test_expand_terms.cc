// Related coverage's expansion terms without termlists (query/expand_terms.h):
// the weighting by hand, and the same choice as Xapian's get_eset on real
// articles (sample_corpus/ indexed by the real indexer).
#include "common/codec.h"
#include "common/database.h"
#include "indexer/index_run.h"
#include "query/expand_terms.h"
#include "query/related.h"

#include <doctest/doctest.h>
#include <xapian.h>

#include <cmath>
#include <filesystem>
#include <unistd.h>

using namespace morgue;
namespace fs = std::filesystem;

TEST_CASE("expand terms: TradEWeight of a term of the one relevant document")
{
    ExpandCollection c{1000, 50.0, 100};
    // multiplier 2 * 2 / (100 / 50 + 2) = 1; log(1.5 * 990.5 / (9.5 * 0.5)).
    CHECK(trad_expand_weight({"oil", 2, 10}, c) == doctest::Approx(std::log(1485.75 / 4.75)));
    // A wdf of 0 (a boolean term) counts as 1: 2 * 1 / (2 + 1).
    CHECK(trad_expand_weight({"XOap", 0, 10}, c) == doctest::Approx(2.0 / 3 * std::log(1485.75 / 4.75)));
    // A rarer term weighs more, a longer document less.
    CHECK(trad_expand_weight({"oil", 2, 5}, c) > trad_expand_weight({"oil", 2, 10}, c));
    CHECK(trad_expand_weight({"oil", 2, 10}, {1000, 50.0, 400}) < trad_expand_weight({"oil", 2, 10}, c));
    // A term in (nearly) every document says nothing.
    CHECK(trad_expand_weight({"the", 9, 1000}, c) == 0.0);
    CHECK(trad_expand_weight({"the", 9, 999}, c) == 0.0);
}

TEST_CASE("expand terms: best first, at most the number asked for, ties as Xapian breaks them")
{
    ExpandCollection c{1000, 50.0, 100};
    std::vector<ExpandCandidate> terms{{"a", 1, 7}, {"b", 1, 7}, {"c", 1, 7}, {"d", 5, 7}, {"the", 3, 1000}};
    CHECK(top_expand_terms(terms, c, 10) == std::vector<std::string>{"d", "c", "b", "a"});
    // Equal weights at the cut: Xapian's heap drops the lexically smallest.
    CHECK(top_expand_terms(terms, c, 3) == std::vector<std::string>{"d", "c", "b"});
    CHECK(top_expand_terms(terms, c, 1) == std::vector<std::string>{"d"});
    CHECK(top_expand_terms(terms, c, 0).empty());
    CHECK(top_expand_terms({}, c, 5).empty());
}

TEST_CASE("expand terms: the same terms as get_eset on the articles of sample_corpus")
{
    const fs::path dir = fs::temp_directory_path() / ("morgue-expand-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    IndexOptions o;
    o.db = (dir / "db").string();
    o.sources = {std::string(MORGUE_SOURCE_DIR) + "/sample_corpus"};
    o.quiet = true;
    IndexSummary summary;
    Status s = run_index(o, &summary);
    INFO(s.message());
    REQUIRE(s.ok());
    REQUIRE(summary.added > 500);

    std::unique_ptr<Xapian::Database> db;
    REQUIRE(open_readable(o.db, &db).ok());
    // get_eset's choice, with related coverage's filter of terms.
    struct StemsOnly : Xapian::ExpandDecider {
        bool operator()(const std::string& t) const override
        {
            return is_expansion_stem(t);
        }
    } decider;
    size_t compared = 0, with_ties = 0;
    for (auto p = db->postlist_begin(""); p != db->postlist_end(""); ++p) {
        Xapian::Document doc = db->get_document(*p);
        Article a;
        REQUIRE(read_article(doc, &a).ok());
        Xapian::RSet rset;
        rset.add_document(*p);
        Xapian::ESet eset = Xapian::Enquire(*db).get_eset(25, rset, &decider);
        std::vector<std::string> expected;
        for (auto t = eset.begin(); t != eset.end(); ++t) expected.push_back(*t);
        if (eset.size() > 1 && eset.back().get_weight() == eset[eset.size() - 2].get_weight()) ++with_ties;
        INFO("article " << a.id);
        CHECK(expansion_terms(*db, *p, a) == expected);
        ++compared;
    }
    CHECK(compared == summary.added);
    CHECK(with_ties > 10); // the tie-breaking was exercised
    fs::remove_all(dir);
}
