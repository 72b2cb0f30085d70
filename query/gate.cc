#include "query/gate.h"

#include "query/request_frame.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace morgue {

namespace {

using Clock = std::chrono::steady_clock;

Clock::time_point after(double seconds)
{
    return Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
}

// Milliseconds from now to `t` for poll(2), at least 0.
int millis_until(Clock::time_point t)
{
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(t - Clock::now()).count();
    return static_cast<int>(std::clamp<long long>(ms, 0, 1000 * 1000));
}

bool wait_for(int fd, short events, Clock::time_point until)
{
    pollfd p{fd, events, 0};
    for (;;) {
        int n = ::poll(&p, 1, millis_until(until));
        if (n > 0) return true;
        if (n == 0 || errno != EINTR) return false;
    }
}

void address_of(int fd, bool peer, std::string& ip, int& port)
{
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    int r = peer ? ::getpeername(fd, reinterpret_cast<sockaddr*>(&addr), &len)
                 : ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    if (r != 0) return;
    char text[INET6_ADDRSTRLEN] = "";
    if (addr.ss_family == AF_INET) {
        auto* a = reinterpret_cast<sockaddr_in*>(&addr);
        ::inet_ntop(AF_INET, &a->sin_addr, text, sizeof text);
        port = ntohs(a->sin_port);
    } else if (addr.ss_family == AF_INET6) {
        auto* a = reinterpret_cast<sockaddr_in6*>(&addr);
        ::inet_ntop(AF_INET6, &a->sin6_addr, text, sizeof text);
        port = ntohs(a->sin6_port);
    }
    ip = text;
}

// The answers the gate gives itself, before any worker sees the request.
std::string canned(const char* status, const char* message)
{
    const std::string body = std::string("{\"error\":\"") + message + "\"}";
    return std::string("HTTP/1.1 ") + status + "\r\nContent-Type: application/json; charset=utf-8\r\n" +
           "Connection: close\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}
const std::string kTimeout = canned("408 Request Timeout", "the request did not arrive in time");
const std::string kTooLarge = canned("431 Request Header Fields Too Large", "the request headers are too large");
const std::string kUriTooLong = canned("414 URI Too Long", "request URI too long");
const std::string kBadBody = canned("400 Bad Request", "a request body needs one Content-Length and no Transfer-Encoding");

} // namespace

bool ConnectionStream::is_readable() const
{
    return c_.pos < c_.buf.size() || wait_for(c_.fd, POLLIN, c_.deadline);
}

bool ConnectionStream::is_writable() const { return wait_for(c_.fd, POLLOUT, after(write_seconds_)); }

ssize_t ConnectionStream::read(char* ptr, size_t size)
{
    if (c_.pos < c_.buf.size()) {
        size_t n = std::min(size, c_.buf.size() - c_.pos);
        std::memcpy(ptr, c_.buf.data() + c_.pos, n);
        c_.pos += n;
        return static_cast<ssize_t>(n);
    }
    // The waiting room framed the whole request, so this is rare (a client
    // that sent less than it declared): bounded by the request's deadline.
    if (!wait_for(c_.fd, POLLIN, c_.deadline)) return -1;
    return ::recv(c_.fd, ptr, size, MSG_DONTWAIT);
}

ssize_t ConnectionStream::write(const char* ptr, size_t size)
{
    const auto until = after(write_seconds_);
    size_t sent = 0;
    while (sent < size) {
        ssize_t n = ::send(c_.fd, ptr + sent, size - sent, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n > 0) {
            sent += static_cast<size_t>(n);
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            if (!wait_for(c_.fd, POLLOUT, until)) return -1;
        } else {
            return -1;
        }
    }
    return static_cast<ssize_t>(sent);
}

void ConnectionStream::get_remote_ip_and_port(std::string& ip, int& port) const { address_of(c_.fd, true, ip, port); }
void ConnectionStream::get_local_ip_and_port(std::string& ip, int& port) const { address_of(c_.fd, false, ip, port); }

Gate::Gate(const GateLimits& limits, Handler handler) : limits_(limits), handler_(std::move(handler))
{
    epoll_fd_ = ::epoll_create1(EPOLL_CLOEXEC);
    wake_fd_ = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.ptr = nullptr; // the wake-up eventfd
    ::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, wake_fd_, &ev);
    poller_ = std::thread([this] { poll_loop(); });
    for (unsigned i = 0; i < limits_.workers; ++i) workers_.emplace_back([this] { work_loop(); });
}

Gate::~Gate()
{
    stop();
    ::close(epoll_fd_);
    ::close(wake_fd_);
}

void Gate::admit(int fd)
{
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (stopping_ || open_ >= limits_.max_connections) {
            ::close(fd);
            return;
        }
        ++open_;
    }
    auto* c = new Connection;
    c->fd = fd;
    c->requests_left = limits_.requests_per_connection;
    wait_for_request(c);
}

void Gate::wait_for_request(Connection* c)
{
    c->deadline = after(limits_.request_seconds);
    // Drop what the HTTP library has read (a pipelining client must not grow the buffer).
    c->buf.erase(0, c->pos);
    c->pos = 0;
    std::lock_guard<std::mutex> lock(mutex_);
    size_t length = 0;
    // A pipelined request may be here already.
    if (frame_request(std::string_view(c->buf).substr(c->pos), limits_.max_header, limits_.max_body, &length) ==
        Frame::complete) {
        ready_.push_back(c);
        ready_cv_.notify_one();
        return;
    }
    // Under the lock, so that expire() cannot close the fd before it is watched.
    c->in_line = line_.insert(line_.end(), c);
    epoll_event ev{};
    ev.events = EPOLLIN | EPOLLONESHOT;
    ev.data.ptr = c;
    ::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, c->fd, &ev);
}

void Gate::poll_loop()
{
    epoll_event events[64];
    for (;;) {
        int timeout = 1000;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            if (stopping_) return;
            if (!line_.empty()) timeout = std::min(timeout, millis_until(line_.front()->deadline) + 1);
        }
        int n = ::epoll_wait(epoll_fd_, events, 64, timeout);
        for (int i = 0; i < n; ++i)
            if (events[i].data.ptr) on_readable(static_cast<Connection*>(events[i].data.ptr));
        expire();
    }
}

void Gate::on_readable(Connection* c)
{
    // Read what is there, never more than one request's worth past what the
    // HTTP library has not read yet.
    const size_t cap = limits_.max_header + limits_.max_body + 4096;
    bool closed = false;
    char chunk[16384];
    while (c->buf.size() - c->pos < cap) {
        ssize_t n = ::recv(c->fd, chunk, sizeof chunk, MSG_DONTWAIT);
        if (n > 0) {
            c->buf.append(chunk, static_cast<size_t>(n));
            continue;
        }
        if (n < 0 && errno == EINTR) continue;
        closed = n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK);
        break;
    }
    size_t length = 0;
    Frame f = frame_request(std::string_view(c->buf).substr(c->pos), limits_.max_header, limits_.max_body, &length);
    std::lock_guard<std::mutex> lock(mutex_);
    if (f == Frame::incomplete && !closed) {
        epoll_event ev{};
        ev.events = EPOLLIN | EPOLLONESHOT;
        ev.data.ptr = c;
        ::epoll_ctl(epoll_fd_, EPOLL_CTL_MOD, c->fd, &ev);
        return;
    }
    line_.erase(c->in_line);
    ::epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, c->fd, nullptr);
    if (f == Frame::complete) {
        // A client that sent its request and closed its side still gets the answer.
        ready_.push_back(c);
        ready_cv_.notify_one();
        return;
    }
    const std::string* reply = nullptr;
    if (f == Frame::bad_body) reply = &kBadBody;
    // The request line alone over the limit: the URI is what is too long.
    if (f == Frame::too_large)
        reply = c->buf.find('\n', c->pos) - c->pos >= limits_.max_header ? &kUriTooLong : &kTooLarge;
    close_connection(c, reply);
}

void Gate::expire()
{
    std::lock_guard<std::mutex> lock(mutex_);
    const auto now = Clock::now();
    while (!line_.empty() && line_.front()->deadline <= now) {
        Connection* c = line_.front();
        line_.pop_front();
        ::epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, c->fd, nullptr);
        // An idle keep-alive connection is just closed; a half-sent request is told why.
        close_connection(c, c->buf.size() > c->pos ? &kTimeout : nullptr);
    }
}

// With mutex_ held.
void Gate::close_connection(Connection* c, const std::string* reply)
{
    if (reply) (void)!::send(c->fd, reply->data(), reply->size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    ::shutdown(c->fd, SHUT_RDWR);
    ::close(c->fd);
    delete c;
    --open_;
}

void Gate::work_loop()
{
    for (;;) {
        Connection* c = nullptr;
        {
            std::unique_lock<std::mutex> lock(mutex_);
            ready_cv_.wait(lock, [this] { return stopping_ || !ready_.empty(); });
            if (ready_.empty()) return; // stopping, nothing left to answer
            c = ready_.front();
            ready_.pop_front();
        }
        for (;;) {
            bool keep = handler_(*c) && --c->requests_left > 0;
            bool stopping;
            {
                std::lock_guard<std::mutex> lock(mutex_);
                stopping = stopping_;
                if (!keep || stopping) close_connection(c, nullptr);
            }
            if (!keep || stopping) break;
            if (!next_request_soon(c)) {
                wait_for_request(c);
                break;
            }
        }
    }
}

// A keep-alive client usually sends its next request as soon as it has the
// answer: waiting a moment for it here saves the trip through the waiting
// room (two thread wake-ups, which cost most on a busy machine). A worker
// gives a connection at most kLinger after each answer, so slow clients
// still cannot hold it.
bool Gate::next_request_soon(Connection* c)
{
    constexpr auto kLinger = std::chrono::milliseconds(5);
    c->buf.erase(0, c->pos);
    c->pos = 0;
    const auto until = Clock::now() + kLinger;
    for (;;) {
        size_t length = 0;
        if (frame_request(std::string_view(c->buf).substr(c->pos), limits_.max_header, limits_.max_body, &length) ==
            Frame::complete) {
            c->deadline = after(limits_.request_seconds);
            return true;
        }
        if (c->buf.size() - c->pos >= limits_.max_header || !wait_for(c->fd, POLLIN, until)) return false;
        char chunk[16384];
        ssize_t n = ::recv(c->fd, chunk, sizeof chunk, MSG_DONTWAIT);
        if (n <= 0) return false; // closed, or nothing after all: the waiting room sees to it
        c->buf.append(chunk, static_cast<size_t>(n));
    }
}

void Gate::stop()
{
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (stopping_) return;
        stopping_ = true;
    }
    uint64_t one = 1;
    (void)!::write(wake_fd_, &one, sizeof one);
    ready_cv_.notify_all();
    poller_.join();
    for (auto& w : workers_) w.join();
    std::lock_guard<std::mutex> lock(mutex_);
    for (Connection* c : line_) close_connection(c, nullptr);
    line_.clear();
    for (Connection* c : ready_) close_connection(c, nullptr);
    ready_.clear();
}

} // namespace morgue
