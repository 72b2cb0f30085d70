#include "common/database.h"
#include "common/reader.h"
#include "temp_dir.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

using namespace morgue;
namespace fs = std::filesystem;

namespace {

// A morgue database at `path` holding `n` documents with the term "word".
void make_db(const fs::path& path, int n)
{
    std::unique_ptr<Xapian::WritableDatabase> db;
    REQUIRE(open_writable(path.string(), &db).ok());
    for (int i = 0; i < n; ++i) {
        Xapian::Document d;
        d.add_term("word");
        db->add_document(d);
    }
    db->commit();
}

// What a rebuild does: a new stub renamed over the old one.
void switch_stub(const fs::path& stub, const std::string& generation)
{
    fs::path tmp = stub.string() + ".tmp";
    std::ofstream(tmp) << "auto " << generation << "\n";
    fs::rename(tmp, stub);
}

} // namespace

TEST_CASE("reader: a long-lived reader notices a rebuild's switch of the stub")
{
    TempDir t;
    make_db(t.path / "db.gen-1", 1);
    make_db(t.path / "db.gen-2", 3);
    fs::path stub = t.path / "db";
    switch_stub(stub, "db.gen-1");

    std::unique_ptr<LiveDatabase> live;
    REQUIRE(LiveDatabase::open(stub.string(), &live).ok());
    Xapian::Database plain(stub.string());
    CHECK(live->db().get_doccount() == 1);

    switch_stub(stub, "db.gen-2");
    plain.reopen(); // Xapian's own reopen() keeps the generation it has
    CHECK(plain.get_doccount() == 1);
    REQUIRE(live->refresh().ok());
    CHECK(live->db().get_doccount() == 3);

    // Switching back (the stub file is new, its text an old one's) is seen too.
    switch_stub(stub, "db.gen-1");
    REQUIRE(live->refresh().ok());
    CHECK(live->db().get_doccount() == 1);
}

TEST_CASE("reader: a long-lived reader follows a replica's switch to a new copy")
{
    // xapian-replicate keeps a folder whose XAPIANDB stub names the copy in
    // use, and switches it when a whole new database arrives (a --rebuild).
    TempDir t;
    fs::path replica = t.path / "replica";
    fs::create_directories(replica);
    make_db(replica / "replica_0", 2);
    make_db(replica / "replica_1", 4);
    switch_stub(replica / "XAPIANDB", "replica_0");
    std::unique_ptr<LiveDatabase> live;
    REQUIRE(LiveDatabase::open(replica.string(), &live).ok());
    CHECK(live->db().get_doccount() == 2);
    switch_stub(replica / "XAPIANDB", "replica_1");
    REQUIRE(live->refresh().ok());
    CHECK(live->db().get_doccount() == 4);
}

TEST_CASE("reader: refresh sees new commits, and a plain directory replaced by a stub")
{
    TempDir t;
    fs::path db = t.path / "db";
    make_db(db, 2);
    std::unique_ptr<LiveDatabase> live;
    REQUIRE(LiveDatabase::open(db.string(), &live).ok());
    CHECK(live->db().get_doccount() == 2);

    make_db(db, 1); // an --update commits more
    REQUIRE(live->refresh().ok());
    CHECK(live->db().get_doccount() == 3);

    // The first --rebuild of a plain database moves it aside for a stub.
    make_db(t.path / "db.gen-1", 5);
    fs::rename(db, t.path / "db.gen-legacy");
    switch_stub(db, "db.gen-1");
    REQUIRE(live->refresh().ok());
    CHECK(live->db().get_doccount() == 5);
}

TEST_CASE("reader: with_reopen retries a body that met DatabaseModifiedError, on the latest database")
{
    TempDir t;
    make_db(t.path / "db.gen-1", 1);
    make_db(t.path / "db.gen-2", 3);
    fs::path stub = t.path / "db";
    switch_stub(stub, "db.gen-1");
    Xapian::Database db(stub.string());
    switch_stub(stub, "db.gen-2");

    int calls = 0;
    Xapian::doccount seen = 0;
    Status s = with_reopen(db, stub.string(), "searching", [&]() -> Status {
        if (++calls == 1) throw Xapian::DatabaseModifiedError("revision gone");
        seen = db.get_doccount();
        return Status::Ok();
    });
    CHECK(s.ok());
    CHECK(calls == 2);
    CHECK(seen == 3);

    // A writer that keeps overtaking: give up after a few tries, with a message.
    calls = 0;
    s = with_reopen(db, stub.string(), "searching db", [&]() -> Status {
        ++calls;
        throw Xapian::DatabaseModifiedError("revision gone");
    });
    CHECK_FALSE(s.ok());
    CHECK(s.message().find("searching db") != std::string::npos);
    CHECK(calls > 1);
    CHECK(calls < 10);
}

TEST_CASE("reader: a real DatabaseModifiedError from a writer's commits is retried")
{
    TempDir t;
    const std::string path = (t.path / "db").string();
    const Xapian::docid n = 1000;
    std::unique_ptr<Xapian::WritableDatabase> w;
    REQUIRE(open_writable(path, &w).ok());
    // Rewrites every document (its data says which round); enough rounds and
    // commits reuse the blocks an older reader still points at.
    auto rewrite = [&](char round) {
        for (Xapian::docid d = 1; d <= n; ++d) {
            Xapian::Document doc;
            doc.add_term("word");
            doc.set_data(std::string(200, round));
            w->replace_document(d, doc);
        }
        w->commit();
    };
    rewrite('a');
    Xapian::Database db(path);
    for (char round : {'b', 'c', 'd'}) rewrite(round);

    auto read_all = [&](std::string* last) {
        for (Xapian::docid d = 1; d <= n; ++d) *last = db.get_document(d).get_data();
    };
    std::string last;
    bool met = false;
    try {
        read_all(&last);
    } catch (const Xapian::DatabaseModifiedError&) {
        met = true;
    }
    REQUIRE(met); // what a reader meets while --update commits

    Status s = with_reopen(db, path, "reading", [&]() -> Status {
        read_all(&last);
        return Status::Ok();
    });
    CHECK(s.ok());
    CHECK(last == std::string(200, 'd'));
}
