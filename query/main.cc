// morgue-query: parse the command line, search, print, map to exit codes.
#include "common/cli.h"
#include "query/export.h"
#include "query/field_help.h"
#include "query/output.h"
#include "query/related.h"
#include "query/request.h"
#include "query/search.h"
#include "query/serve_main.h"
#include "common/stats.h"
#include "common/terminal.h"
#include "query/shard_options.h"

#include <boost/program_options.hpp>

#include <cstdio>
#include <cstring>
#include <iostream>
#include <limits>
#include <utility>

namespace po = boost::program_options;
using namespace morgue;

namespace {

// Generous for a person at a terminal; the server's own is shorter.
constexpr const char* kCliTimeLimit = "10";

const char* kUsageHead = R"(Usage: morgue-query --db DB [options] QUERY...
       morgue-query serve --db DB [--port 8080] [--bind 127.0.0.1]   (see serve --help)

"serve" first starts the web front end; to search for the word, put an
option first (morgue-query --db DB serve).

Searches the morgue database DB ($MORGUE_DB when --db is not given) and prints
the best matches with highlighted snippets, the exact number of matches, and
facet counts (--facets) over ALL matches.

Query language (see docs/query-language.md):
  china trade            all words must match (stemmed: trade finds trading)
  china OR taiwan        either;  china NOT taiwan, china -taiwan: exclude
  +nato ukraine          + and - mark words that must / must not appear
  "foreign ministry"     a phrase;  cyber NEAR attack: within 10 words
  cyber*                 words starting with cyber (at most 1000 words per
                         wildcard, 8 wildcards per query)
  (china OR russia) AND hackers

Fields (values case-insensitive, multi-word ones quoted); several values of
one field are ORed, different fields ANDed:
)";

const char* kUsageTail = R"(
Syndicated copies (one wire story carried by many outlets) are folded into
one hit that says "also carried by N: ..."; --no-collapse lists them all,
--copies ID lists a story's copies. Facet counts count stories by default.
Articles of different outlets about one event share an event id: --group
events shows one hit per event with its reports, --count events counts
events, --related ID lists other outlets' reports of an article's event.

Exit status: 0 ok (also when nothing matches), 1 runtime failure (no
database, unreadable index), 2 usage error or bad query.

Options)";

std::string usage() { return kUsageHead + query_fields_help() + kUsageTail; }

// The options that carry a request's parameters (the query's words,
// --all, --related and --copies apart).
const std::pair<Param, const char*> kRequestOptions[] = {
    {Param::since, "since"},
    {Param::until, "until"},
    {Param::sort, "sort"},
    {Param::offset, "offset"},
    {Param::limit, "limit"},
    {Param::format, "format"},
    {Param::facets, "facets"},
    {Param::facet_limit, "facet-limit"},
    {Param::interval, "interval"},
    {Param::histogram, "histogram"},
    {Param::group, "group"},
    {Param::count, "count"},
    {Param::time_limit, "time-limit"},
    {Param::window_days, "related-window-days"},
    {Param::per_outlet, "related-per-outlet"},
    {Param::collapse, "no-collapse"},
    {Param::estimate, "estimate"},
};

std::string cli_spelling(Param p)
{
    for (const auto& [param, option] : kRequestOptions)
        if (param == p) return std::string("--") + option;
    return p == Param::query ? "QUERY" : param_name(p);
}

// A person at a terminal may ask for more than a server's client.
const RequestRules kCliRules = {cli_spelling,
                                std::numeric_limits<size_t>::max(),
                                std::numeric_limits<unsigned>::max(),
                                kMaxLimit,
                                std::numeric_limits<unsigned>::max(),
                                static_cast<unsigned>(std::numeric_limits<int>::max()),
                                std::numeric_limits<unsigned>::max()};

// The command line as a request: the options given, not their defaults
// (the validator has its own), except --format and --time-limit, whose
// defaults are the command line's (the server's differ).
RequestText request_text(const po::variables_map& vm, const std::vector<std::string>& words, bool export_every,
                         bool estimate)
{
    RequestText t;
    t.kind = vm.count("copies")  ? RequestKind::copies
           : vm.count("related") ? RequestKind::related
           : export_every        ? RequestKind::export_all
                                 : RequestKind::search;
    if (vm.count("copies")) t.id = vm["copies"].as<std::string>();
    else if (vm.count("related")) t.id = vm["related"].as<std::string>();
    for (const auto& w : words) t.query += (t.query.empty() ? "" : " ") + w;
    for (const auto& [param, option] : kRequestOptions) {
        auto it = vm.find(option);
        if (it == vm.end() || it->second.empty() || param == Param::collapse || param == Param::estimate) continue;
        if (it->second.defaulted() && param != Param::format && param != Param::time_limit) continue;
        t.values[param] = it->second.as<std::string>();
    }
    if (vm.count("no-collapse")) t.values[Param::collapse] = "false";
    if (estimate) t.values[Param::estimate] = "true";
    return t;
}

// Runs a checked request on `db` and prints the answer; the exit status.
int run(const Request& request, const std::string& db)
{
    Status s;
    if (request.kind == RequestKind::copies) {
        std::vector<Copy> copies;
        s = list_copies(db, request.id, &copies);
        if (s.ok()) write_copies(std::cout, request.format, request.id, copies);
    } else if (request.kind == RequestKind::related) {
        RelatedRequest related = request.related;
        related.db = db;
        RelatedResult res;
        s = find_related(related, &res);
        if (s.ok()) write_related(std::cout, request.format, related, res);
    } else {
        SearchRequest req = request.search;
        req.db = db;
        if (request.kind == RequestKind::export_all) {
            s = export_all(req, request.format, std::cout, ::isatty(STDERR_FILENO) == 1);
        } else {
            SearchResult res;
            s = search(req, &res);
            if (s.ok()) write_result(std::cout, request.format, OutputStyle{styled_terminal(STDOUT_FILENO)}, req, res);
        }
    }
    if (s.ok()) return 0;
    std::cerr << "morgue-query: " << s.message() << "\n";
    // An unknown article id is the caller's mistake.
    const bool by_id = request.kind == RequestKind::copies || request.kind == RequestKind::related;
    return by_id && s.code() == Status::Code::not_found ? 2 : s.exit_code();
}

} // namespace

int main(int argc, char** argv)
{
    if (argc > 1 && std::strcmp(argv[1], "serve") == 0) return serve_main(argc - 1, argv + 1);
    CommonOptions common;
    std::vector<std::string> words;
    bool estimate = false, export_every = false;
    const RelatedRequest related;
    po::options_description desc(usage());
    add_common_options(desc, common);
    add_stats_options(desc);
    ShardOptions shards;
    add_shard_options(desc, shards);
    const std::string facets_help =
        "comma-separated facets to count (" + schema::field_names(schema::in_facets, ", ", true) + "), or all, or none";
    desc.add_options()
        ("limit,n", po::value<std::string>()->default_value("10")->value_name("N"), "show at most N hits (max 1000)")
        ("offset", po::value<std::string>()->default_value("0")->value_name("N"), "skip the first N hits (paging)")
        ("sort", po::value<std::string>()->default_value("relevance"), "relevance, newest or oldest")
        ("since", po::value<std::string>()->value_name("DATE"), "only articles from this day, month or year on")
        ("until", po::value<std::string>()->value_name("DATE"), "only articles up to this day, month or year")
        ("format,f", po::value<std::string>()->default_value("text"), "text, json, jsonl or csv")
        ("facets", po::value<std::string>()->default_value(kDefaultFacets),
         facets_help.c_str())
        ("facet-limit", po::value<std::string>()->default_value("10")->value_name("N"), "top N values per facet")
        ("interval", po::value<std::string>()->default_value("auto"), "date histogram: auto, day, month or year")
        ("histogram", po::value<std::string>()->default_value("count"),
         "date histogram: count (matches per interval) or share (also as a share of all the interval's articles)")
        ("no-collapse", "list every copy of a syndicated story instead of one hit per story")
        ("group", po::value<std::string>()->default_value("stories"),
         "one hit per story (copies folded in) or per event (every outlet's reports, earliest first)")
        ("count", po::value<std::string>()->default_value("stories"),
         "what facet counts count: stories (copies counted once), copies, or events")
        ("related", po::value<std::string>()->value_name("ID"),
         "list other outlets' reports of the event article ID reports (near it in date) and exit")
        ("related-window-days", po::value<std::string>()->default_value(std::to_string(related.window_days))->value_name("N"),
         "with --related: reports at most N days before or after the article")
        ("related-per-outlet", po::value<std::string>()->default_value(std::to_string(related.per_outlet))->value_name("N"),
         "with --related: at most N reports of one outlet")
        ("copies", po::value<std::string>()->value_name("ID"),
         "list the copies of the story of article ID (outlet, date, similarity) and exit")
        ("estimate", po::bool_switch(&estimate), "faster: estimate the count and facets instead of exact ones")
        ("time-limit", po::value<std::string>()->default_value(kCliTimeLimit)->value_name("SECONDS"),
         "time for the search; when it runs out the answer is marked partial (estimated counts, fewer snippets); 0: none")
        ("all", po::bool_switch(&export_every),
         "with --format csv or jsonl: stream every match (no --limit), in index order, with authors, language, "
         "wire, copies, cluster and event columns");
    po::options_description hidden;
    hidden.add_options()("query", po::value(&words));
    po::options_description all;
    all.add(desc).add(hidden);
    po::positional_options_description pos;
    pos.add("query", -1);
    po::variables_map vm;
    if (Status p = parse_command_line(argc, argv, all, &pos, &vm); !p.ok()) {
        std::cerr << "morgue-query: " << p.message() << "\nTry 'morgue-query --help'.\n";
        return p.exit_code();
    }
    if (answer_help_or_version(vm, desc, "morgue-query", std::cout)) return 0;
    if (auto rc = answer_stats(vm, common, "morgue-query")) return *rc;
    Status s = resolve_database(common);
    if (s.ok() && !apply_shard_options(shards)) s = Status::Usage("--remote-timeout must be more than 0 and at most 3600 seconds");
    Request request;
    if (s.ok()) s = validate_request(request_text(vm, words, export_every, estimate), kCliRules, &request);
    if (!s.ok()) {
        std::cerr << "morgue-query: " << s.message() << "\n";
        return s.exit_code();
    }
    return run(request, common.db);
}
