#include "query/serve_main.h"

#include "common/cli.h"
#include "query/server.h"
#include "query/shard_options.h"

#include <boost/program_options.hpp>

#include <iostream>

namespace po = boost::program_options;

namespace morgue {

namespace {

const char* kServeUsage = R"(Usage: morgue-query serve --db DB [--port 8080] [--bind 127.0.0.1]

Serves the morgue database DB ($MORGUE_DB when --db is not given) over HTTP:
a search page at / and a JSON API (see docs/http-api.md):
  GET /api/search?q=oil+prices&outlet=Reuters&since=1987-03-01&limit=10
  GET /api/article/ID     the whole text and metadata of one article
  GET /api/export?q=...&format=csv   every match as CSV or JSON Lines (streamed)
  GET /api/stats          what the database holds

It listens on loopback unless --bind says otherwise: put a reverse proxy in
front of it to publish it. A nightly morgue-index --rebuild or --update is
seen by the next request, without a restart. SIGINT or SIGTERM stop it.

Exit status: 0 stopped by a signal, 1 no database or cannot listen, 2 usage error.

Options)";

} // namespace

int serve_main(int argc, char** argv)
{
    CommonOptions common;
    ServeOptions opt;
    po::options_description desc(kServeUsage);
    add_common_options(desc, common);
    ShardOptions shards;
    add_shard_options(desc, shards);
    desc.add_options()
        ("port,p", po::value(&opt.port)->default_value(opt.port)->value_name("N"),
         "TCP port to listen on (0: any free port, printed on start)")
        ("bind", po::value(&opt.bind)->default_value(opt.bind)->value_name("ADDRESS"),
         "address to listen on (0.0.0.0 for every interface)")
        ("threads", po::value(&opt.threads)->default_value(opt.threads)->value_name("N"),
         "requests served at once (each worker thread keeps its own database handle)")
        ("request-timeout", po::value(&opt.request_timeout)->default_value(opt.request_timeout, "10")->value_name("SECONDS"),
         "time for a whole request (headers and all) to arrive, from connect or the previous answer")
        ("max-connections", po::value(&opt.max_connections)->default_value(opt.max_connections)->value_name("N"),
         "connections open at once, idle and slow ones included (each costs a file descriptor, not a thread)")
        ("time-limit", po::value(&opt.time_limit)->default_value(opt.time_limit, "5")->value_name("SECONDS"),
         "time for one search; when it runs out the answer is marked partial (0: none)")
        ("log-requests", po::bool_switch(&opt.log_requests), "print one line per request on stderr")
        ("max-export-rows", po::value(&opt.max_export_rows)->default_value(opt.max_export_rows)->value_name("N"),
         "GET /api/export refuses a query with more matches than this");
    po::variables_map vm;
    if (Status p = parse_command_line(argc, argv, desc, nullptr, &vm); !p.ok()) {
        std::cerr << "morgue-query serve: " << p.message() << "\nTry 'morgue-query serve --help'.\n";
        return p.exit_code();
    }
    if (answer_help_or_version(vm, desc, "morgue-query", std::cout)) return 0;
    Status s = resolve_database(common);
    if (s.ok() && !apply_shard_options(shards)) s = Status::Usage("--remote-timeout must be more than 0 and at most 3600 seconds");
    if (s.ok() && (opt.port < 0 || opt.port > 65535)) s = Status::Usage("--port must be from 0 to 65535");
    if (s.ok() && !(opt.time_limit >= 0 && opt.time_limit <= 3600))
        s = Status::Usage("--time-limit must be from 0 to 3600 seconds");
    if (s.ok() && !(opt.request_timeout >= 0.1 && opt.request_timeout <= 3600))
        s = Status::Usage("--request-timeout must be from 0.1 to 3600 seconds");
    if (s.ok() && (opt.max_connections < 1 || opt.max_connections > 1000000))
        s = Status::Usage("--max-connections must be from 1 to 1000000");
    if (s.ok() && (opt.threads < 1 || opt.threads > 1024)) s = Status::Usage("--threads must be from 1 to 1024");
    if (s.ok()) {
        opt.db = common.db;
        s = serve(opt);
    }
    if (!s.ok()) {
        std::cerr << "morgue-query serve: " << s.message() << "\n";
        return s.exit_code();
    }
    return 0;
}

} // namespace morgue
