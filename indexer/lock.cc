#include "indexer/lock.h"

#include "indexer/interrupt.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace morgue {

IndexLock::~IndexLock()
{
    if (fd_ >= 0) ::close(fd_); // closing releases the flock
}

Status IndexLock::acquire(const std::string& db, bool wait)
{
    std::string path = db;
    while (path.size() > 1 && path.back() == '/') path.pop_back();
    path += ".lock";
    fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) return Status::IOError("cannot create the lock file " + path + ": " + std::strerror(errno));
    for (;;) {
        if (::flock(fd_, LOCK_EX | (wait ? 0 : LOCK_NB)) == 0) break;
        if (errno == EINTR && !stop_requested()) continue;
        if (errno == EWOULDBLOCK)
            return Status::Locked("another morgue-index is working on " + db +
                                  " (lock " + path + "); try again later, or use --wait");
        return Status::IOError("cannot lock " + path + ": " + std::strerror(errno));
    }
    std::string pid = std::to_string(::getpid()) + "\n";
    if (::ftruncate(fd_, 0) == 0 && ::write(fd_, pid.data(), pid.size()) < 0) {
        // The pid is for people looking at the file; the lock works without it.
    }
    return Status::Ok();
}

} // namespace morgue
