// morgue-query: parse the command line, search, print, map to exit codes.
#include "cli.h"
#include "copies_output.h"
#include "date_period.h"
#include "export.h"
#include "output.h"
#include "related.h"
#include "search.h"
#include "serve_main.h"
#include "terminal_safe.h"
#include "stats.h"
#include "terminal.h"
#include "shard_options.h"

#include <boost/program_options.hpp>

#include <cstdio>
#include <cstring>
#include <iostream>
#include <sstream>

namespace po = boost::program_options;
using namespace morgue;

namespace {

// Generous for a person at a terminal; the server's own is shorter.
constexpr double kCliTimeLimit = 10;

const char* kUsage = R"(Usage: morgue-query --db DB [options] QUERY...
       morgue-query serve --db DB [--port 8080] [--bind 127.0.0.1]   (see serve --help)

"serve" first starts the web front end; to search for the word, put an
option first (morgue-query --db DB serve).

Searches the morgue database DB ($MORGUE_DB when --db is not given) and prints
the best matches with highlighted snippets, the exact number of matches, and
counts by outlet, section, dateline, author, language and date over ALL
matches.

Query language (see docs/query-language.md):
  china trade            all words must match (stemmed: trade finds trading)
  china OR taiwan        either;  china NOT taiwan, china -taiwan: exclude
  +nato ukraine          + and - mark words that must / must not appear
  "foreign ministry"     a phrase;  cyber NEAR attack: within 10 words
  cyber*                 words starting with cyber (at most 1000 words per
                         wildcard, 8 wildcards per query)
  (china OR russia) AND hackers
  outlet:reuters  section:tech  dateline:prague  author:"karel janicek"
  lang:ar  wire:ap  kind:teaser  site:nytimes.com  title:words
                         filters, case-insensitive; quote multi-word values;
                         several values of one field are ORed, fields ANDed
  date:2025-05-01..2025-05-31   date:2025-05-01..   date:..1987-03-31
  date:2017-09   date:1987   date:1987-03..1987-04   date:2016..2017
                         ISO days, months or years (05/06/2025 is
                         ambiguous and refused); a month or year is all its days

Syndicated copies (one wire story carried by many outlets) are folded into
one hit that says "also carried by N: ..."; --no-collapse lists them all,
--copies ID lists a story's copies. Facet counts count stories by default.
Articles of different outlets about one event share an event id: --group
events shows one hit per event with its reports, --count events counts
events, --related ID lists other outlets' reports of an article's event.

Exit status: 0 ok (also when nothing matches), 1 runtime failure (no
database, unreadable index), 2 usage error or bad query.

Options)";

std::vector<std::string> split_list(const std::string& s)
{
    std::vector<std::string> out;
    std::stringstream in(s);
    std::string item;
    while (std::getline(in, item, ','))
        if (!item.empty()) out.push_back(item);
    return out;
}

Status fill_request(const po::variables_map& vm, const std::vector<std::string>& words, SearchRequest* req,
                    OutputFormat* format)
{
    for (const auto& w : words) req->query += (req->query.empty() ? "" : " ") + w;
    if (!parse_sort_order(vm["sort"].as<std::string>(), &req->sort))
        return Status::Usage("--sort must be relevance, newest or oldest");
    if (!parse_output_format(vm["format"].as<std::string>(), format))
        return Status::Usage("--format must be text, json, jsonl or csv");
    if (!(req->time_limit >= 0 && req->time_limit <= 86400))
        return Status::Usage("--time-limit must be from 0 to 86400 seconds");
    if (req->limit > kMaxLimit) return Status::Usage("--limit is at most " + std::to_string(kMaxLimit));
    for (const char* opt : {"since", "until"}) {
        if (!vm.count(opt)) continue;
        DayRange period; // --until 2017-09 runs to September's end
        Status s = parse_date_period(vm[opt].as<std::string>(), &period);
        if (!s.ok()) return Status::Usage(std::string("--") + opt + ": " + s.message());
        if (opt[0] == 's') req->options.since = period.first;
        else req->options.until = period.last;
    }
    std::string facets = vm["facets"].as<std::string>();
    req->facets = facets == "none" ? std::vector<std::string>{} : facets == "all" ? facet_names() : split_list(facets);
    for (const auto& f : req->facets) {
        bool known = false;
        for (const auto& n : facet_names()) known |= n == f;
        if (!known) return Status::Usage("unknown facet '" + f + "' (facets: outlet, section, dateline, author, language, wire, kind, date)");
    }
    req->collapse = vm.count("no-collapse") == 0;
    const std::string group = vm["group"].as<std::string>();
    if (group != "stories" && group != "events") return Status::Usage("--group must be stories or events");
    req->group_events = group == "events";
    const std::string count = vm["count"].as<std::string>();
    if (count != "stories" && count != "copies" && count != "events")
        return Status::Usage("--count must be stories, copies or events");
    req->count_stories = count == "stories";
    const std::string histogram = vm["histogram"].as<std::string>();
    if (histogram != "count" && histogram != "share") return Status::Usage("--histogram must be count or share");
    req->histogram_share = histogram == "share";
    req->count_events = count == "events";
    const std::string& iv = req->interval;
    if (iv != "auto" && iv != "day" && iv != "month" && iv != "year")
        return Status::Usage("--interval must be auto, day, month or year");
    return Status::Ok();
}

// --all streams every match in index order: paging and ordering options
// would be silently ignored, so they are refused.
Status check_export_options(const po::variables_map& vm, OutputFormat format)
{
    if (format != OutputFormat::csv && format != OutputFormat::jsonl)
        return Status::Usage("--all needs --format csv or --format jsonl");
    for (const char* opt : {"limit", "offset", "sort"})
        if (!vm[opt].defaulted())
            return Status::Usage(std::string("--all writes every match in index order; --") + opt + " does not apply");
    return Status::Ok();
}

// --related ID: other outlets' reports of the article's event.
int run_related(const po::variables_map& vm, const std::string& db, RelatedRequest related)
{
    OutputFormat format = OutputFormat::text;
    if (!parse_output_format(vm["format"].as<std::string>(), &format)) {
        std::cerr << "morgue-query: --format must be text, json, jsonl or csv\n";
        return 2;
    }
    related.db = db;
    related.id = vm["related"].as<std::string>();
    related.limit = vm["limit"].as<unsigned>();
    RelatedResult res;
    Status s = find_related(related, &res);
    if (!s.ok()) {
        std::cerr << "morgue-query: " << s.message() << "\n";
        return s.code() == Status::Code::not_found ? 2 : s.exit_code();
    }
    write_related(std::cout, format, related, res);
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc > 1 && std::strcmp(argv[1], "serve") == 0) return serve_main(argc - 1, argv + 1);
    CommonOptions common;
    SearchRequest req;
    std::vector<std::string> words;
    bool estimate = false, export_every = false;
    RelatedRequest related;
    po::options_description desc(kUsage);
    add_common_options(desc, common);
    add_stats_options(desc);
    ShardOptions shards;
    add_shard_options(desc, shards);
    desc.add_options()
        ("limit,n", po::value(&req.limit)->default_value(10)->value_name("N"), "show at most N hits (max 1000)")
        ("offset", po::value(&req.offset)->default_value(0)->value_name("N"), "skip the first N hits (paging)")
        ("sort", po::value<std::string>()->default_value("relevance"), "relevance, newest or oldest")
        ("since", po::value<std::string>()->value_name("DATE"), "only articles from this day, month or year on")
        ("until", po::value<std::string>()->value_name("DATE"), "only articles up to this day, month or year")
        ("format,f", po::value<std::string>()->default_value("text"), "text, json, jsonl or csv")
        ("facets", po::value<std::string>()->default_value(kDefaultFacets),
         "comma-separated facets to count, or all, or none")
        ("facet-limit", po::value(&req.facet_limit)->default_value(10)->value_name("N"), "top N values per facet")
        ("interval", po::value(&req.interval)->default_value("auto"), "date histogram: auto, day, month or year")
        ("histogram", po::value<std::string>()->default_value("count"),
         "date histogram: count (matches per interval) or share (also as a share of all the interval's articles)")
        ("no-collapse", "list every copy of a syndicated story instead of one hit per story")
        ("group", po::value<std::string>()->default_value("stories"),
         "one hit per story (copies folded in) or per event (every outlet's reports, earliest first)")
        ("count", po::value<std::string>()->default_value("stories"),
         "what facet counts count: stories (copies counted once), copies, or events")
        ("related", po::value<std::string>()->value_name("ID"),
         "list other outlets' reports of the event article ID reports (near it in date) and exit")
        ("related-window-days", po::value(&related.window_days)->default_value(related.window_days)->value_name("N"),
         "with --related: reports at most N days before or after the article")
        ("related-per-outlet", po::value(&related.per_outlet)->default_value(related.per_outlet)->value_name("N"),
         "with --related: at most N reports of one outlet")
        ("copies", po::value<std::string>()->value_name("ID"),
         "list the copies of the story of article ID (outlet, date, similarity) and exit")
        ("estimate", po::bool_switch(&estimate), "faster: estimate the count and facets instead of exact ones")
        ("time-limit", po::value(&req.time_limit)->default_value(kCliTimeLimit, "10")->value_name("SECONDS"),
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
    OutputFormat format = OutputFormat::text;
    Status s = resolve_database(common);
    if (s.ok() && !apply_shard_options(shards)) s = Status::Usage("--remote-timeout must be more than 0 and at most 3600 seconds");
    if (s.ok() && vm.count("copies")) {
        if (!parse_output_format(vm["format"].as<std::string>(), &format)) {
            std::cerr << "morgue-query: --format must be text, json, jsonl or csv\n";
            return 2;
        }
        std::vector<Copy> copies;
        const std::string id = vm["copies"].as<std::string>();
        s = list_copies(common.db, id, &copies);
        if (!s.ok()) {
            std::cerr << "morgue-query: " << s.message() << "\n";
            return s.code() == Status::Code::not_found ? 2 : s.exit_code();
        }
        write_copies(std::cout, format, id, copies);
        return 0;
    }
    if (s.ok() && vm.count("related")) return run_related(vm, common.db, related);
    if (s.ok()) s = fill_request(vm, words, &req, &format);
    if (s.ok() && export_every) s = check_export_options(vm, format);
    if (!s.ok()) {
        std::cerr << "morgue-query: " << s.message() << "\n";
        return s.exit_code();
    }
    req.db = common.db;
    req.exact = !estimate;
    if (export_every) {
        s = export_all(req, format, std::cout, ::isatty(STDERR_FILENO) == 1);
        if (!s.ok()) std::cerr << "morgue-query: " << s.message() << "\n";
        return s.exit_code();
    }
    SearchResult res;
    s = search(req, &res);
    if (!s.ok()) {
        std::cerr << "morgue-query: " << s.message() << "\n";
        return s.exit_code();
    }
    write_result(std::cout, format, OutputStyle{styled_terminal(STDOUT_FILENO)}, req, res);
    return 0;
}
