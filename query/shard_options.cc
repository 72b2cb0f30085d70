#include "query/shard_options.h"

#include "common/shards.h"

#include <algorithm>

namespace po = boost::program_options;

namespace morgue {

namespace {
std::string g_spelling;
}

void add_shard_options(po::options_description& desc, ShardOptions& opts)
{
    desc.add_options()
        ("remote-timeout", po::value(&opts.remote_timeout)->default_value(opts.remote_timeout)->value_name("SECONDS"),
         "give up on a remote shard that has not answered in this long (the search fails; exit 1, HTTP 503)")
        ("spelling", po::value(&opts.spelling)->value_name("DB"),
         "suggest spelling corrections from this local database (remote shards cannot; "
         "default: the database searched)");
}

bool apply_shard_options(const ShardOptions& opts)
{
    if (!(opts.remote_timeout > 0 && opts.remote_timeout <= 3600)) return false;
    RemoteTimeouts t;
    t.reply_ms = static_cast<unsigned>(opts.remote_timeout * 1000);
    t.connect_ms = std::min(t.reply_ms, t.connect_ms);
    set_remote_timeouts(t);
    g_spelling = opts.spelling;
    return true;
}

const std::string& spelling_database() { return g_spelling; }

} // namespace morgue
