// morgue-query: parse the command line, search, print, map to exit codes.
#include "cli.h"
#include "search.h"

#include <boost/program_options.hpp>

#include <iostream>

namespace po = boost::program_options;
using namespace morgue;

namespace {
const char* kUsage = R"(Usage: morgue-query --db DB [options] QUERY...

Searches the morgue database DB ($MORGUE_DB when --db is not given) and prints
the best matches with snippets, then counts by outlet, section and month.

Query syntax: words (all must match), "quoted phrases", OR, NOT, and field
filters outlet:NAME section:NAME dateline:PLACE author:NAME lang:CODE
(case-insensitive; quote multi-word values: outlet:"BBC News").

Exit status: 0 ok (even with no matches), 1 runtime failure, 2 bad query or usage.

Options)";
}

int main(int argc, char** argv)
{
    CommonOptions common;
    SearchRequest req;
    std::vector<std::string> words;
    po::options_description desc(kUsage);
    add_common_options(desc, common);
    desc.add_options()("limit,n", po::value(&req.limit)->default_value(10)->value_name("N"),
                       "show at most N hits");
    po::options_description hidden;
    hidden.add_options()("query", po::value(&words));
    po::options_description all;
    all.add(desc).add(hidden);
    po::positional_options_description pos;
    pos.add("query", -1);
    po::variables_map vm;
    try {
        po::store(po::command_line_parser(argc, argv).options(all).positional(pos).run(), vm);
        po::notify(vm);
    } catch (const po::error& e) {
        std::cerr << "morgue-query: " << e.what() << "\nTry 'morgue-query --help'.\n";
        return 2;
    }
    if (vm.count("help")) {
        std::cout << desc << "\n";
        return 0;
    }
    Status s = resolve_database(common);
    for (const auto& w : words) req.query += (req.query.empty() ? "" : " ") + w;
    if (s.ok() && req.query.find_first_not_of(" \t") == std::string::npos) s = Status::Usage("empty query");
    if (!s.ok()) {
        std::cerr << "morgue-query: " << s.message() << "\n";
        return s.exit_code();
    }
    req.db = common.db;
    SearchResult res;
    s = search(req, &res);
    if (!s.ok()) {
        std::cerr << "morgue-query: " << s.message() << "\n";
        return s.exit_code();
    }
    std::cout << res.matches << " matches\n\n";
    for (const auto& h : res.hits) {
        std::cout << h.rank << ". " << h.title << "\n   " << h.outlet;
        if (!h.date.empty()) std::cout << " | " << h.date;
        if (!h.dateline.empty()) std::cout << " | " << h.dateline;
        if (!h.section.empty()) std::cout << " | " << h.section;
        std::cout << "  [" << h.id << "]\n   " << h.snippet << "\n\n";
    }
    for (const auto& f : res.facets) {
        if (f.counts.empty()) continue;
        std::cout << f.name << ":";
        for (const auto& c : f.counts) std::cout << "  " << c.value << " (" << c.count << ")";
        std::cout << "\n";
    }
    return 0;
}
