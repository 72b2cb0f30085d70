#include "indexer/generation.h"

#include "common/dates.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <algorithm>
#include <fstream>
#include <vector>
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

// Test only: MORGUE_TEST_CRASH_AT=POINT kills the indexer at POINT of the
// switch, as kill -9 or a power cut would (tests/e2e/T225-rebuild-switch.sh).
void crash_point(const char* point)
{
    const char* at = std::getenv("MORGUE_TEST_CRASH_AT");
    if (at && std::strcmp(at, point) == 0) std::raise(SIGKILL);
}

struct Paths {
    fs::path live, dir, tmp;
    std::string base;
};

Paths paths_of(const std::string& db)
{
    Paths p;
    p.live = fs::absolute(db).lexically_normal();
    if (p.live.filename().empty()) p.live = p.live.parent_path();
    p.dir = p.live.parent_path();
    p.base = p.live.filename().string();
    p.tmp = p.dir / (p.base + ".stub.tmp");
    return p;
}

// Makes `tmp` the live path in one step. A plain database directory at the
// live path (first rebuild) is exchanged with the stub (renameat2), so the
// path holds the old database or the new stub at every instant; the old
// directory, now at `tmp`, then goes aside as `previous`.
Status switch_in(const Paths& p, const std::string& previous)
{
    std::error_code ec;
    if (!fs::is_directory(p.live, ec)) {
        crash_point("before-switch");
        if (::rename(p.tmp.c_str(), p.live.c_str()) != 0)
            return Status::IOError("cannot switch " + p.live.string() + " to the new database: " + std::strerror(errno));
        crash_point("after-switch");
        return Status::Ok();
    }
    crash_point("before-switch");
    if (::renameat2(AT_FDCWD, p.tmp.c_str(), AT_FDCWD, p.live.c_str(), RENAME_EXCHANGE) != 0) {
        if (errno != EINVAL && errno != ENOSYS)
            return Status::IOError("cannot switch " + p.live.string() + " to the new database: " + std::strerror(errno));
        // A file system without exchange: two renames, and a run that finds
        // the live path missing completes the switch (recover_switch).
        fs::rename(p.live, p.dir / previous, ec);
        if (ec) return Status::IOError("cannot move " + p.live.string() + " aside: " + ec.message());
        crash_point("between-renames");
        if (::rename(p.tmp.c_str(), p.live.c_str()) != 0)
            return Status::IOError("cannot switch " + p.live.string() + " to the new database: " + std::strerror(errno));
        return Status::Ok();
    }
    crash_point("after-switch");
    fs::rename(p.tmp, p.dir / previous, ec);
    if (ec) return Status::IOError("cannot move the old database " + p.tmp.string() + " aside: " + ec.message());
    return Status::Ok();
}

} // namespace

Status fsync_path(const fs::path& p, bool directory)
{
    int fd = ::open(p.c_str(), (directory ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
    if (fd < 0) return Status::IOError("cannot open " + p.string() + ": " + std::strerror(errno));
    int r = ::fsync(fd);
    ::close(fd);
    return r == 0 ? Status::Ok() : Status::IOError("fsync " + p.string() + ": " + std::strerror(errno));
}

Generation begin_generation(const std::string& db)
{
    Paths p = paths_of(db);
    std::error_code ec;
    fs::create_directories(p.dir, ec);
    // We hold the index lock: any half-built generation is from a crashed run.
    for (const auto& e : fs::directory_iterator(p.dir, ec)) {
        std::string n = e.path().filename().string();
        if (n.rfind(p.base + ".gen-", 0) == 0 && n.size() > 9 && n.compare(n.size() - 9, 9, ".building") == 0)
            fs::remove_all(e.path(), ec);
    }
    return Generation{p.dir, p.base + ".gen-" + now_stamp()};
}

Status switch_to_generation(const std::string& db, const Generation& generation)
{
    Paths p = paths_of(db);
    const fs::path& live = p.live;
    const fs::path& dir = p.dir;
    const std::string& base = p.base;
    const std::string& gen = generation.name;
    std::error_code ec;
    Status s;
    std::string previous = fs::is_regular_file(live, ec) ? stub_target(live) : std::string();
    if (fs::is_directory(live, ec)) previous = base + ".gen-legacy-" + now_stamp();
    fs::path tmp = p.tmp;
    {
        std::ofstream out(tmp, std::ios::trunc);
        out << "auto " << gen << "\n";
        if (!out.flush()) return Status::IOError("cannot write " + tmp.string());
    }
    if (!(s = fsync_path(tmp, false)).ok()) return s;
    if (!(s = switch_in(p, previous)).ok()) return s;
    if (!(s = fsync_path(dir, true)).ok()) return s;

    // Older generations go; the one readers were using a moment ago stays.
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        std::string n = e.path().filename().string();
        if (n.rfind(base + ".gen-", 0) == 0 && n != gen && n != previous) fs::remove_all(e.path(), ec);
    }
    return Status::Ok();
}

Status recover_switch(const std::string& db, std::string* note)
{
    Paths p = paths_of(db);
    std::error_code ec;
    if (fs::is_directory(p.tmp, ec) && fs::exists(p.live, ec)) {
        // Killed right after exchanging a plain database for the stub.
        std::string previous = p.base + ".gen-legacy-" + now_stamp();
        fs::rename(p.tmp, p.dir / previous, ec);
        if (ec) return Status::IOError("cannot move " + p.tmp.string() + " aside: " + ec.message());
        *note = "an interrupted rebuild left the old database at " + p.tmp.string() + "; moved it to " + previous;
        return Status::Ok();
    }
    if (fs::exists(fs::symlink_status(p.live, ec))) {
        // A stub written by a rebuild killed before its switch: never used.
        if (fs::is_regular_file(p.tmp, ec)) fs::remove(p.tmp, ec);
        return Status::Ok();
    }
    // The live path is missing. Never start an empty database beside the archive.
    if (fs::is_regular_file(p.tmp, ec)) {
        std::string target = stub_target(p.tmp);
        if (!target.empty() && fs::is_directory(p.dir / target, ec)) {
            if (::rename(p.tmp.c_str(), p.live.c_str()) != 0)
                return Status::IOError("cannot complete the switch of " + p.live.string() + ": " + std::strerror(errno));
            *note = "an interrupted rebuild left " + p.live.string() + " missing; completed its switch to " + target;
            return Status::Ok();
        }
    }
    std::vector<std::string> generations;
    for (const auto& e : fs::directory_iterator(p.dir, ec)) {
        std::string n = e.path().filename().string();
        if (n.rfind(p.base + ".gen-", 0) == 0 && !(n.size() > 9 && n.compare(n.size() - 9, 9, ".building") == 0))
            generations.push_back(n);
    }
    if (generations.empty()) return Status::Ok(); // a new database
    std::sort(generations.begin(), generations.end());
    return Status::IOError(p.live.string() + " is missing, but database generations are beside it (" +
                           generations.back() + (generations.size() > 1 ? " and others" : "") +
                           "): an interrupted rebuild or a removed stub. Nothing was changed; put the latest back "
                           "(mv " + (p.dir / generations.back()).string() + " " + p.live.string() +
                           ") or remove the generations to start afresh");
}

} // namespace morgue
