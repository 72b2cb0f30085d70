#include "indexer/document_builder.h"
#include "common/folding_stem.h"
#include "query/query_builder.h"
#include "query/snippets.h"
#include "common/text_normalise.h"

#include <doctest/doctest.h>

using namespace morgue;

namespace {

// Articles indexed as morgue-index does, searched as morgue-query does.
struct Index {
    Xapian::WritableDatabase db{std::string(), Xapian::DB_BACKEND_INMEMORY};
    DocumentBuilder builder;
    Xapian::docid add(const std::string& language, const std::string& text)
    {
        Article a;
        a.id = std::to_string(db.get_doccount() + 1);
        a.title = "an article";
        a.body = text;
        a.language = language;
        return db.add_document(builder.build(a));
    }
    Xapian::MSet search(const std::string& query, BuiltQuery* bq)
    {
        REQUIRE(build_query(query, {}, bq).ok());
        Xapian::Enquire enquire(db);
        enquire.set_query(bq->query);
        return enquire.get_mset(0, 10);
    }
};

std::vector<std::string> query_terms(const BuiltQuery& bq)
{
    return {bq.query.get_terms_begin(), bq.query.get_terms_end()};
}

struct Case {
    const char* language; // of the stored article
    const char* stored;
    const char* query;
    bool match;
};

} // namespace

TEST_CASE("folding: which queries find which stored words")
{
    const Case cases[] = {
        {"en", "Foreign minister Jan Lipavský said", "Lipavsky", true},
        {"en", "Foreign minister Jan Lipavsky said", "Lipavský", true},
        {"en", "Foreign minister Jan Lipavsky said", "\"minister Jan Lipavský\"", true},
        {"fr", "les réformes du gouvernement", "reformes", true},
        {"fr", "les réformes du gouvernement", "lang:fr reformes", true},
        {"en", "a cafe\u0301 in Prague", "café", true},  // stored decomposed (NFD)
        {"en", "a café in Prague", "cafe\u0301", true},  // typed decomposed
        {"en", "a café in Prague", "cafe", true},
        {"en", "ﬁnance ministers", "finance", true},     // NFKD: the ligature
        {"el", "στην Αθήνα σήμερα", "Αθηνα", true},
        {"ru", "Ёлка у дома", "елка", true},
        {"ar", "ارتفاع أسعار النِّفْطِ", "النفط", true},   // tashkeel in the text
        {"ar", "ارتفاع أسعار النفط", "النِّفْط", true},    // tashkeel in the query
        {"ar", "ارتفاع أسعار النـــفط", "النفط", true},   // tatweel
        {"ar", "قال أحمد إن", "احمد", true},              // alef with hamza above
        {"ar", "قال احمد ان", "أحمد", true},
        {"ar", "إسلام آباد", "اسلام", true},               // alef with hamza below
        {"ar", "ٱلمدينة المنورة", "المدينه", true},        // alef wasla, ta marbuta
        {"ar", "في المستشفى", "المستشفي", true},           // alef maqsura
        {"ar", "lang:ar", "lang:ar النفط", false},         // a filter is no word
        {"en", "Foreign minister Jan Lipavský said", "Lipovsky", false},
        {"en", "a naïve plan", "nave", false},
        {"hi", "कुल मिलाकर", "कल", false},                 // a Devanagari vowel sign is no accent
        {"bg", "това е твой дом", "lang:bg твои", false},    // й is a letter of its own
        {"ar", "عين", "غين", false},
    };
    for (const Case& c : cases) {
        CAPTURE(std::string(c.query));
        CAPTURE(std::string(c.stored));
        Index index;
        index.add(c.language, c.stored);
        BuiltQuery bq;
        CHECK((index.search(c.query, &bq).size() == 1) == c.match);
    }
}

TEST_CASE("folding: lang: picks the query's stemmer")
{
    Index index;
    index.add("ar", "ارتفاع أسعار النفط");
    index.add("ar", "قال وزير النفط");
    BuiltQuery bq;
    CHECK(index.search("lang:ar النفط", &bq).size() == 2);
    CHECK(bq.stemmer_language == "arabic");
    CHECK(index.search("outlet:x OR النفط", &bq).size() == 2);
    CHECK(bq.stemmer_language == "arabic");
    CHECK(index.search("lang:fr reformes", &bq).size() == 0);
    CHECK(bq.stemmer_language == "french");
    index.search("reformes", &bq);
    CHECK(bq.stemmer_language == "english");
}

TEST_CASE("folding: snippets highlight the accented words of the original text")
{
    Index index;
    const std::string text = "Czech foreign minister Jan Lipavský told reporters in Prague.";
    index.add("en", text);
    for (const char* query : {"Lipavsky", "Lipavský", "Lipavsky\u0301"}) {
        CAPTURE(std::string(query));
        BuiltQuery bq;
        Xapian::MSet mset = index.search(query, &bq);
        REQUIRE(mset.size() == 1);
        Snippet s = make_snippet(mset, text, 200, folding_stemmer(bq.stemmer_language), query_terms(bq));
        CHECK(mark_highlights(s, "[", "]") == "Czech foreign minister Jan [Lipavský] told reporters in Prague.");
    }
    Index arabic;
    const std::string ar = "ارتفعت أسعار النِّفْط اليوم";
    arabic.add("ar", ar);
    BuiltQuery bq;
    Xapian::MSet mset = arabic.search("lang:ar النفط", &bq);
    REQUIRE(mset.size() == 1);
    Snippet s = make_snippet(mset, ar, 200, folding_stemmer(bq.stemmer_language), query_terms(bq));
    CHECK(mark_highlights(s, "[", "]") == "ارتفعت أسعار [النِّفْط] اليوم");
}

TEST_CASE("normalisation: NFC of stored text, search keys of words")
{
    CHECK(to_nfc("cafe\u0301") == "café");
    CHECK(to_nfc("café") == "café");
    CHECK(to_nfc("plain ascii") == "plain ascii");
    CHECK(fold_word("lipavský") == "lipavsky");
    CHECK(fold_word("ελλάδα") == "ελλαδα");
    CHECK(fold_word("ёлка") == "елка");
    CHECK(fold_word("мой") == "мой");
    CHECK(fold_word("أَحْمَد") == "احمد");
    CHECK(fold_word("ascii") == "ascii");
}
