// Copy detection on the labelled pairs of tests/data/copy-pairs (real
// articles; see scripts/make-copy-pairs for how they were labelled).
#include "indexer/line_reader.h"
#include "common/minhash.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <xapian.h>

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

namespace {
// The text's words as the signature defines them (runs of Xapian's word
// characters, lower-cased), one space apart: decoded here the plain way,
// one character at a time.
std::string words_of(const std::string& text)
{
    std::string out, word;
    auto flush = [&] {
        if (!word.empty()) out += (out.empty() ? "" : " ") + word;
        word.clear();
    };
    for (Xapian::Utf8Iterator it(text); it != Xapian::Utf8Iterator(); ++it) {
        if (Xapian::Unicode::is_wordchar(*it)) Xapian::Unicode::append_utf8(word, Xapian::Unicode::tolower(*it));
        else flush();
    }
    flush();
    return out;
}

void check_same_words_same_signature(const std::string& text)
{
    auto a = copy_signature(text), b = copy_signature(words_of(text));
    REQUIRE(a.has_value() == b.has_value());
    if (!a) return;
    CHECK(a->shingles == b->shingles);
    CHECK(a->minimums == b->minimums);
}
} // namespace

TEST_CASE("minhash: a text's signature is that of its lower-cased words")
{
    // Accents, capitals of other scripts, Arabic, digits and '_', invalid
    // UTF-8 (a byte standing for itself), punctuation without spaces.
    for (const std::string text : {"Ça ÉTÉ l'été: Überraschung für São Paulo, ΑΘΗΝΑ και Ελλάδα now",
                                   "\xE9t\xE9 caf\xC3 na\xEFve r\xE9sum\xE9 \xFF\xFE end of the line here",
                                   "السلام عليكم ورحمة الله وبركاته يا أهل المدينة", "snake_case x86_64 3.14 H2O 1,000 km"})
        check_same_words_same_signature(text);
    // Real articles: English, and Arabic from SaudiNewsNet.
    for (const char* name : {"allsides.jsonl", "saudinewsnet.jsonl.zst"}) {
        OpenedInput in;
        REQUIRE(open_input(std::string(MORGUE_SOURCE_DIR) + "/sample_corpus/" + name, &in).ok());
        LineReader reader(*in.stream, 1 << 24);
        std::string line;
        LineReader::Result r;
        int n = 0;
        while (reader.next(&line, &r).ok() && r != LineReader::Result::eof && n < 100) {
            auto j = nlohmann::json::parse(line, nullptr, false);
            for (const char* field : {"text", "title"})
                if (j.is_object() && j.contains(field) && j[field].is_string()) {
                    check_same_words_same_signature(j[field].get<std::string>());
                    ++n;
                }
        }
        CHECK(n > 50);
    }
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
