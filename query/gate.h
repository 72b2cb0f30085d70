// The server's connection gate: a waiting room in front of the worker
// threads. cpp-httplib gives each connection a thread for as long as it is
// open, so slow or idle clients (one byte a second, a keep-alive left open)
// could hold every thread and starve everyone else. Here one epoll thread
// holds every connection until a whole request (headers and body) has
// arrived or its time is up; only then does a worker thread serve it, and
// the connection comes back to the waiting room for its next request. A
// slow client costs a file descriptor and a buffer, never a thread.
// docs/http-api.md explains the limits.
#pragma once

#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <list>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace morgue {

struct GateLimits {
    double request_seconds = 10; // from accept, or from the previous answer, to a whole request
    double write_seconds = 5;    // to hand one answer to a client that does not read
    size_t max_header = 16384;   // request line and headers: more is refused with 431
    size_t max_body = 65536;     // a body over this is left to the HTTP library (413)
    size_t requests_per_connection = 1000;
    size_t max_connections = 4096; // open at once; more are closed at once
    unsigned workers = 32;
};

struct Connection {
    int fd = -1;
    std::string buf;  // bytes received and not yet read by the HTTP library
    size_t pos = 0;   // how much of buf it has read
    std::chrono::steady_clock::time_point deadline;
    size_t requests_left = 0;
    std::list<Connection*>::iterator in_line; // its place in the waiting room
};

// An httplib::Stream over a Connection: reads the request the waiting room
// collected, writes the answer within the write time limit.
class ConnectionStream : public httplib::Stream {
public:
    ConnectionStream(Connection& c, double write_seconds) : c_(c), write_seconds_(write_seconds) {}
    bool is_readable() const override;
    bool is_writable() const override;
    ssize_t read(char* ptr, size_t size) override;
    ssize_t write(const char* ptr, size_t size) override;
    void get_remote_ip_and_port(std::string& ip, int& port) const override;
    void get_local_ip_and_port(std::string& ip, int& port) const override;
    socket_t socket() const override { return c_.fd; }

private:
    Connection& c_;
    double write_seconds_;
};

class Gate {
public:
    // Serves the one request at the head of the connection's buffer; true
    // to keep the connection for another.
    using Handler = std::function<bool(Connection&)>;

    Gate(const GateLimits& limits, Handler handler);
    ~Gate();
    Gate(const Gate&) = delete;
    Gate& operator=(const Gate&) = delete;

    // Takes a newly accepted socket (from the accept thread).
    void admit(int fd);
    // Closes every waiting connection, lets the workers finish their
    // requests and joins the threads.
    void stop();

private:
    void wait_for_request(Connection* c); // into the waiting room
    bool next_request_soon(Connection* c); // a whole next request within a few ms
    void poll_loop();
    void work_loop();
    void on_readable(Connection* c);
    void expire();
    void close_connection(Connection* c, const std::string* reply); // with mutex_ held

    GateLimits limits_;
    Handler handler_;
    int epoll_fd_ = -1;
    int wake_fd_ = -1; // an eventfd: stop() wakes the poll thread with it
    std::mutex mutex_;
    std::condition_variable ready_cv_;
    std::list<Connection*> line_;    // waiting, earliest deadline first
    std::deque<Connection*> ready_;  // a whole request received
    size_t open_ = 0;
    bool stopping_ = false;
    std::thread poller_;
    std::vector<std::thread> workers_;
};

} // namespace morgue
