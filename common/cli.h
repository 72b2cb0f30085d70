// Command-line options shared by morgue-index and morgue-query, declared once.
#pragma once

#include "status.h"

#include <boost/program_options.hpp>

#include <string>

namespace morgue {

struct CommonOptions {
    std::string db;     // --db, or $MORGUE_DB
    bool quiet = false; // --quiet
};

// Adds --db, --quiet and --help to `desc`.
void add_common_options(boost::program_options::options_description& desc, CommonOptions& opts);

// Parses argv into `vm` (store and notify); a usage error for anything
// program_options refuses and for a negative number given to an unsigned
// option, which program_options would take as a huge one (-1: 4294967295).
Status parse_command_line(int argc, char** argv, const boost::program_options::options_description& options,
                          const boost::program_options::positional_options_description* positional,
                          boost::program_options::variables_map* vm);

// Fills opts.db from $MORGUE_DB when --db was not given; a usage error if
// neither names a database.
Status resolve_database(CommonOptions& opts);

} // namespace morgue
