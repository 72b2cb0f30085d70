// One indexer per database at a time: an flock() on "DB.lock" beside the
// database. The kernel drops it when the process dies, so a crashed run
// never blocks the next one.
#pragma once

#include "common/status.h"

#include <string>

namespace morgue {

class IndexLock {
public:
    IndexLock() = default;
    ~IndexLock();
    IndexLock(const IndexLock&) = delete;
    IndexLock& operator=(const IndexLock&) = delete;

    // Takes the lock for database `db`; with `wait`, blocks until it is free,
    // otherwise fails at once (Status::Locked) if another indexer holds it.
    Status acquire(const std::string& db, bool wait);

private:
    int fd_ = -1;
};

} // namespace morgue
