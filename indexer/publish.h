// morgue-index --db MASTER --publish OUT: a read-only publication of MASTER
// for query hosts (schema.h, "Publications"): every document copied with its
// docid into a database made without termlists (DB_NO_TERMLIST, DB_NO_SYNC
// while it is built), the XB copy-band terms left out, then compacted into a
// new generation of OUT and switched in atomically (indexer/generation.h).
#pragma once

#include "common/status.h"

#include <cstdint>
#include <string>

namespace morgue {

struct PublishOptions {
    std::string master, out;
    bool progress = false; // draw the progress bar
};

struct PublishSummary {
    uint64_t documents = 0;
    double seconds = 0;
};

// OUT must be missing or an earlier publication; MASTER a morgue database
// (single or sharded) that is not itself a publication. The caller holds
// the index locks of both.
Status run_publish(const PublishOptions& options, PublishSummary* summary);

} // namespace morgue
