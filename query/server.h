// morgue-query serve: the HTTP server (cpp-httplib) in front of the JSON API
// (api.h) and the embedded page (assets.h).
#pragma once

#include "common/status.h"

#include <string>

namespace morgue {

struct ServeOptions {
    std::string db;
    std::string bind = "127.0.0.1"; // loopback unless asked: a public site sits behind a proxy
    int port = 8080;                // 0: any free port (printed on start)
    unsigned threads = 32;          // requests served at once (worker threads, each with its own database handle)
    double request_timeout = 10;    // seconds for a whole request to arrive (from connect or the previous answer)
    size_t max_connections = 4096;  // open at once, slow and idle ones included
    bool log_requests = false;      // one line per request on stderr
    double time_limit = 5;          // seconds per search before the answer is cut short (marked partial)
    unsigned max_export_rows = 100000; // GET /api/export refuses more matches than this
};

// Serves until SIGINT or SIGTERM. Prints "morgue-query: serving DB at
// http://HOST:PORT/" on stdout once it accepts connections.
Status serve(const ServeOptions& options);

} // namespace morgue
