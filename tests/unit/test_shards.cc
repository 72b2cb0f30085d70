#include "common/shards.h"
#include "temp_dir.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

using namespace morgue;

TEST_CASE("shards: a stub's lines, as Xapian's stub reader reads them")
{
    TempDir t;
    const auto stub = t.path / "archive.stub";
    std::ofstream(stub) << "# the archive\n"
                           "auto shard0\n"
                           "  glass /srv/shard1  \n"
                           "\n"
                           "remote 10.0.0.2:33330\n"
                           "remote :xapian-progsrv /srv/a b\n";
    auto lines = read_stub(stub.string());
    REQUIRE(lines.size() == 4);
    CHECK(lines[0].kind == ShardLine::local);
    CHECK(lines[0].path == (t.path / "shard0").string()); // relative to the stub's folder
    CHECK(lines[1].path == "/srv/shard1");
    CHECK(lines[2].kind == ShardLine::tcp);
    CHECK(lines[2].host == "10.0.0.2");
    CHECK(lines[2].port == 33330);
    CHECK(lines[3].kind == ShardLine::prog);
    CHECK(lines[3].program == "xapian-progsrv");
    CHECK(lines[3].args == "/srv/a b");
    CHECK(has_remote_shard(stub.string()));
}

TEST_CASE("shards: local stubs and folders have no remote shard; a bad remote line is refused")
{
    TempDir t;
    const auto stub = t.path / "db";
    std::ofstream(stub) << "auto db.gen-1\n";
    CHECK_FALSE(has_remote_shard(stub.string()));
    CHECK(read_stub(t.path.string()).empty()); // a folder is no stub
    CHECK_FALSE(has_remote_shard((t.path / "missing").string()));
    for (const char* bad : {"remote host", "remote host:", "remote host:99999", "remote host:12a", "remote :"}) {
        std::ofstream(stub) << bad << "\n";
        CHECK_THROWS_AS(read_stub(stub.string()), Xapian::DatabaseOpeningError);
    }
}

TEST_CASE("shards: a folder holding a XAPIANDB stub (morgue-index --shards) is read as a stub")
{
    TempDir t;
    const auto dir = t.path / "sharded.db";
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "XAPIANDB") << "auto shard-0\nauto shard-1\n";
    auto lines = read_stub(dir.string());
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].path == (dir / "shard-0").string()); // relative to the folder itself
    CHECK(lines[1].path == (dir / "shard-1").string());
    CHECK_FALSE(has_remote_shard(dir.string()));
    std::ofstream(dir / "XAPIANDB") << "auto shard-0\nremote 10.0.0.2:33330\n";
    CHECK(has_remote_shard(dir.string()));
}
