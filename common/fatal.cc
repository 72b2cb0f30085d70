#include "common/fatal.h"

#include <xapian.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <string>
#include <unistd.h>
#include <utility>

namespace morgue {

namespace {
const char* g_program = "morgue";
std::string g_context; // the writer's thread sets it; read only on the way out

[[noreturn]] void on_terminate()
{
    // Terminating from a destructor that threw during unwinding leaves no
    // exception to ask; the last system error is then the best reason left
    // (on a full disk, the write that failed).
    const int last_errno = errno;
    std::string what = "an error that could not be reported otherwise";
    if (last_errno != 0) what += std::string(" (last system error: ") + std::strerror(last_errno) + ")";
    if (std::exception_ptr e = std::current_exception()) {
        try {
            std::rethrow_exception(e);
        } catch (const Xapian::Error& x) {
            what = x.get_description(); // with the system's reason, if any
        } catch (const std::exception& x) {
            what = x.what();
        } catch (...) {
        }
    }
    std::fprintf(stderr,
                 "%s: fatal: %s%s%s%s; stopped. The database keeps its last commit: run again once the cause "
                 "(a full disk?) is fixed.\n",
                 g_program, g_context.empty() ? "" : "while ", g_context.c_str(), g_context.empty() ? "" : ": ",
                 what.c_str());
    std::fflush(stderr);
    ::_exit(1);
}
} // namespace

FatalContext::FatalContext(std::string what) : previous_(std::move(g_context))
{
    g_context = std::move(what);
}

FatalContext::~FatalContext()
{
    g_context = std::move(previous_);
}

void install_fatal_handler(const char* program)
{
    g_program = program;
    std::set_terminate(on_terminate);
}

} // namespace morgue
