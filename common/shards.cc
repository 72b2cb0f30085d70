#include "common/shards.h"

#include "common/schema.h"

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace morgue {

namespace {

RemoteTimeouts g_timeouts;

// Parses the remainder of a "remote" line as Xapian 1.4's stub reader does:
// ":PROGRAM ARGS" or "HOST:PORT".
bool parse_remote(const std::string& rest, ShardLine* out)
{
    if (rest.empty()) return false;
    if (rest[0] == ':') {
        size_t space = rest.find(' ');
        out->kind = ShardLine::prog;
        out->program = rest.substr(1, space == std::string::npos ? std::string::npos : space - 1);
        out->args = space == std::string::npos ? "" : rest.substr(space + 1);
        return !out->program.empty();
    }
    size_t colon = rest.rfind(':');
    if (colon == std::string::npos || colon + 1 == rest.size()) return false;
    const std::string port = rest.substr(colon + 1);
    if (port.find_first_not_of("0123456789") != std::string::npos || port.size() > 5) return false;
    out->kind = ShardLine::tcp;
    out->host = rest.substr(0, colon);
    out->port = static_cast<unsigned>(std::stoul(port));
    return out->port > 0 && out->port < 65536;
}

} // namespace

std::vector<ShardLine> read_stub(const std::string& path)
{
    std::error_code ec;
    std::vector<ShardLine> lines;
    // A directory holding a stub (morgue-index --shards) is a stub too, its
    // lines relative to the directory, as Xapian reads it.
    fs::path stub = path, base = fs::path(path).parent_path();
    if (fs::is_directory(stub, ec) && fs::is_regular_file(stub / schema::kShardStubFile, ec)) {
        base = stub;
        stub /= schema::kShardStubFile;
    }
    if (!fs::is_regular_file(stub, ec)) return lines;
    std::ifstream in(stub);
    for (std::string line; std::getline(in, line);) {
        size_t b = line.find_first_not_of(" \t\r");
        if (b == std::string::npos || line[b] == '#') continue;
        size_t e = line.find_last_not_of(" \t\r");
        line = line.substr(b, e - b + 1);
        size_t space = line.find(' ');
        const std::string kind = line.substr(0, space);
        const std::string rest = space == std::string::npos ? "" : line.substr(line.find_first_not_of(' ', space));
        ShardLine s;
        if (kind == "remote") {
            if (!parse_remote(rest, &s))
                throw Xapian::DatabaseOpeningError("bad remote line in stub " + path + ": " + line);
        } else if (!rest.empty()) {
            fs::path p(rest);
            s.path = (p.is_absolute() ? p : base / p).string();
        } else {
            // "inmemory" and other kinds: let Xapian judge the whole stub.
            return {};
        }
        lines.push_back(std::move(s));
    }
    return lines;
}

bool has_remote_shard(const std::string& path)
{
    try {
        for (const auto& s : read_stub(path))
            if (s.kind != ShardLine::local) return true;
    } catch (const Xapian::Error&) {
        return false; // open_database reports the bad line
    }
    return false;
}

void set_remote_timeouts(const RemoteTimeouts& t) { g_timeouts = t; }
const RemoteTimeouts& remote_timeouts() { return g_timeouts; }

Xapian::Database open_database(const std::string& path)
{
    std::vector<ShardLine> lines = read_stub(path);
    bool remote = false;
    for (const auto& s : lines) remote |= s.kind != ShardLine::local;
    if (!remote) return Xapian::Database(path);
    Xapian::Database db;
    for (const auto& s : lines) {
        switch (s.kind) {
        case ShardLine::local:
            // Beside remote shards, a local one is served by xapian-progsrv
            // too: Xapian 1.4.22 gives a ValueCountMatchSpy wrong values for
            // a local shard searched together with remote ones (measured:
            // right match count, another document's values).
            db.add_database(Xapian::Remote::open("xapian-progsrv", s.path, g_timeouts.reply_ms));
            break;
        case ShardLine::tcp:
            db.add_database(Xapian::Remote::open(s.host, s.port, g_timeouts.reply_ms, g_timeouts.connect_ms));
            break;
        case ShardLine::prog: db.add_database(Xapian::Remote::open(s.program, s.args, g_timeouts.reply_ms)); break;
        }
    }
    return db;
}

} // namespace morgue
