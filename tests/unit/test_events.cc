// Event grouping's pure pieces: term weighting and similarity, the packed
// facet value's event field, and related coverage spread across outlets.
#include "indexer/event_clusterer.h"
#include "indexer/event_similarity.h"
#include "indexer/event_terms.h"
#include "common/folding_stem.h"
#include "query/related.h"
#include "common/schema.h"

#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

using namespace morgue;

TEST_CASE("inverse document frequency: rare stems weigh more, a stem in every document nothing")
{
    CHECK(inverse_document_frequency(1000, 1) > inverse_document_frequency(1000, 100));
    CHECK(inverse_document_frequency(1000, 1000) == doctest::Approx(0).epsilon(0.01));
    CHECK(inverse_document_frequency(10, 50) == 0); // never negative
}

TEST_CASE("distinctive terms: the heaviest by tf * idf, sorted by term")
{
    std::vector<float> idf = {0.1f, 2.0f, 1.0f, 3.0f};
    TermVector all = {{3, 1.0f}, {0, 5.0f}, {1, 1.0f}, {2, 1.5f}};
    TermVector top = distinctive_terms(all, idf, 2);
    REQUIRE(top.size() == 2);
    CHECK(top[0].term == 1); // weight 2.0
    CHECK(top[1].term == 3); // weight 3.0; term 0 (0.5) and 2 (1.5) are lighter
    CHECK(distinctive_terms(all, idf, 10).size() == 4);
}

TEST_CASE("event similarity is a cosine of tf-idf weights")
{
    std::vector<float> idf = {1.0f, 1.0f, 1.0f, 0.0f};
    TermVector a = {{0, 1.0f}, {1, 1.0f}};
    CHECK(event_similarity(a, a, idf) == doctest::Approx(1.0));
    TermVector b = {{1, 1.0f}, {2, 1.0f}};
    CHECK(event_similarity(a, b, idf) == doctest::Approx(0.5));
    TermVector c = {{2, 1.0f}};
    CHECK(event_similarity(a, c, idf) == 0);
    // A shared stem that every document has adds nothing.
    TermVector d = {{0, 1.0f}, {3, 4.0f}};
    TermVector e = {{1, 1.0f}, {3, 4.0f}};
    CHECK(event_similarity(d, e, idf) == 0);
    CHECK(event_similarity({}, a, idf) == 0);
}

TEST_CASE("time decay: a week in full, then half every two weeks")
{
    CHECK(time_decay(0) == 1);
    CHECK(time_decay(7) == 1);
    CHECK(time_decay(-7) == 1); // earlier or later alike
    CHECK(time_decay(21) == doctest::Approx(0.5));
    CHECK(time_decay(35) == doctest::Approx(0.25));
    CHECK(time_decay(10) < 1);
}

TEST_CASE("time weight: the decay of the days apart when both are dated, less than a week's when either is not")
{
    const std::optional<int64_t> day0 = int64_t{1'700'000'000}, day21 = *day0 + 21 * 86400, none;
    CHECK(time_weight(day0, day0) == 1);
    CHECK(time_weight(day0, day21) == doctest::Approx(0.5));
    CHECK(time_weight(day21, day0) == doctest::Approx(0.5));
    CHECK(time_weight(day0, none) == kUndatedWeight);
    CHECK(time_weight(none, day0) == kUndatedWeight);
    CHECK(time_weight(none, none) == kUndatedWeight);
    CHECK(kUndatedWeight < time_decay(7)); // an unknown date never counts as the same week
}

TEST_CASE("event choice: the most similar event, and the closest other one as its rival")
{
    EventChoice c;
    CHECK_FALSE(c.joins(0.26)); // nothing offered: a new event
    c.offer(0.1, "a");
    c.offer(0.3, "b"); // the old best becomes the rival
    c.offer(0.2, "b"); // the same event again changes nothing
    c.offer(0.05, "c");
    CHECK(c.event == "b");
    CHECK(c.similarity == doctest::Approx(0.3));
    CHECK(c.rival == doctest::Approx(0.1));
    c.offer(0.4, "b");
    c.offer(0.15, "a");
    CHECK(c.similarity == doctest::Approx(0.4));
    CHECK(c.rival == doctest::Approx(0.15));
}

TEST_CASE("event choice joins at the threshold, or below it when no other event comes close")
{
    struct Row {
        double best, rival;
        bool joins;
    };
    for (const Row& r : std::vector<Row>{
             {0.30, 0.29, true},  // at the threshold, whatever the rival
             {0.20, 0.05, true},  // second chance: two thirds of it, 4 times the rival
             {0.20, 0.10, false}, // a rival too close
             {0.15, 0.00, false}, // below two thirds of the threshold
         }) {
        EventChoice c;
        c.offer(r.rival, "other");
        c.offer(r.best, "e");
        CAPTURE(r.best);
        CAPTURE(r.rival);
        CHECK(c.joins(0.26) == r.joins);
    }
}

TEST_CASE("capitalised words: names inside sentences, not sentence openings")
{
    using V = std::vector<std::string>;
    CHECK(capitalised_words("Police said Stephen Paddock fired from the Mandalay Bay hotel. Officers found him.") ==
          V{"Stephen", "Paddock", "Mandalay", "Bay"});
    CHECK(capitalised_words("Asked why: \"Nobody knows,\" said O'Brien\nThe end") == V{"O'Brien"});
    CHECK(capitalised_words("in Zürich and São Paulo") == V{"Zürich", "São", "Paulo"});
    CHECK(capitalised_words("النفط في الرياض").empty()); // no case, no names
    CHECK(capitalised_words("").empty());
}

TEST_CASE("name stems: the headline's and text's names, stemmed as indexed, once each")
{
    Article a;
    a.title = "Talks in Geneva";
    a.body = "Delegates met in Geneva on Monday. Talks resumed as Geneva Talks Resumed.";
    Xapian::Stem stem = folding_stemmer("english");
    // "Talks" opens the headline and "Delegates" the text: sentence openings, not names.
    CHECK(name_stems(a, stem) == std::vector<std::string>{"geneva", "monday", "resum", "talk"});
}

TEST_CASE("event terms: a document's free-text stems with 1 + ln(wdf) and their name flags, in term order")
{
    Xapian::Document doc;
    doc.add_term("geneva", 3);
    doc.add_term("talk");
    doc.add_term("monday", 0);
    doc.add_boolean_term("XOap");    // prefixed: not free text
    doc.add_term("Ztalk", 2);        // a stemmed term's prefix: not free text either
    doc.add_term("a-rather-long-stem-that-is-not-inline");
    EventTerms e = event_terms(doc, {"geneva", "resum"});
    REQUIRE(e.terms.size() == 4);
    const std::vector<std::string> stems = {"a-rather-long-stem-that-is-not-inline", "geneva", "monday", "talk"};
    for (size_t i = 0; i < stems.size(); ++i) {
        CAPTURE(i);
        CHECK(e.stem(i) == stems[i]);
        CHECK(e.terms[i].hash == hash128(stems[i]));
        CHECK(e.terms[i].name == (stems[i] == "geneva"));
    }
    CHECK(e.terms[1].tf == doctest::Approx(1 + std::log(3.0)));
    CHECK(e.terms[2].tf == 1); // wdf 0 weighs as 1
    CHECK(e.terms[3].tf == 1);
    CHECK(event_terms(Xapian::Document(), {"geneva"}).terms.empty());
}

TEST_CASE("stem ids: one number a stem, stems sharing a hash's low half told apart")
{
    StemIds ids;
    bool fresh = false;
    CHECK(ids.find_or_add(Hash128{7, 1}, "a", 0, &fresh) == 0);
    CHECK(fresh);
    CHECK(ids.find_or_add(Hash128{7, 1}, "a", 1, &fresh) == 0);
    CHECK_FALSE(fresh);
    // "b" has a's low half, not its high one: a number of its own, found again by its text.
    CHECK(ids.find_or_add(Hash128{8, 1}, "b", 1, &fresh) == 1);
    CHECK(fresh);
    CHECK(ids.find_or_add(Hash128{8, 1}, "b", 2, &fresh) == 1);
    CHECK_FALSE(fresh);
    CHECK(ids.find_or_add(Hash128{7, 1}, "a", 2, &fresh) == 0);
    CHECK_FALSE(fresh);
    CHECK(ids.find_or_add(hash128("c"), "c", 2, &fresh) == 2);
    CHECK(fresh);
}

TEST_CASE("with_facet sets one field of the packed facet value")
{
    using namespace schema;
    std::string packed;
    for (int f = 0; f < facet_field_count; ++f) packed += std::string(f ? 1 : 0, kFieldSeparator) + "v" + std::to_string(f);
    std::string changed = with_facet(packed, facet_event, "e1");
    std::string_view fields[facet_field_count];
    split_facets(changed, fields);
    for (int f = 0; f < facet_field_count; ++f)
        CHECK(fields[f] == (f == facet_event ? std::string("e1") : "v" + std::to_string(f)));
    // A value built without the trailing fields gets them.
    const std::string short_one = with_facet("AP", facet_cluster, "c");
    split_facets(short_one, fields);
    CHECK(fields[facet_outlet] == "AP");
    CHECK(fields[facet_event].empty());
    CHECK(fields[facet_cluster] == "c");
}

TEST_CASE("related coverage keeps at most per_outlet reports of an outlet, in rank order")
{
    std::vector<std::string> outlets = {"AP", "AP", "AP", "DW", "", "", "AFP", "DW"};
    CHECK(spread_by_outlet(outlets, 1, 10) == std::vector<size_t>{0, 3, 4, 5, 6});
    CHECK(spread_by_outlet(outlets, 2, 10) == std::vector<size_t>{0, 1, 3, 4, 5, 6, 7});
    CHECK(spread_by_outlet(outlets, 2, 3) == std::vector<size_t>{0, 1, 3});
    CHECK(spread_by_outlet({}, 2, 3).empty());
}
