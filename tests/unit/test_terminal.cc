#include "common/terminal.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <fcntl.h>
#include <stdlib.h>
#include <string>
#include <unistd.h>

using namespace morgue;

namespace {

// Sets or clears an environment variable for one scope.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const char* value) : name_(name)
    {
        const char* old = std::getenv(name);
        had_ = old != nullptr;
        if (had_) old_ = old;
        if (value) ::setenv(name, value, 1);
        else ::unsetenv(name);
    }
    ~ScopedEnv()
    {
        if (had_) ::setenv(name_, old_.c_str(), 1);
        else ::unsetenv(name_);
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    const char* name_;
    bool had_ = false;
    std::string old_;
};

} // namespace

TEST_CASE("terminal: styling on a terminal unless NO_COLOR is non-empty")
{
    int master = ::posix_openpt(O_RDWR | O_NOCTTY);
    if (master < 0 || ::grantpt(master) != 0 || ::unlockpt(master) != 0) {
        MESSAGE("no pseudo-terminal available; skipped");
        if (master >= 0) ::close(master);
        return;
    }
    int tty = ::open(::ptsname(master), O_RDWR | O_NOCTTY);
    REQUIRE(tty >= 0);
    int pipe_fds[2];
    REQUIRE(::pipe(pipe_fds) == 0);

    struct Case { const char* no_color; bool styled; };
    const Case cases[] = {{nullptr, true}, {"", true}, {"1", false}, {"0", false}, {"yes", false}};
    for (const auto& c : cases) {
        CAPTURE(c.no_color ? c.no_color : "(unset)");
        ScopedEnv env("NO_COLOR", c.no_color);
        CHECK(styled_terminal(tty) == c.styled);
        CHECK_FALSE(styled_terminal(pipe_fds[1]));
    }
    ::close(pipe_fds[0]);
    ::close(pipe_fds[1]);
    ::close(tty);
    ::close(master);
}
