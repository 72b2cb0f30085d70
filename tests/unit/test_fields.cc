// The field table (schema::fields()) and the packed facet value it fills:
// the round trip of pack, set one field and split; the indexer's filter
// terms; aliases meaning the same field wherever a name is typed; and the
// help and docs naming every field the table has.
#include "query/api.h"
#include "indexer/document_builder.h"
#include "query/facets.h"
#include "query/field_help.h"
#include "query/query_builder.h"
#include "common/schema.h"

#include <doctest/doctest.h>

#include <fstream>
#include <set>
#include <sstream>

using namespace morgue;

namespace {
Article sample_article()
{
    Article a;
    a.id = "ap-1";
    a.title = "Storm hits Prague";
    a.body = "A storm hit Prague on Monday.";
    a.outlet = "Associated Press";
    a.section = "World";
    a.dateline = "Prague";
    a.authors = {"Karel Janicek", "Jane Doe"};
    a.language = "cs";
    a.wire = "AP";
    a.kind = "article";
    a.date = 1748390400; // 2025-05-28T00:00:00Z
    a.url = "https://www.Example.com/storm";
    a.source_file = "feed.jsonl";
    return a;
}

std::string describe(const std::string& q, const QueryOptions& opts = {})
{
    BuiltQuery b;
    Status s = build_query(q, opts, &b);
    return s.ok() ? b.query.get_description() : "ERROR: " + s.message();
}

std::string read_doc(const char* name)
{
    std::ifstream in(std::string(MORGUE_SOURCE_DIR) + "/docs/" + name);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}
} // namespace

TEST_CASE("packed facets: pack, set one field and split round-trip")
{
    using namespace schema;
    const Article a = sample_article();
    const std::string packed = pack_facets(a);
    // The on-disk layout (schema.h, slot_facets): this string is the format.
    CHECK(packed == "Associated Press\x1eWorld\x1ePrague\x1eKarel Janicek\x1f" "Jane Doe\x1e" "cs\x1e" "AP\x1e"
                    "article\x1e" "20250528\x1e\x1e");

    std::string_view fields[facet_field_count];
    split_facets(packed, fields);
    CHECK(fields[facet_outlet] == a.outlet);
    CHECK(fields[facet_section] == a.section);
    CHECK(fields[facet_dateline] == a.dateline);
    CHECK(fields[facet_language] == a.language);
    CHECK(fields[facet_wire] == a.wire);
    CHECK(fields[facet_kind] == a.kind);
    CHECK(fields[facet_day] == "20250528");
    CHECK(fields[facet_event].empty());
    CHECK(fields[facet_cluster].empty());
    std::vector<std::string> authors;
    for (std::string_view v = fields[facet_authors]; !v.empty();) authors.emplace_back(next_facet_value(facet_authors, &v));
    CHECK(authors == a.authors);
    // Only a list field splits on the list separator.
    std::string_view outlet = "A\x1f" "B";
    CHECK(next_facet_value(facet_outlet, &outlet) == "A\x1f" "B");
    CHECK(outlet.empty());

    // The event and the cluster are set after the document is built; the
    // other fields stay as they were.
    const std::string later = with_facet(with_facet(packed, facet_cluster, "c1"), facet_event, "e1");
    std::string_view after[facet_field_count];
    split_facets(later, after);
    for (int f = 0; f < facet_field_count; ++f) {
        CAPTURE(f);
        CHECK(after[f] == (f == facet_event ? "e1" : f == facet_cluster ? "c1" : fields[f]));
    }
    CHECK(with_facet(later, facet_cluster, "c2") == packed.substr(0, packed.size() - 1) + "e1\x1e" + "c2");

    // An article without a date or authors leaves those fields empty.
    Article bare;
    bare.outlet = "DW";
    const std::string bare_packed = pack_facets(bare);
    split_facets(bare_packed, fields);
    CHECK(fields[facet_outlet] == "DW");
    CHECK(fields[facet_authors].empty());
    CHECK(fields[facet_day].empty());
    CHECK(fields[facet_kind] == "article");
}

TEST_CASE("field table: every packed field has one source, names and aliases are unique")
{
    using namespace schema;
    std::set<int> facets;
    std::set<std::string> names;
    for (const auto& f : fields()) {
        CAPTURE(f.name);
        CHECK(names.insert(f.name).second);
        for (const char* alias : f.aliases) CHECK(names.insert(alias).second);
        if (f.facet >= 0) {
            CHECK(facets.insert(f.facet).second);
            CHECK(static_cast<bool>(f.values));
        }
        // A facet is counted from the packed value; a filter parameter is a term.
        if (f.flags & in_facets) CHECK(f.facet >= 0);
        if (f.flags & in_default_facets) CHECK((f.flags & in_facets));
        if (f.flags & in_api) CHECK(f.kind == FieldKind::filter);
        if (f.flags & in_query) CHECK(std::string(f.example).rfind(std::string(f.name) + ":", 0) == 0);
    }
    // The event and the copy cluster are written after the document is built.
    CHECK(facets.size() == facet_field_count - 2);
    CHECK(!facets.count(facet_event));
    CHECK(!facets.count(facet_cluster));
    // Indexed but never named.
    CHECK(find_field("source") == nullptr);
    CHECK(facet_names() == std::vector<std::string>{"outlet", "section", "dateline", "author", "language", "wire",
                                                    "kind", "date"});
    CHECK(kDefaultFacets == "outlet,section,dateline,author,language,date");
}

TEST_CASE("field table: the indexer's filter terms")
{
    DocumentBuilder builder;
    Xapian::Document doc = builder.build(sample_article());
    std::set<std::string> terms;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
        if (!(*t).empty() && (*t)[0] >= 'A' && (*t)[0] <= 'Z' && (*t)[0] != 'S') terms.insert(*t);
    CHECK(terms == std::set<std::string>{"Qap-1", "XOassociated press", "XSworld", "XDprague", "Akarel janicek",
                                         "Ajane doe", "Lcs", "XWap", "XKarticle", "Hexample.com", "XFfeed.jsonl",
                                         "D20250528", "M202505", "Y2025"});
    CHECK(doc.get_value(schema::slot_facets) == schema::pack_facets(sample_article()));
}

TEST_CASE("field table: an alias is the same field wherever a name is typed")
{
    using namespace schema;
    const Field* language = find_field("language");
    REQUIRE(language != nullptr);
    CHECK(find_field("lang") == language);
    CHECK(find_field("lang", in_api) == language);
    CHECK(find_facet("lang") == find_facet("language"));
    // In a query: one term, the same stemmer, and values ORed across spellings.
    CHECK(describe("language:AR") == describe("lang:AR"));
    CHECK(describe("language:ar النفط") == describe("lang:ar النفط"));
    CHECK(describe("lang:ar language:fr") == "Query(0 * (Lar OR Lfr))");
    // Apart from the text (the API's parameters) likewise.
    QueryOptions both;
    both.filters = {{"lang", "ar"}, {"language", "fr"}};
    CHECK(describe("", both) == "Query((<alldocuments> FILTER (Lar OR Lfr)))");
    SearchRequest req;
    REQUIRE(search_request_from_params({{"q", "oil"}, {"language", "ar"}, {"facets", "lang,outlet"}}, &req).ok());
    CHECK(req.options.filters == std::vector<std::pair<std::string, std::string>>{{"language", "ar"}});
    CHECK(!search_request_from_params({{"q", "oil"}, {"site", "example.com"}}, &req).ok()); // a query field only
}

TEST_CASE("field table: help and docs name every field")
{
    using namespace schema;
    const std::string help = query_fields_help();
    const std::string query_doc = read_doc("query-language.md");
    const std::string api_doc = read_doc("http-api.md");
    REQUIRE(!query_doc.empty());
    REQUIRE(!api_doc.empty());
    for (const auto& f : fields()) {
        CAPTURE(f.name);
        std::vector<std::string> spellings{f.name};
        spellings.insert(spellings.end(), f.aliases.begin(), f.aliases.end());
        for (const auto& name : spellings) {
            if (f.flags & in_query) CHECK(query_doc.find("`" + name + ":") != std::string::npos);
            if (f.flags & in_api) CHECK(api_doc.find("`" + name + "`") != std::string::npos);
        }
        if (f.flags & in_query) CHECK(help.find(std::string("  ") + f.example) != std::string::npos);
    }
    std::istringstream lines(help);
    for (std::string line; std::getline(lines, line);) CHECK(line.size() <= 79);
}
