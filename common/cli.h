// Command-line options shared by morgue-index and morgue-query, declared once.
#pragma once

#include "common/status.h"

#include <boost/program_options.hpp>

#include <ostream>
#include <string>

namespace morgue {

struct CommonOptions {
    std::string db;     // --db, or $MORGUE_DB
    bool quiet = false; // --quiet
};

// Adds --db, --quiet, --help and --version to `desc`.
void add_common_options(boost::program_options::options_description& desc, CommonOptions& opts);

// Parses argv into `vm` (store and notify); a usage error for anything
// program_options refuses and for a negative number given to an unsigned
// option, which program_options would take as a huge one (-1: 4294967295).
Status parse_command_line(int argc, char** argv, const boost::program_options::options_description& options,
                          const boost::program_options::positional_options_description* positional,
                          boost::program_options::variables_map* vm);
// Prints the help (`desc`) or the version when asked and returns true: the
// caller then exits with status 0.
bool answer_help_or_version(const boost::program_options::variables_map& vm,
                            const boost::program_options::options_description& desc, const char* program,
                            std::ostream& out);

// Fills opts.db from $MORGUE_DB when --db was not given; a usage error if
// neither names a database.
Status resolve_database(CommonOptions& opts);

} // namespace morgue
