// The export reads matches chunk by chunk; however the chunks fall, every
// match comes out once, in index order.
#include "query/export.h"
#include "sample_db.h"

#include <doctest/doctest.h>


using namespace morgue;

namespace {
std::string exported(Xapian::Database& db, const SearchRequest& req, OutputFormat format, Xapian::doccount chunk,
                     size_t* pieces = nullptr)
{
    std::string out;
    size_t n = 0;
    Status s = export_matches(db, req, format, [&](const std::string& p) { out += p; ++n; return true; }, nullptr, chunk);
    REQUIRE(s.ok());
    if (pieces) *pieces = n;
    return out;
}
} // namespace

TEST_CASE("export: chunks of any size give the same rows, each match once")
{
    TempDir tmp;
    const std::string path = index_sample(tmp, "reuters.jsonl");
    Xapian::Database db(path);

    SearchRequest req;
    req.db = path;
    req.query = "said";
    Xapian::doccount matches = 0;
    REQUIRE(count_matches(db, req, &matches).ok());
    REQUIRE(matches > 100);

    size_t pieces = 0;
    const std::string whole = exported(db, req, OutputFormat::csv, 100000);
    const std::string chunked = exported(db, req, OutputFormat::csv, 7, &pieces);
    CHECK(chunked == whole);
    CHECK(pieces == 1 + (matches + 6) / 7); // the header, then one piece per chunk
    size_t lines = 0;
    for (char c : whole) lines += c == '\n';
    CHECK(lines >= matches + 1); // titles may hold quoted line breaks, never fewer lines
    CHECK(exported(db, req, OutputFormat::jsonl, 7) == exported(db, req, OutputFormat::jsonl, 5000));

    // A sink that stops (a client gone) stops the export.
    size_t calls = 0;
    REQUIRE(export_matches(db, req, OutputFormat::csv, [&](const std::string&) { return ++calls < 3; }, nullptr, 7).ok());
    CHECK(calls == 3);

    // Text and JSON are not export formats.
    CHECK(export_matches(db, req, OutputFormat::json, [](const std::string&) { return true; }).code() ==
          Status::Code::usage);
}
