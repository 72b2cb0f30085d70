// morgue-index --stats: what a database holds, for people and monitoring.
#pragma once

#include "status.h"

#include <ostream>
#include <string>

namespace morgue {

Status print_stats(const std::string& db, bool json, std::ostream& out);

} // namespace morgue
