// What a database holds, for people and monitoring: morgue-index --stats and
// the web front end's /api/stats.
#pragma once

#include "status.h"

#include <nlohmann/json.hpp>

#include <ostream>
#include <string>

namespace morgue {

// Opens `db` and prints its statistics as text or JSON.
Status print_stats(const std::string& db, bool json, std::ostream& out);

// The statistics as JSON ("database" is the path; a server leaves it out).
Status database_stats(const std::string& db, nlohmann::ordered_json* out);

} // namespace morgue
