#include "serve_main.h"

#include "cli.h"
#include "server.h"
#include "shard_options.h"

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
         "connections served at once (each worker thread keeps its own database handle)")
        ("log-requests", po::bool_switch(&opt.log_requests), "print one line per request on stderr");
    po::variables_map vm;
    try {
        po::store(po::command_line_parser(argc, argv).options(desc).run(), vm);
        po::notify(vm);
    } catch (const po::error& e) {
        std::cerr << "morgue-query serve: " << e.what() << "\nTry 'morgue-query serve --help'.\n";
        return 2;
    }
    if (vm.count("help")) {
        std::cout << desc << "\n";
        return 0;
    }
    Status s = resolve_database(common);
    if (s.ok() && !apply_shard_options(shards)) s = Status::Usage("--remote-timeout must be more than 0 and at most 3600 seconds");
    if (s.ok() && (opt.port < 0 || opt.port > 65535)) s = Status::Usage("--port must be from 0 to 65535");
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
