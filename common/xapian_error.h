// Xapian::Error does not derive from std::exception; this is the one place
// that turns it into a Status, so callers never need to know its hierarchy.
#pragma once

#include "common/status.h"

#include <functional>
#include <string>

namespace morgue {

// Run `body`, converting any Xapian::Error (or std::exception) it throws into
// a Status whose message starts with `what` (e.g. "opening /srv/db"). A
// wildcard that expands too far (Xapian::WildcardError) is a usage error.
Status guard_xapian(const std::string& what, const std::function<Status()>& body);

} // namespace morgue
