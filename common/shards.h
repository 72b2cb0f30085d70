// Opening a database that may be split into shards: a Xapian stub file
// whose lines name local databases ("auto PATH", "glass PATH") and remote
// ones served by stock xapian-tcpsrv ("remote HOST:PORT") or xapian-progsrv
// ("remote :PROGRAM ARGS"). Xapian opens such a stub itself, but with fixed
// 10 s remote timeouts; morgue opens the remote lines itself so that a dead
// or stalled shard host fails a search within --remote-timeout.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

namespace morgue {

struct ShardLine {
    enum Kind { local, tcp, prog } kind = local;
    std::string path;    // local: the database (relative paths resolved against the stub's folder)
    std::string host;    // tcp
    unsigned port = 0;   // tcp
    std::string program; // prog: run with `args`, speaking the remote protocol on stdin/stdout
    std::string args;
};

// The lines of the stub file at `path`, or of the XAPIANDB stub inside the
// directory `path` (a sharded database); empty when `path` is neither (a
// database folder, or nothing). Blank lines and # comments skipped.
std::vector<ShardLine> read_stub(const std::string& path);

// True if `path` is a stub with at least one remote line: custom match
// spies and the spelling table are then out of reach (docs/scaling.md).
bool has_remote_shard(const std::string& path);

// Timeouts for remote shards, in milliseconds (0: wait for ever, which
// morgue never does by default). Set once at start-up.
struct RemoteTimeouts {
    unsigned reply_ms = 10000;  // any one exchange with a shard
    unsigned connect_ms = 3000; // establishing the connection
};
void set_remote_timeouts(const RemoteTimeouts& t);
const RemoteTimeouts& remote_timeouts();

// Opens `path` for reading: the remote lines of a stub with our timeouts,
// anything else as Xapian::Database(path) would. Throws Xapian::Error.
Xapian::Database open_database(const std::string& path);

} // namespace morgue
