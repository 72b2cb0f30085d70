// Copy detection on the labelled pairs of tests/data/copy-pairs (real
// articles; see scripts/make-copy-pairs for how they were labelled).
#include "indexer/line_reader.h"
#include "common/minhash.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <map>
#include <sstream>

using namespace morgue;

TEST_CASE("minhash: identical and unrelated texts")
{
    auto a = copy_signature("The Czech government has identified China as being responsible for cyberattacks against a communication network");
    auto b = copy_signature("the CZECH government has identified China, as being 'responsible' for cyberattacks against a communication network!");
    auto c = copy_signature("Brazilian crude oil and liquefied natural gas production fell to an average of barrels per day in February");
    REQUIRE(a);
    REQUIRE(b);
    REQUIRE(c);
    CHECK(estimate_jaccard(*a, *b) == 1.0); // case and punctuation do not matter
    CHECK(estimate_jaccard(*a, *c) < 0.2);
    CHECK_FALSE(copy_signature("too short to say"));
    auto round = CopySignature::parse(a->serialise());
    REQUIRE(round);
    CHECK(round->minimums == a->minimums);
    CHECK(round->shingles == a->shingles);
    CHECK(band_keys(*a) == band_keys(*b));
    CHECK(band_keys(*a).size() == kBands);
}

TEST_CASE("minhash: precision >= 0.98 and recall >= 0.9 on the labelled pairs")
{
    const std::string dir = std::string(MORGUE_SOURCE_DIR) + "/tests/data/copy-pairs/";
    OpenedInput in;
    REQUIRE(open_input(dir + "texts.jsonl.zst", &in).ok());
    LineReader reader(*in.stream, 1 << 24);
    std::map<std::string, CopySignature> sigs;
    std::string line;
    LineReader::Result r;
    while (reader.next(&line, &r).ok() && r == LineReader::Result::line) {
        auto j = nlohmann::json::parse(line);
        auto s = copy_signature(j["text"].get<std::string>());
        REQUIRE(s);
        sigs[j["id"].get<std::string>()] = *s;
    }
    std::ifstream pairs(dir + "pairs.tsv");
    size_t tp = 0, fp = 0, fn = 0, tn = 0;
    while (std::getline(pairs, line)) {
        std::stringstream ss(line);
        std::string a, b, label;
        std::getline(ss, a, '\t');
        std::getline(ss, b, '\t');
        std::getline(ss, label, '\t');
        REQUIRE(sigs.count(a));
        REQUIRE(sigs.count(b));
        bool predicted = estimate_containment(sigs[a], sigs[b]) >= kDefaultCopyThreshold;
        bool copy = label == "copy";
        (predicted ? (copy ? tp : fp) : (copy ? fn : tn))++;
    }
    REQUIRE(tp + fp + fn + tn >= 200);
    double precision = static_cast<double>(tp) / (tp + fp), recall = static_cast<double>(tp) / (tp + fn);
    MESSAGE("pairs " << tp + fp + fn + tn << ": tp " << tp << " fp " << fp << " fn " << fn << " tn " << tn
                     << "; precision " << precision << " recall " << recall);
    CHECK(precision >= 0.98);
    CHECK(recall >= 0.9);
}
