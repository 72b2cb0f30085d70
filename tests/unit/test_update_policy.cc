#include "common/codec.h"
#include "common/database.h"
#include "common/schema.h"
#include "temp_dir.h"
#include "indexer/update_policy.h"

#include <doctest/doctest.h>

using namespace morgue;

namespace {

Article article(const std::string& id, const std::string& file, uint64_t line)
{
    Article a;
    a.id = id;
    a.title = "Cocoa review " + id;
    a.body = "Showers continued throughout the week.";
    a.source_file = file;
    a.source_line = line;
    return a;
}

// The document the indexer would write for `a` (the terms these checks use).
Xapian::docid store(Xapian::WritableDatabase& db, const Article& a, const std::string& record)
{
    Xapian::Document doc;
    doc.add_term(schema::id_term(a.id));
    doc.add_term(schema::filter_term(schema::prefix::source_file, a.source_file));
    if (!record.empty()) doc.add_term(record);
    doc.add_value(schema::slot_content_hash, UpdatePolicy::content_hash(a));
    store_article(doc, a);
    return db.replace_document(schema::id_term(a.id), doc);
}

struct Fixture {
    TempDir dir;
    std::unique_ptr<Xapian::WritableDatabase> db;
    Fixture() { REQUIRE(open_writable((dir.path / "db").string(), &db).ok()); }
};

} // namespace

TEST_CASE("update policy: the content hash ignores the line, not the file or the text")
{
    Article a = article("r1", "a.jsonl", 3);
    CHECK(UpdatePolicy::content_hash(a) == UpdatePolicy::content_hash(article("r1", "a.jsonl", 90)));
    CHECK(UpdatePolicy::content_hash(a) != UpdatePolicy::content_hash(article("r1", "b.jsonl", 3)));
    Article edited = a;
    edited.title += " (corrected)";
    CHECK(UpdatePolicy::content_hash(a) != UpdatePolicy::content_hash(edited));
    CHECK(UpdatePolicy::content_hash(a).size() == 16);
}

TEST_CASE("update policy: record terms name the exact line and file")
{
    const std::string line = R"({"id": "r1", "title": "Cocoa"})";
    std::string t = UpdatePolicy::record_term("a.jsonl", line);
    CHECK(t.rfind(schema::prefix::record, 0) == 0);
    CHECK(t.size() <= schema::kMaxTermBytes);
    CHECK(t == UpdatePolicy::record_term("a.jsonl", line));
    CHECK(t != UpdatePolicy::record_term("b.jsonl", line));
    CHECK(t != UpdatePolicy::record_term("a.jsonl", line + " "));
}

TEST_CASE("update policy: lines are skipped unparsed only for files this build and options read to the end")
{
    Fixture f;
    UpdatePolicy plain(*f.db, ""), clean(*f.db, "clean");
    bool yes = true, changed = false;
    REQUIRE(plain.read_by_this_build("a.jsonl", &yes).ok());
    CHECK_FALSE(yes);
    REQUIRE(plain.mark_read("a.jsonl", &changed).ok());
    CHECK(changed);
    REQUIRE(plain.read_by_this_build("a.jsonl", &yes).ok());
    CHECK(yes);
    REQUIRE(plain.mark_read("a.jsonl", &changed).ok());
    CHECK_FALSE(changed); // nothing new to commit
    REQUIRE(plain.read_by_this_build("b.jsonl", &yes).ok());
    CHECK_FALSE(yes);
    REQUIRE(clean.read_by_this_build("a.jsonl", &yes).ok());
    CHECK_FALSE(yes); // --clean reads lines differently
    REQUIRE(clean.mark_read("a.jsonl", &changed).ok());
    REQUIRE(plain.read_by_this_build("a.jsonl", &yes).ok());
    CHECK_FALSE(yes);
}

TEST_CASE("update policy: known lines are skipped, same content is re-tagged, changes are indexed")
{
    Fixture f;
    UpdatePolicy policy(*f.db, "");
    Article a = article("r1", "a.jsonl", 1);
    const std::string r1 = UpdatePolicy::record_term("a.jsonl", "line as first written");
    store(*f.db, a, r1);
    f.db->commit();

    uint64_t n = 0;
    REQUIRE(policy.known_record(r1, &n).ok());
    CHECK(n == 1);
    const std::string r2 = UpdatePolicy::record_term("a.jsonl", "line written differently");
    REQUIRE(policy.known_record(r2, &n).ok());
    CHECK(n == 0);

    // Same article from the new line: unchanged, and now tagged with it.
    bool same = false, retagged = false;
    REQUIRE(policy.unchanged(schema::id_term("r1"), UpdatePolicy::content_hash(a), r2, &same, &retagged).ok());
    CHECK(same);
    CHECK(retagged);
    REQUIRE(policy.known_record(r2, &n).ok());
    CHECK(n == 1);
    REQUIRE(policy.known_record(r1, &n).ok());
    CHECK(n == 0);
    // Asking again changes nothing more.
    REQUIRE(policy.unchanged(schema::id_term("r1"), UpdatePolicy::content_hash(a), r2, &same, &retagged).ok());
    CHECK(same);
    CHECK_FALSE(retagged);

    Article edited = a;
    edited.body += " Prices rose.";
    REQUIRE(policy.unchanged(schema::id_term("r1"), UpdatePolicy::content_hash(edited), r2, &same, &retagged).ok());
    CHECK_FALSE(same);
    REQUIRE(policy.unchanged(schema::id_term("r2"), UpdatePolicy::content_hash(a), {}, &same, &retagged).ok());
    CHECK_FALSE(same);
}

TEST_CASE("update policy: prune deletes what a fully read file no longer holds, nothing else")
{
    Fixture f;
    const std::string kept_line = "kept", gone_line = "gone";
    store(*f.db, article("kept", "a.jsonl", 1), UpdatePolicy::record_term("a.jsonl", kept_line));
    store(*f.db, article("gone", "a.jsonl", 2), UpdatePolicy::record_term("a.jsonl", gone_line));
    store(*f.db, article("other", "b.jsonl", 1), UpdatePolicy::record_term("b.jsonl", "other"));
    Xapian::docid fresh = store(*f.db, article("fresh", "a.jsonl", 3), {});
    f.db->commit();

    // This run read a.jsonl in full and met "kept" (its line) and "fresh" (indexed).
    UpdatePolicy run(*f.db, "");
    uint64_t n = 0;
    REQUIRE(run.known_record(UpdatePolicy::record_term("a.jsonl", kept_line), &n).ok());
    REQUIRE(n == 1);
    run.indexed(fresh);
    uint64_t deleted = 0;
    REQUIRE(run.prune({"a.jsonl"}, {"a.jsonl"}, {"a.jsonl"}, &deleted).ok());
    CHECK(deleted == 1);
    CHECK_FALSE(f.db->term_exists(schema::id_term("gone")));
    CHECK(f.db->term_exists(schema::id_term("kept")));
    CHECK(f.db->term_exists(schema::id_term("fresh")));
    CHECK(f.db->term_exists(schema::id_term("other"))); // b.jsonl was not read: left alone
}
