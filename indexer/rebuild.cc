#include "rebuild.h"

#include "dates.h"
#include "schema.h"
#include "thread_cpu.h"
#include "xapian_error.h"

#include <xapian.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;

namespace morgue {

namespace {

std::string now_stamp()
{
    std::string t = format_datetime(static_cast<int64_t>(std::time(nullptr))); // 2026-11-22T03:00:00Z
    std::string out;
    for (char c : t)
        if (std::isdigit(static_cast<unsigned char>(c))) out += c;
    return out.substr(0, 8) + "T" + out.substr(8, 6) + "-" + std::to_string(::getpid());
}

// The generation a stub file names ("auto DB.gen-X" -> "DB.gen-X"), or "".
std::string stub_target(const fs::path& stub)
{
    std::ifstream in(stub);
    std::string kind, target;
    if (in >> kind >> target) return target;
    return {};
}

Status fsync_path(const fs::path& p, bool directory)
{
    int fd = ::open(p.c_str(), (directory ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
    if (fd < 0) return Status::IOError("cannot open " + p.string() + ": " + std::strerror(errno));
    int r = ::fsync(fd);
    ::close(fd);
    return r == 0 ? Status::Ok() : Status::IOError("fsync " + p.string() + ": " + std::strerror(errno));
}

// Compacts each shard of `building` into `target` at once (one thread per
// shard, as they were written) and puts the same stub beside them.
Status compact_shards(const fs::path& building, const fs::path& target, size_t shards)
{
    std::error_code ec;
    fs::create_directories(target, ec);
    if (ec) return Status::IOError("cannot create " + target.string() + ": " + ec.message());
    std::vector<Status> done(shards);
    std::vector<std::thread> threads;
    for (size_t i = 0; i < shards; ++i)
        threads.emplace_back([&, i] {
            const std::string name = schema::shard_name(i);
            done[i] = guard_xapian("compacting " + (building / name).string(), [&] {
                Xapian::Database((building / name).string()).compact((target / name).string());
                return Status::Ok();
            });
            record_thread_cpu("compact");
        });
    for (auto& t : threads) t.join();
    for (const Status& s : done)
        if (!s.ok()) return s;
    fs::copy_file(building / schema::kShardStubFile, target / schema::kShardStubFile, ec);
    if (ec) return Status::IOError("cannot copy the stub into " + target.string() + ": " + ec.message());
    return fsync_path(target / schema::kShardStubFile, false);
}

} // namespace

Status run_rebuild(const IndexOptions& options, IndexSummary* summary)
{
    fs::path live = fs::absolute(options.db).lexically_normal();
    if (live.filename().empty()) live = live.parent_path();
    fs::path dir = live.parent_path();
    std::string base = live.filename().string();
    std::error_code ec;
    fs::create_directories(dir, ec);

    // We hold the index lock: any half-built generation is from a crashed run.
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        std::string n = e.path().filename().string();
        if (n.rfind(base + ".gen-", 0) == 0 && n.size() > 9 && n.compare(n.size() - 9, 9, ".building") == 0)
            fs::remove_all(e.path(), ec);
    }

    std::string gen = base + ".gen-" + now_stamp();
    fs::path building = dir / (gen + ".building");
    IndexOptions o = options;
    o.db = building.string();
    o.update = o.prune = false;
    Status s = run_index(o, summary);
    if (!s.ok()) {
        fs::remove_all(building, ec);
        if (s.code() == Status::Code::invalid_input)
            return Status::InvalidInput(s.message() + "; the rebuild was not switched in, the live database is unchanged");
        return s;
    }

    // Compact into the final generation (not DBCOMPACT_FULLER: it is unsafe
    // for a database that will be updated, and buggy in 1.4.22). Shards are
    // merged into one database (through their stub) unless kept.
    fs::path target = dir / gen;
    if (o.shards > 1 && o.keep_shards) {
        s = compact_shards(building, target, o.shards);
    } else {
        s = guard_xapian("compacting " + building.string(), [&] {
            Xapian::Database(building.string()).compact(target.string());
            return Status::Ok();
        });
    }
    fs::remove_all(building, ec);
    if (!s.ok()) {
        fs::remove_all(target, ec);
        return s;
    }

    // Switch: a new stub renamed over the old one.
    std::string previous = fs::is_regular_file(live, ec) ? stub_target(live) : std::string();
    fs::path tmp = dir / (base + ".stub.tmp");
    {
        std::ofstream out(tmp, std::ios::trunc);
        out << "auto " << gen << "\n";
        if (!out.flush()) return Status::IOError("cannot write " + tmp.string());
    }
    if (!(s = fsync_path(tmp, false)).ok()) return s;
    if (fs::is_directory(live, ec)) {
        // First rebuild of a plain database: move it aside, keep it as the previous generation.
        previous = base + ".gen-legacy-" + now_stamp();
        fs::rename(live, dir / previous, ec);
        if (ec) return Status::IOError("cannot move " + live.string() + " aside: " + ec.message());
    }
    if (::rename(tmp.c_str(), live.c_str()) != 0)
        return Status::IOError("cannot switch " + live.string() + " to the new database: " + std::strerror(errno));
    if (!(s = fsync_path(dir, true)).ok()) return s;

    // Older generations go; the one readers were using a moment ago stays.
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        std::string n = e.path().filename().string();
        if (n.rfind(base + ".gen-", 0) == 0 && n != gen && n != previous) fs::remove_all(e.path(), ec);
    }
    return Status::Ok();
}

} // namespace morgue
