#include "cli.h"

#include "version.h"

#include <cstdlib>

namespace po = boost::program_options;

namespace morgue {

void add_common_options(po::options_description& desc, CommonOptions& opts)
{
    desc.add_options()
        ("db", po::value(&opts.db)->value_name("DB"),
         "the database directory (default: $MORGUE_DB)")
        ("quiet,q", po::bool_switch(&opts.quiet), "print only errors and the summary")
        ("help,h", "show this help and exit")
        ("version", "show the version (release, database schema) and exit");
}

bool answer_help_or_version(const po::variables_map& vm, const po::options_description& desc, const char* program,
                            std::ostream& out)
{
    if (vm.count("help")) {
        out << desc << "\n";
        return true;
    }
    if (vm.count("version")) {
        print_version(program, out);
        return true;
    }
    return false;
}

Status resolve_database(CommonOptions& opts)
{
    if (opts.db.empty()) {
        const char* env = std::getenv("MORGUE_DB");
        if (env && *env) opts.db = env;
    }
    if (opts.db.empty())
        return Status::Usage("no database named: give --db DB or set MORGUE_DB");
    return Status::Ok();
}

} // namespace morgue
