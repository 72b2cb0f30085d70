#include "common/terminal.h"

#include <cstdlib>
#include <unistd.h>

namespace morgue {

bool styled_terminal(int fd)
{
    const char* no_color = std::getenv("NO_COLOR");
    if (no_color && *no_color) return false;
    return ::isatty(fd) == 1;
}

} // namespace morgue
