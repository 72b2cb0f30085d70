// Options of morgue-query and its serve command for a database split into
// shards (docs/scaling.md), declared once for both.
#pragma once

#include <boost/program_options.hpp>

#include <string>

namespace morgue {

struct ShardOptions {
    double remote_timeout = 10; // seconds: a remote shard that takes longer fails the search
    std::string spelling;       // a local database whose spelling table suggests corrections
};

// Adds --remote-timeout and --spelling to `desc`.
void add_shard_options(boost::program_options::options_description& desc, ShardOptions& opts);

// Applies them to the process (remote timeouts, the spelling database);
// false when --remote-timeout is out of range.
bool apply_shard_options(const ShardOptions& opts);

// The database spelling suggestions come from ("": the one searched).
const std::string& spelling_database();

} // namespace morgue
