// The last resort for an exception nothing can catch. Xapian 1.4.22, when the
// disk fills during a commit, can throw a second DatabaseError while
// unwinding the first, and C++ then calls std::terminate: no catch block
// ever runs. The handler installed here turns that abort into one clear
// message and exit status 1. Xapian's commits are atomic, so the database
// keeps its last commit either way.
#pragma once

#include <string>

namespace morgue {

// `program` prefixes the message ("morgue-index").
void install_fatal_handler(const char* program);

// Names what the process is doing while it lives ("committing to DB"), for
// the message: Xapian sometimes terminates without an exception to report.
class FatalContext {
public:
    explicit FatalContext(std::string what);
    ~FatalContext();
    FatalContext(const FatalContext&) = delete;
    FatalContext& operator=(const FatalContext&) = delete;

private:
    std::string previous_;
};

} // namespace morgue
