// Whether to style output for a person at a terminal.
#pragma once

namespace morgue {

// True when fd is a terminal and the user has not asked for plain text with
// NO_COLOR (https://no-color.org: any non-empty value). Bold highlights are
// styling too: a reader who set NO_COLOR may use a screen reader or a
// terminal that shows escape codes, so they get the [brackets] of a pipe.
bool styled_terminal(int fd);

} // namespace morgue
