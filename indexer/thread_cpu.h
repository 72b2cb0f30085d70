// CPU seconds spent by each kind of indexing thread, for scripts/bench-shards:
// how the work divides between the one thread that orders articles (and, with
// one database, writes them), the threads preparing them and the shard
// writers shows how far more cores could take a sharded build. Each thread
// reports its own CPU time (CLOCK_THREAD_CPUTIME_ID) as it ends.
#pragma once

#include <map>
#include <string>

namespace morgue {

struct ThreadCpu {
    double seconds = 0;     // all threads of the kind
    double max_seconds = 0; // the busiest one
    int threads = 0;
};

// Adds the calling thread's CPU time so far under `kind`.
void record_thread_cpu(const std::string& kind);
std::map<std::string, ThreadCpu> thread_cpu();

} // namespace morgue
