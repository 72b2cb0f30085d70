// What a database holds, for people and monitoring: --stats of both binaries
// and the web front end's /api/stats.
#pragma once

#include "common/cli.h"
#include "common/status.h"

#include <boost/program_options.hpp>

#include <nlohmann/json.hpp>

#include <optional>
#include <ostream>
#include <string>

namespace morgue {

// Opens `db` and prints its statistics as text or JSON.
Status print_stats(const std::string& db, bool json, std::ostream& out);

// The statistics as JSON ("database" is the path; a server leaves it out).
Status database_stats(const std::string& db, nlohmann::ordered_json* out);

// Declares --stats and --json, alike in both binaries.
void add_stats_options(boost::program_options::options_description& desc);

// When --stats was given: prints the statistics of the database (--db or
// $MORGUE_DB), as JSON with --json or --format json, errors prefixed with
// `program`, and returns the exit status; otherwise nothing.
std::optional<int> answer_stats(const boost::program_options::variables_map& vm, CommonOptions& common,
                                const char* program);

} // namespace morgue
