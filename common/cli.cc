#include "common/cli.h"

#include "common/version.h"

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

namespace {
bool is_unsigned(const po::value_semantic* v)
{
    return dynamic_cast<const po::typed_value<unsigned short>*>(v) || dynamic_cast<const po::typed_value<unsigned>*>(v) ||
           dynamic_cast<const po::typed_value<unsigned long>*>(v) ||
           dynamic_cast<const po::typed_value<unsigned long long>*>(v);
}
} // namespace

Status parse_command_line(int argc, char** argv, const po::options_description& options,
                          const po::positional_options_description* positional, po::variables_map* vm)
{
    try {
        po::command_line_parser parser(argc, argv);
        parser.options(options);
        if (positional) parser.positional(*positional);
        po::parsed_options parsed = parser.run();
        for (const auto& o : parsed.options) {
            const po::option_description* d = options.find_nothrow(o.string_key, false);
            if (!d || !is_unsigned(d->semantic().get())) continue;
            for (const auto& v : o.value)
                if (size_t i = v.find_first_not_of(" \t"); i != std::string::npos && v[i] == '-')
                    return Status::Usage("--" + o.string_key + " must not be negative (got " + v + ")");
        }
        po::store(parsed, *vm);
        po::notify(*vm);
    } catch (const po::error& e) {
        return Status::Usage(e.what());
    }
    return Status::Ok();
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
