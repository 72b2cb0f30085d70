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

// Fills opts.db from $MORGUE_DB when --db was not given; a usage error if
// neither names a database.
Status resolve_database(CommonOptions& opts);

} // namespace morgue
