#include "query/server.h"

#include "query/api.h"
#include "query/api_export.h"
#include "query/export.h"
#include "query/assets.h"
#include "query/gate.h"
#include "common/reader.h"

#include <httplib.h>

#include <csignal>
#include <iostream>
#include <memory>
#include <mutex>
#include <pthread.h>
#include <sys/socket.h>
#include <thread>

namespace morgue {

namespace {

// Sent with every response: the page loads only its own files, and nothing
// may frame it or guess a content type.
const httplib::Headers kSecurityHeaders = {
    {"Content-Security-Policy",
     "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
     "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"},
    {"X-Content-Type-Options", "nosniff"},
    {"Referrer-Policy", "no-referrer"},
    {"X-Frame-Options", "DENY"},
};

constexpr const char* kJson = "application/json; charset=utf-8";

// The words for the statuses httplib sets on its own (its table is not exported).
std::string reason(int status)
{
    switch (status) {
    case 400: return "bad request";
    case 404: return "not found";
    case 413: return "request too large";
    case 414: return "request URI too long";
    case 416: return "range not satisfiable";
    default: return "HTTP status " + std::to_string(status);
    }
}

void reply(httplib::Response& res, const ApiReply& r)
{
    res.status = r.status;
    res.set_header("Cache-Control", "no-store");
    res.set_content(r.body, kJson);
}

// Xapian objects must not be used by two threads at once: each worker thread
// keeps its own LiveDatabase, opened on its first request and refreshed on
// every one after (a commit, or a rebuild's switch, is seen at once). A
// remote shard's connection that failed stays failed: the handle is then
// dropped and the next request connects afresh (a restarted shard is used
// again without restarting the server).
Status thread_database(const std::string& path, Xapian::Database** out)
{
    thread_local std::unique_ptr<LiveDatabase> live;
    Status s;
    if (live && live->path() == path) {
        s = live->refresh();
        if (!s.ok()) live.reset();
    }
    if (!live) s = LiveDatabase::open(path, &live);
    if (!s.ok()) {
        live.reset();
        return s;
    }
    *out = &live->db();
    return Status::Ok();
}

// Runs an API call against this thread's database; 503 when it cannot be opened.
template <class Call>
void with_database(const std::string& path, httplib::Response& res, Call call)
{
    Xapian::Database* db = nullptr;
    Status s = thread_database(path, &db);
    if (!s.ok()) {
        std::cerr << "morgue-query serve: " << s.message() << "\n";
        reply(res, error_reply(503, "the database cannot be opened just now"));
        return;
    }
    reply(res, call(*db));
}

// GET /api/export: checked and counted first (errors are JSON with their
// status), then streamed in chunks, so the rows are never all in memory.
// A failure half-way ends the response unfinished: the client sees a
// broken transfer, never a short export that looks whole.
void serve_export(const std::string& path, unsigned max_rows, const httplib::Request& req, httplib::Response& res)
{
    auto plan = std::make_shared<ExportPlan>();
    ApiReply planned{200, ""};
    with_database(path, res, [&](Xapian::Database& d) {
        planned = plan_export(d, path, req.params, max_rows, plan.get());
        return planned;
    });
    if (res.status != 200 || planned.status != 200) return; // an error, already in res
    res.body.clear();
    res.headers.erase("Content-Type"); // the content provider sets its own
    res.set_header("Content-Disposition", "attachment; filename=\"" + plan->filename + "\"");
    res.set_header("X-Morgue-Matches", std::to_string(plan->matches));
    res.set_chunked_content_provider(plan->content_type, [path, plan](size_t, httplib::DataSink& sink) {
        Xapian::Database* db = nullptr;
        Status s = thread_database(path, &db);
        if (s.ok())
            s = export_matches(*db, plan->request, plan->format,
                               [&sink](const std::string& piece) { return sink.write(piece.data(), piece.size()); });
        if (!s.ok()) {
            std::cerr << "morgue-query serve: export: " << s.message() << "\n";
            return false;
        }
        sink.done();
        return true;
    });
}

void serve_asset(const httplib::Request& req, httplib::Response& res)
{
    const Asset* a = find_asset(req.path);
    if (!a) {
        reply(res, error_reply(404, "not found"));
        return;
    }
    res.set_header("ETag", std::string(a->etag));
    res.set_header("Cache-Control", "no-cache"); // revalidate: cheap with the ETag, never stale
    if (req.get_header_value("If-None-Match") == a->etag) {
        res.status = 304;
        return;
    }
    res.set_content(a->body.data(), a->body.size(), std::string(a->content_type).c_str());
}

// httplib's server with its thread-per-connection model replaced by the
// gate (gate.h): httplib accepts connections and parses and answers
// requests; the gate decides when a connection has a request worth a thread.
class GatedServer : public httplib::Server {
public:
    explicit GatedServer(const GateLimits& limits)
    {
        // The accept thread hands each connection straight to the gate.
        new_task_queue = [] { return new InlineQueue; };
        gate_ = std::make_unique<Gate>(limits, [this](Connection& c) { return serve_one(c); });
    }
    ~GatedServer() override { gate_->stop(); }
    void stop_gate() { gate_->stop(); }
    // httplib listens with a backlog of 5: a burst of new connections would
    // overflow it and be reset. Listening again on the bound socket
    // enlarges the queue (Linux).
    void widen_backlog() { ::listen(svr_sock_, SOMAXCONN); }

private:
    struct InlineQueue : httplib::TaskQueue {
        void enqueue(std::function<void()> fn) override { fn(); }
        void shutdown() override {}
    };

    // Called by httplib's accept loop for each new connection (through
    // InlineQueue); the gate owns the socket from here on.
    bool process_and_close_socket(socket_t sock) override
    {
        gate_->admit(sock);
        return true;
    }

    bool serve_one(Connection& c)
    {
        ConnectionStream stream(c, write_seconds_);
        bool closed = false;
        bool last = c.requests_left <= 1;
        bool ok = process_request(stream, last, closed, nullptr);
        return ok && !closed && !last;
    }

    double write_seconds_ = GateLimits{}.write_seconds;
    std::unique_ptr<Gate> gate_;
};

void setup(httplib::Server& svr, const ServeOptions& opt)
{
    const std::string db = opt.db;
    svr.set_default_headers(kSecurityHeaders);
    // Headers and body are two writes: with Nagle's algorithm the second
    // waits for the client's delayed ACK (~40 ms) on a keep-alive connection.
    svr.set_tcp_nodelay(true);
    svr.set_payload_max_length(1 << 16); // only GET and HEAD: no body worth reading

    // Only GET and HEAD (httplib answers HEAD with the GET handlers, without a body).
    svr.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
        if (req.method == "GET" || req.method == "HEAD") return httplib::Server::HandlerResponse::Unhandled;
        res.set_header("Allow", "GET, HEAD");
        reply(res, error_reply(405, "method " + req.method + " not allowed (only GET and HEAD)"));
        return httplib::Server::HandlerResponse::Handled;
    });
    const double time_limit = opt.time_limit;
    svr.Get("/api/search", [db, time_limit](const httplib::Request& req, httplib::Response& res) {
        with_database(db, res, [&](Xapian::Database& d) { return api_search(d, db, req.params, time_limit); });
    });
    // Before /api/article/ID, which would take "ID/related" for an id.
    svr.Get("/api/article/(.+)/related", [db](const httplib::Request& req, httplib::Response& res) {
        with_database(db, res, [&](Xapian::Database& d) { return api_related(d, db, req.matches[1].str(), req.params); });
    });
    svr.Get("/api/article/(.+)", [db](const httplib::Request& req, httplib::Response& res) {
        with_database(db, res, [&](Xapian::Database& d) { return api_article(d, db, req.matches[1].str()); });
    });
    const unsigned max_export = opt.max_export_rows;
    svr.Get("/api/export", [db, max_export](const httplib::Request& req, httplib::Response& res) {
        serve_export(db, max_export, req, res);
    });
    svr.Get("/api/stats", [db](const httplib::Request&, httplib::Response& res) { reply(res, api_stats(db)); });
    // Everything else is an embedded file or nothing: no path reaches the disk.
    svr.Get(".*", serve_asset);

    // Errors httplib finds itself (a bad request line, a URI too long) get a JSON body too.
    svr.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        reply(res, error_reply(res.status, reason(res.status)));
        return httplib::Server::HandlerResponse::Handled;
    }));
    svr.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
        try {
            std::rethrow_exception(ep);
        } catch (const std::exception& e) {
            std::cerr << "morgue-query serve: " << e.what() << "\n";
        } catch (...) {
            std::cerr << "morgue-query serve: unknown exception\n";
        }
        reply(res, error_reply(500, "internal error"));
    });
    if (opt.log_requests) {
        auto mutex = std::make_shared<std::mutex>();
        svr.set_logger([mutex](const httplib::Request& req, const httplib::Response& res) {
            std::lock_guard<std::mutex> lock(*mutex);
            std::cerr << res.status << " " << req.method << " " << req.target << "\n";
        });
    }
}

} // namespace

Status serve(const ServeOptions& opt)
{
    // Fail at start, not on the first request, when there is no database.
    {
        std::unique_ptr<LiveDatabase> probe;
        Status s = LiveDatabase::open(opt.db, &probe);
        if (!s.ok()) return s;
    }
    // SIGINT/SIGTERM are blocked in every thread (workers inherit the mask)
    // and taken by one waiting thread, which stops the server cleanly.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    GateLimits limits;
    limits.workers = opt.threads;
    limits.request_seconds = opt.request_timeout;
    limits.max_connections = opt.max_connections;
    GatedServer svr(limits);
    setup(svr, opt);
    int port = opt.port;
    if (port == 0) port = svr.bind_to_any_port(opt.bind);
    else if (!svr.bind_to_port(opt.bind, port)) port = -1;
    if (port < 0) return Status::IOError("cannot listen on " + opt.bind + ":" + std::to_string(opt.port));
    svr.widen_backlog();

    std::thread waiter([&svr, &stop_signals] {
        int sig = 0;
        sigwait(&stop_signals, &sig);
        svr.stop();
    });
    const std::string host = opt.bind.find(':') != std::string::npos ? "[" + opt.bind + "]" : opt.bind;
    std::cout << "morgue-query: serving " << opt.db << " at http://" << host << ":" << port << "/" << std::endl;
    bool ok = svr.listen_after_bind();
    pthread_kill(waiter.native_handle(), SIGTERM); // wakes the waiter if no signal came
    waiter.join();
    svr.stop_gate();
    return ok ? Status::Ok() : Status::IOError("the server stopped accepting connections");
}

} // namespace morgue
