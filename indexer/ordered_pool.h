// Worker threads that turn jobs into results, handed back in the order the
// jobs were pushed: the indexer parses and tokenises on the workers while its
// own thread writes the database (a Xapian database has one writer), and
// articles still go in input order. Memory stays bounded: push() waits while
// `max_in_flight` jobs are unfinished or unclaimed.
#pragma once

#include "indexer/thread_cpu.h"

#include <condition_variable>
#include <csignal>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <pthread.h>
#include <system_error>
#include <thread>
#include <vector>

namespace morgue {

template <class Job, class Result, class WorkerState>
class OrderedPool {
public:
    using Work = std::function<Result(Job&, WorkerState&)>;

    OrderedPool(size_t workers, size_t max_in_flight, Work work)
        : work_(std::move(work)), max_in_flight_(max_in_flight ? max_in_flight : 1)
    {
        // Stop signals stay with the caller's thread, whose blocking reads
        // they must interrupt.
        sigset_t block, old;
        sigemptyset(&block);
        sigaddset(&block, SIGINT);
        sigaddset(&block, SIGTERM);
        pthread_sigmask(SIG_BLOCK, &block, &old);
        try {
            for (size_t i = 0; i < (workers ? workers : 1); ++i) threads_.emplace_back([this] { loop(); });
        } catch (const std::system_error&) {
            // The system would not start that many: work with those it did.
            if (threads_.empty()) {
                pthread_sigmask(SIG_SETMASK, &old, nullptr);
                throw;
            }
        }
        pthread_sigmask(SIG_SETMASK, &old, nullptr);
    }
    ~OrderedPool()
    {
        {
            std::lock_guard<std::mutex> lock(mu_);
            closing_ = true;
        }
        job_ready_.notify_all();
        for (auto& t : threads_) t.join();
    }
    OrderedPool(const OrderedPool&) = delete;
    OrderedPool& operator=(const OrderedPool&) = delete;

    // Queues a job; waits while too many are in flight (the caller should
    // pop() results meanwhile: ready() says when one is waiting).
    void push(Job job)
    {
        std::unique_lock<std::mutex> lock(mu_);
        room_.wait(lock, [&] { return pushed_ - popped_ < max_in_flight_; });
        jobs_.emplace_back(pushed_++, std::move(job));
        lock.unlock();
        job_ready_.notify_one();
    }
    bool full()
    {
        std::lock_guard<std::mutex> lock(mu_);
        return pushed_ - popped_ >= max_in_flight_;
    }
    // The next result in push order, waiting for it; false when none is due.
    bool pop(Result* out)
    {
        std::unique_lock<std::mutex> lock(mu_);
        if (popped_ == pushed_) return false;
        result_ready_.wait(lock, [&] { return done_.count(popped_) != 0; });
        auto it = done_.find(popped_);
        *out = std::move(it->second);
        done_.erase(it);
        ++popped_;
        lock.unlock();
        room_.notify_one();
        return true;
    }

private:
    void loop()
    {
        WorkerState state;
        for (;;) {
            std::unique_lock<std::mutex> lock(mu_);
            job_ready_.wait(lock, [&] { return closing_ || !jobs_.empty(); });
            if (jobs_.empty()) { // closing
                record_thread_cpu("prepare");
                return;
            }
            auto [seq, job] = std::move(jobs_.front());
            jobs_.pop_front();
            lock.unlock();
            Result r = work_(job, state);
            lock.lock();
            done_.emplace(seq, std::move(r));
            lock.unlock();
            result_ready_.notify_all();
        }
    }

    Work work_;
    size_t max_in_flight_;
    std::mutex mu_;
    std::condition_variable job_ready_, result_ready_, room_;
    std::deque<std::pair<size_t, Job>> jobs_;
    std::map<size_t, Result> done_;
    size_t pushed_ = 0, popped_ = 0;
    bool closing_ = false;
    std::vector<std::thread> threads_;
};

} // namespace morgue
