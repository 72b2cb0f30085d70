// morgue-index: parse the command line, run the indexer, map to exit codes.
#include "common/cli.h"
#include "common/dates.h"
#include "common/fatal.h"
#include "indexer/index_run.h"
#include "indexer/interrupt.h"
#include "indexer/lock.h"
#include "indexer/generation.h"
#include "indexer/publish.h"
#include "indexer/rebuild.h"
#include "common/stats.h"
#include "indexer/thread_cpu.h"

#include <boost/program_options.hpp>

#include <thread>
#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include <cstdio>
#include <iostream>
#include <unistd.h>

namespace po = boost::program_options;
using namespace morgue;

namespace {

// More would only contend for the one writer; many more fail to start.
constexpr size_t kMaxThreads = 256;

size_t default_threads()
{
    unsigned n = std::thread::hardware_concurrency();
    return n ? std::min<size_t>(n, kMaxThreads) : 1;
}

const char* kUsage = R"(Usage: morgue-index --db DB [options] SOURCES...
       morgue-index --db DB --publish OUT

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
failed; every good article is still indexed. Each input that failed is
named again after the summary line ("failed input: PATH").

Exit status: 0 all input indexed, 1 some input failed (or interrupted),
2 usage error.

With --publish OUT (and no SOURCES), writes a read-only publication of DB
for query hosts: a compacted copy without the data only the indexer needs
(termlists, copy-detection terms), 15-25% smaller, that answers every
query as DB does. OUT is replaced atomically, as --rebuild replaces DB; keep
updating DB and publish again to refresh OUT. Every write to OUT is refused.

Examples:
  morgue-index --db ~/morgue.db sample_corpus/
  zstdcat dump.jsonl.zst | morgue-index --db ~/morgue.db -
  morgue-index --db ~/morgue.db --publish /srv/morgue-published.db

Options)";

// One path a line; blank lines and lines starting with # are ignored.
Status read_known_bad(const std::string& file, std::set<std::string>* out)
{
    std::ifstream in(file);
    if (!in) return Status::Usage("--known-bad: cannot read " + file);
    for (std::string line; std::getline(in, line);)
        if (!line.empty() && line[0] != '#') out->insert(line);
    return Status::Ok();
}

int run(int argc, char** argv);

// morgue-index --db MASTER --publish OUT, with both databases locked
// against indexers (and another publisher of OUT).
int publish_command(const CommonOptions& common, const std::string& out, bool wait)
{
    PublishOptions o{common.db, out, ::isatty(STDERR_FILENO) && !common.quiet};
    std::error_code ec;
    if (std::filesystem::weakly_canonical(o.master, ec) == std::filesystem::weakly_canonical(o.out, ec)) {
        std::cerr << "morgue-index: --publish OUT must be another path than DB\nTry 'morgue-index --help'.\n";
        return 2;
    }
    IndexLock master_lock, out_lock;
    Status s = master_lock.acquire(o.master, wait);
    if (s.ok()) s = out_lock.acquire(o.out, wait);
    std::string note;
    if (s.ok()) s = recover_switch(o.out, &note);
    if (!note.empty()) std::cerr << "morgue-index: " << note << "\n";
    install_stop_handlers();
    PublishSummary sum;
    if (s.ok()) s = run_publish(o, &sum);
    if (!s.ok()) {
        std::cerr << "morgue-index: " << s.message() << "\n";
        return s.exit_code();
    }
    if (!common.quiet)
        std::fprintf(stderr, "morgue-index: published %llu articles of %s to %s in %.2f s\n",
                     static_cast<unsigned long long>(sum.documents), o.master.c_str(), o.out.c_str(), sum.seconds);
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    // The last resort: whatever escapes is reported, not an abort. Work
    // committed before it stays committed.
    install_fatal_handler("morgue-index");
    try {
        return run(argc, argv);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "morgue-index: error: %s\n", e.what());
    } catch (const Xapian::Error& e) {
        std::fprintf(stderr, "morgue-index: error: %s\n", e.get_description().c_str());
    }
    return 1;
}

namespace {

int run(int argc, char** argv)
{
    CommonOptions common;
    IndexOptions opts;
    double max_mb = 8;
    po::options_description desc(kUsage);
    add_common_options(desc, common);
    add_stats_options(desc);
    desc.add_options()
        ("max-article-size", po::value(&max_mb)->default_value(8)->value_name("MB"),
         "refuse records (JSON lines, files) larger than this many MB")
        ("update", po::bool_switch(&opts.update),
         "add new articles, replace changed ones, skip unchanged ones without re-indexing them")
        ("prune", po::bool_switch(&opts.prune),
         "with --update: delete articles no longer in their source (a file read again, or a file gone from a directory named in SOURCES)")
        ("rebuild", "build a fresh database beside the live one, compact it and switch readers to it atomically "
                    "(DB becomes a Xapian stub file naming the current generation); failed inputs are reported and "
                    "the rest is switched in")
        ("publish", po::value<std::string>()->value_name("OUT"),
         "write a read-only publication of DB at OUT for query hosts (no SOURCES): compacted, without "
         "termlists and copy-detection terms, the same answers; OUT is replaced atomically, a new database "
         "each time (query hosts fetch it whole: morgue-fetch-publication)")
        ("strict", po::bool_switch(&opts.strict), "with --rebuild: switch nothing in if any input failed")
        ("known-bad", po::value<std::string>()->value_name("FILE"),
         "FILE lists inputs (one path a line, as they are reported) known to fail: their failures are still "
         "reported but do not make the exit status 1")
        ("shards", po::value<size_t>()->value_name("N"),
         "write N shards at once, one writer thread each (a new database, or --rebuild; default with "
         "--rebuild: one per core, else 1)")
        ("keep-shards", "with --rebuild and --shards: publish the shards behind a stub instead of merging them "
                        "into one database")
        ("wait", "if another indexer holds the database, wait for it instead of failing")
        ("explain", po::bool_switch(&opts.explain),
         "print the article(s) each source yields, field by field with how each was found; index nothing")
        ("clean", po::bool_switch(&opts.clean), "also clean JSON input: read dateline and wire from the text")
        ("crawl-time", po::value<std::string>()->value_name("ISO"),
         "when the pages were fetched, to resolve '3 days ago' (default: each file's modification time)")
        ("no-copies", "do not detect syndicated copies (faster; queries then cannot collapse them)")
        ("copy-threshold", po::value(&opts.copies.threshold)->default_value(0.7, "0.7")->value_name("X"),
         "share of the shorter text (0-1, estimated) two articles must have in common to be copies")
        ("copy-window-days", po::value(&opts.copies.window_days)->default_value(14)->value_name("N"),
         "look for copies only among articles this many days apart or less (when both are dated)")
        ("no-events", "do not group articles into events (faster; queries then cannot group by event)")
        ("event-threshold", po::value(&opts.events.threshold)->default_value(opts.events.threshold)->value_name("X"),
         "similarity (0-1, cosine of distinctive stems, averaged over an earlier event's reports) an article needs "
         "to join that event; two thirds of it suffice when that is 2.4 times its similarity to any other event")
        ("event-window-days", po::value(&opts.events.window_days)->default_value(opts.events.window_days)->value_name("N"),
         "join only events reported this many days apart or less (when both are dated); beyond 7 days a "
         "similarity counts half as much every 14 days")
        ("no-spelling", "do not build the spelling table (faster; no \"did you mean\")")
        ("batch", po::value(&opts.batch)->default_value(opts.batch)->value_name("N"),
         "commit at least every N articles (what a crash can lose); a writer also commits whenever its "
         "pending changes reach a fixed volume, which keeps it fast and its memory bounded")
        ("threads", po::value(&opts.threads)->default_value(default_threads())->value_name("N"),
         "threads parsing and tokenising JSON Lines while this one writes (default: the number of cores)");
    po::options_description hidden;
    hidden.add_options()("source", po::value(&opts.sources))
        // For measuring what DB_NO_SYNC saves a rebuild (scripts/bench-shards).
        ("fsync-build", "with --rebuild: fsync the database under construction")
        // How the CPU time divides between threads (scripts/bench-shards).
        ("thread-times", "print CPU seconds by kind of thread")
        // The pending volume at which a writer commits (scripts/bench-shards --kinds batch).
        ("commit-postings", po::value(&opts.commit_postings), "commit when this many postings are pending");
    po::options_description all;
    all.add(desc).add(hidden);
    po::positional_options_description pos;
    pos.add("source", -1);

    po::variables_map vm;
    if (Status p = parse_command_line(argc, argv, all, &pos, &vm); !p.ok()) {
        std::cerr << "morgue-index: " << p.message() << "\nTry 'morgue-index --help'.\n";
        return p.exit_code();
    }
    if (answer_help_or_version(vm, desc, "morgue-index", std::cout)) return 0;
    if (auto rc = answer_stats(vm, common, "morgue-index")) return *rc;
    Status s = opts.explain ? Status::Ok() : resolve_database(common);
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
    const bool publish = vm.count("publish") > 0;
    if (s.ok() && publish &&
        (rebuild || opts.update || opts.explain || vm.count("shards") || !opts.sources.empty()))
        s = Status::Usage("--publish OUT takes no SOURCES and no --update, --rebuild, --explain or --shards");
    if (s.ok() && publish && vm["publish"].as<std::string>().empty()) s = Status::Usage("--publish needs a path");
    if (s.ok() && publish) return publish_command(common, vm["publish"].as<std::string>(), vm.count("wait") > 0);
    if (s.ok() && opts.sources.empty()) s = Status::Usage("no SOURCES given: name files, directories or -");
    if (s.ok() && (max_mb <= 0 || opts.batch == 0 || opts.commit_postings == 0))
        s = Status::Usage("--max-article-size and --batch must be positive");
    if (s.ok() && (opts.threads == 0 || opts.threads > kMaxThreads))
        s = Status::Usage("--threads must be from 1 to " + std::to_string(kMaxThreads));
    if (s.ok() && opts.copies.window_days < 0) s = Status::Usage("--copy-window-days must not be negative");
    if (s.ok() && !(opts.copies.threshold >= 0 && opts.copies.threshold <= 1))
        s = Status::Usage("--copy-threshold must be from 0 to 1");
    if (s.ok() && opts.strict && !rebuild) s = Status::Usage("--strict goes with --rebuild");
    if (s.ok() && vm.count("known-bad")) s = read_known_bad(vm["known-bad"].as<std::string>(), &opts.known_bad);
    if (!s.ok()) {
        std::cerr << "morgue-index: " << s.message() << "\nTry 'morgue-index --help'.\n";
        return s.exit_code();
    }
    opts.db = common.db;
    opts.spelling = vm.count("no-spelling") == 0;
    opts.copies.enabled = vm.count("no-copies") == 0;
    opts.events.enabled = vm.count("no-events") == 0;
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
    if (!opts.explain) {
        std::string note;
        s = recover_switch(opts.db, &note);
        if (!note.empty()) std::cerr << "morgue-index: " << note << "\n";
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
    for (const auto& f : sum.failed_inputs)
        std::fprintf(stderr, "morgue-index: failed input: %s%s\n", f.c_str(),
                     opts.known_bad.count(f) ? " (known bad)" : "");
    if (vm.count("thread-times")) {
        record_thread_cpu("main");
        for (const auto& [kind, t] : thread_cpu())
            std::fprintf(stderr, "morgue-index: thread CPU: %s %d thread(s) %.2f s, busiest %.2f s\n", kind.c_str(),
                         t.threads, t.seconds, t.max_seconds);
    }
    return s.exit_code();
}

} // namespace
