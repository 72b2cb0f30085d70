// morgue-index: parse the command line, run the indexer, map to exit codes.
#include "cli.h"
#include "dates.h"
#include "index_run.h"
#include "interrupt.h"
#include "lock.h"
#include "rebuild.h"
#include "stats.h"
#include "thread_cpu.h"

#include <boost/program_options.hpp>

#include <thread>

#include <cstdio>
#include <iostream>
#include <unistd.h>

namespace po = boost::program_options;
using namespace morgue;

namespace {

size_t default_threads()
{
    unsigned n = std::thread::hardware_concurrency();
    return n ? n : 1;
}

const char* kUsage = R"(Usage: morgue-index --db DB [options] SOURCES...

Reads news articles and indexes them into the Xapian database DB (created if
missing; $MORGUE_DB names it when --db is not given). Indexing the same input
again replaces its articles rather than adding copies.

SOURCES are files, directories (walked recursively for *.jsonl, *.ndjson,
*.json and *.txt, each optionally .zst or .gz) or - for standard input.
Formats are recognised by content and extension:
  JSON Lines   one article per line, with fields id, url, outlet, date,
               section, dateline, authors, title, text, language (news-please
               names also work: maintext, source_domain, date_publish)
  JSON         one article per file (news-please's output), or an array
  text page    a scraped page: first non-empty line is the headline
  compressed   any of these as zstd (.zst) or gzip (.gz)

A bad record (invalid JSON, binary or empty file, truncated archive, record
over the size limit) is reported with its file and line and counted as
failed; every good article is still indexed.

Exit status: 0 all input indexed, 1 some input failed (or interrupted),
2 usage error.

Examples:
  morgue-index --db ~/morgue.db sample_corpus/
  zstdcat dump.jsonl.zst | morgue-index --db ~/morgue.db -

Options)";

} // namespace

int main(int argc, char** argv)
{
    CommonOptions common;
    IndexOptions opts;
    double max_mb = 8;
    po::options_description desc(kUsage);
    add_common_options(desc, common);
    desc.add_options()
        ("max-article-size", po::value(&max_mb)->default_value(8)->value_name("MB"),
         "refuse records (JSON lines, files) larger than this many MB")
        ("update", po::bool_switch(&opts.update),
         "add new articles, replace changed ones, skip unchanged ones without re-indexing them")
        ("prune", po::bool_switch(&opts.prune),
         "with --update: delete articles no longer in their source (a file read again, or a file gone from a directory named in SOURCES)")
        ("rebuild", "build a fresh database beside the live one, compact it and switch readers to it atomically "
                    "(DB becomes a Xapian stub file naming the current generation)")
        ("shards", po::value<size_t>()->value_name("N"),
         "write N shards at once, one writer thread each (a new database, or --rebuild; default with "
         "--rebuild: one per core, else 1)")
        ("keep-shards", "with --rebuild and --shards: publish the shards behind a stub instead of merging them "
                        "into one database")
        ("wait", "if another indexer holds the database, wait for it instead of failing")
        ("stats", "print what the database holds (articles, outlets, dates, last update, size) and exit")
        ("json", "with --stats: print JSON")
        ("explain", po::bool_switch(&opts.explain),
         "print the article(s) each source yields, field by field with how each was found; index nothing")
        ("clean", po::bool_switch(&opts.clean), "also clean JSON input: read dateline and wire from the text")
        ("crawl-time", po::value<std::string>()->value_name("ISO"),
         "when the pages were fetched, to resolve '3 days ago' (default: each file's modification time)")
        ("no-copies", "do not detect syndicated copies (faster; queries then cannot collapse them)")
        ("copy-threshold", po::value(&opts.copies.threshold)->default_value(0.7)->value_name("X"),
         "share of the shorter text (0-1, estimated) two articles must have in common to be copies")
        ("copy-window-days", po::value(&opts.copies.window_days)->default_value(14)->value_name("N"),
         "look for copies only among articles this many days apart or less (when both are dated)")
        ("no-spelling", "do not build the spelling table (faster; no \"did you mean\")")
        ("batch", po::value(&opts.batch)->default_value(4000)->value_name("N"),
         "commit after every N articles (more: faster, and more memory: about 100 MB for 4000 news articles)")
        ("threads", po::value(&opts.threads)->default_value(default_threads())->value_name("N"),
         "threads parsing and tokenising JSON Lines while this one writes (default: the number of cores)");
    po::options_description hidden;
    hidden.add_options()("source", po::value(&opts.sources))
        // For measuring what DB_NO_SYNC saves a rebuild (scripts/bench-shards).
        ("fsync-build", "with --rebuild: fsync the database under construction")
        // How the CPU time divides between threads (scripts/bench-shards).
        ("thread-times", "print CPU seconds by kind of thread");
    po::options_description all;
    all.add(desc).add(hidden);
    po::positional_options_description pos;
    pos.add("source", -1);

    po::variables_map vm;
    try {
        po::store(po::command_line_parser(argc, argv).options(all).positional(pos).run(), vm);
        po::notify(vm);
    } catch (const po::error& e) {
        std::cerr << "morgue-index: " << e.what() << "\nTry 'morgue-index --help'.\n";
        return 2;
    }
    if (vm.count("help")) {
        std::cout << desc << "\n";
        return 0;
    }
    Status s = opts.explain ? Status::Ok() : resolve_database(common);
    if (s.ok() && vm.count("stats")) {
        s = print_stats(common.db, vm.count("json") > 0, std::cout);
        if (!s.ok()) std::cerr << "morgue-index: " << s.message() << "\n";
        return s.exit_code();
    }
    const bool rebuild = vm.count("rebuild") > 0;
    if (s.ok() && opts.prune && !opts.update) s = Status::Usage("--prune goes with --update");
    if (s.ok() && rebuild && (opts.update || opts.explain)) s = Status::Usage("--rebuild cannot be combined with --update or --explain");
    if (s.ok() && vm.count("shards") && vm["shards"].as<size_t>() == 0) s = Status::Usage("--shards must be positive");
    if (s.ok() && vm.count("shards") && vm["shards"].as<size_t>() > 1 && (opts.update || opts.explain))
        s = Status::Usage("--shards cannot be combined with --update or --explain (an update of a sharded "
                          "database needs no option)");
    if (s.ok() && vm.count("keep-shards") && !rebuild) s = Status::Usage("--keep-shards goes with --rebuild");
    if (s.ok() && vm.count("crawl-time")) {
        opts.crawl_time = parse_iso_datetime(vm["crawl-time"].as<std::string>());
        if (!opts.crawl_time) s = Status::Usage("--crawl-time must be an ISO date or time, e.g. 2025-06-01T12:00:00Z");
    }
    if (s.ok() && opts.sources.empty()) s = Status::Usage("no SOURCES given: name files, directories or -");
    if (s.ok() && (max_mb <= 0 || opts.batch == 0 || opts.threads == 0))
        s = Status::Usage("--max-article-size, --batch and --threads must be positive");
    if (!s.ok()) {
        std::cerr << "morgue-index: " << s.message() << "\nTry 'morgue-index --help'.\n";
        return s.exit_code();
    }
    opts.db = common.db;
    opts.spelling = vm.count("no-spelling") == 0;
    opts.copies.enabled = vm.count("no-copies") == 0;
    opts.quiet = common.quiet;
    opts.max_article_bytes = static_cast<size_t>(max_mb * 1024 * 1024);
    opts.progress = ::isatty(STDERR_FILENO) && !opts.explain;
    opts.shards = vm.count("shards") ? vm["shards"].as<size_t>() : rebuild ? default_threads() : 1;
    opts.keep_shards = vm.count("keep-shards") > 0;
    opts.no_sync = rebuild && !vm.count("fsync-build");

    install_stop_handlers();

    IndexLock lock;
    if (!opts.explain) {
        s = lock.acquire(opts.db, vm.count("wait") > 0);
        if (!s.ok()) {
            std::cerr << "morgue-index: " << s.message() << "\n";
            return s.exit_code();
        }
    }
    IndexSummary sum;
    s = rebuild ? run_rebuild(opts, &sum) : run_index(opts, &sum);
    if (!s.ok() && (s.code() != Status::Code::invalid_input || rebuild))
        std::cerr << "morgue-index: " << s.message() << "\n";
    uint64_t indexed = sum.added + sum.replaced + sum.unchanged;
    std::fprintf(stderr,
                 "morgue-index: %llu added, %llu replaced, %llu unchanged, %llu deleted, %llu failed, "
                 "%llu skipped in %.2f s (%.0f articles/s)\n",
                 static_cast<unsigned long long>(sum.added), static_cast<unsigned long long>(sum.replaced),
                 static_cast<unsigned long long>(sum.unchanged), static_cast<unsigned long long>(sum.deleted),
                 static_cast<unsigned long long>(sum.failed), static_cast<unsigned long long>(sum.skipped),
                 sum.seconds, sum.seconds > 0 ? indexed / sum.seconds : 0.0);
    if (vm.count("thread-times")) {
        record_thread_cpu("main");
        for (const auto& [kind, t] : thread_cpu())
            std::fprintf(stderr, "morgue-index: thread CPU: %s %d thread(s) %.2f s, busiest %.2f s\n", kind.c_str(),
                         t.threads, t.seconds, t.max_seconds);
    }
    return s.exit_code();
}
