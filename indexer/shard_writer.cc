#include "indexer/shard_writer.h"

#include "indexer/copy_detector.h"
#include "common/database.h"
#include "common/schema.h"
#include "indexer/thread_cpu.h"
#include "common/xapian_error.h"

#include <condition_variable>
#include <csignal>
#include <deque>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <pthread.h>
#include <thread>

namespace fs = std::filesystem;

namespace morgue {

namespace {
// Documents queued per shard: enough to keep its writer busy while the
// indexing run works, few enough to bound memory.
constexpr size_t kQueueDepth = 128;

struct Op {
    enum Kind { put, relabel, metadata, spelling } kind;
    Xapian::docid did = 0; // within the shard
    Xapian::Document doc;
    std::string a, b; // relabel: from, to; metadata: key, value
    std::unordered_map<std::string, Xapian::termcount> words;
};
} // namespace

struct ShardWriter::Shard {
    std::string path;
    Xapian::WritableDatabase db;
    CommitPolicy commits{1, 1};
    std::mutex mu;
    std::condition_variable ready, room;
    std::deque<Op> queue;
    bool closing = false;
    Status error;
    std::thread thread;

    void push(Op op)
    {
        std::unique_lock<std::mutex> lock(mu);
        room.wait(lock, [&] { return queue.size() < kQueueDepth || !error.ok(); });
        queue.push_back(std::move(op));
        lock.unlock();
        ready.notify_one();
    }

    Status apply(Op& op)
    {
        return guard_xapian("writing " + path, [&]() -> Status {
            uint64_t postings = 0;
            switch (op.kind) {
            case Op::put:
                postings = op.doc.termlist_count();
                db.replace_document(op.did, op.doc);
                break;
            case Op::relabel: {
                Xapian::Document d = db.get_document(op.did);
                relabel_document(d, op.a, op.b);
                db.replace_document(op.did, d);
                break;
            }
            case Op::metadata:
                db.set_metadata(op.a, op.b);
                break;
            case Op::spelling:
                for (const auto& [word, n] : op.words) db.add_spelling(word, n);
                break;
            }
            if (commits.add(postings)) {
                commits.committed();
                db.commit();
            }
            return Status::Ok();
        });
    }

    void loop()
    {
        for (;;) {
            std::unique_lock<std::mutex> lock(mu);
            ready.wait(lock, [&] { return closing || !queue.empty(); });
            if (queue.empty()) break; // closing
            Op op = std::move(queue.front());
            queue.pop_front();
            bool failed = !error.ok();
            lock.unlock();
            room.notify_one();
            if (failed) continue; // drain: the run is told at its next put()
            Status s = apply(op);
            if (!s.ok()) {
                std::lock_guard<std::mutex> g(mu);
                error = s;
            }
        }
        Status s = guard_xapian("committing " + path, [&] {
            std::lock_guard<std::mutex> g(mu);
            if (error.ok()) db.commit();
            db.close(); // releases the shard's write lock for what follows (compaction)
            return Status::Ok();
        });
        record_thread_cpu("shard writer");
        std::lock_guard<std::mutex> g(mu);
        if (error.ok() && !s.ok()) error = s;
        room.notify_all();
    }
};

ShardWriter::ShardWriter(std::vector<std::unique_ptr<Shard>> shards) : shards_(std::move(shards))
{
    // Stop signals stay with the indexing run's thread.
    sigset_t block, old;
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    sigaddset(&block, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &block, &old);
    for (auto& s : shards_) s->thread = std::thread([p = s.get()] { p->loop(); });
    pthread_sigmask(SIG_SETMASK, &old, nullptr);
}

ShardWriter::~ShardWriter()
{
    (void)finish();
}

Status ShardWriter::create(const std::string& dir, const ShardWriterOptions& o, std::unique_ptr<ShardWriter>* out)
{
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return Status::IOError("cannot create " + dir + ": " + ec.message());
    std::vector<std::unique_ptr<Shard>> shards;
    std::string stub;
    for (size_t i = 0; i < o.shards; ++i) {
        auto s = std::make_unique<Shard>();
        s->path = (fs::path(dir) / schema::shard_name(i)).string();
        s->commits = CommitPolicy(o.batch, o.commit_postings);
        Status st = guard_xapian("creating " + s->path, [&] {
            s->db = Xapian::WritableDatabase(s->path, Xapian::DB_CREATE | (o.no_sync ? Xapian::DB_NO_SYNC : 0));
            s->db.set_metadata(schema::kVersionKey, std::to_string(schema::kVersion));
            s->db.commit();
            return Status::Ok();
        });
        if (!st.ok()) return st;
        stub += "auto " + schema::shard_name(i) + "\n";
        shards.push_back(std::move(s));
    }
    // The stub last: until it exists the directory is no database at all.
    fs::path stub_path = fs::path(dir) / schema::kShardStubFile;
    std::ofstream f(stub_path, std::ios::trunc);
    if (!(f << stub) || !f.flush()) return Status::IOError("cannot write " + stub_path.string());
    out->reset(new ShardWriter(std::move(shards)));
    return Status::Ok();
}

Status ShardWriter::error() const
{
    for (const auto& s : shards_) {
        std::lock_guard<std::mutex> g(s->mu);
        if (!s->error.ok()) return s->error;
    }
    return Status::Ok();
}

Status ShardWriter::put(Xapian::docid did, Xapian::Document doc)
{
    Status e = error();
    if (!e.ok()) return e;
    const size_t n = shards_.size();
    Op op{Op::put, static_cast<Xapian::docid>((did - 1) / n + 1), std::move(doc), {}, {}, {}};
    shards_[(did - 1) % n]->push(std::move(op));
    return Status::Ok();
}

Status ShardWriter::relabel(Xapian::docid did, std::string from, std::string to)
{
    Status e = error();
    if (!e.ok()) return e;
    const size_t n = shards_.size();
    Op op{Op::relabel, static_cast<Xapian::docid>((did - 1) / n + 1), {}, std::move(from), std::move(to), {}};
    shards_[(did - 1) % n]->push(std::move(op));
    return Status::Ok();
}

Status ShardWriter::set_metadata(std::string key, std::string value)
{
    Status e = error();
    if (!e.ok()) return e;
    shards_[0]->push(Op{Op::metadata, 0, {}, std::move(key), std::move(value), {}});
    return Status::Ok();
}

Status ShardWriter::set_metadata_everywhere(const std::string& key, const std::string& value)
{
    Status e = error();
    if (!e.ok()) return e;
    for (auto& s : shards_) s->push(Op{Op::metadata, 0, {}, key, value, {}});
    return Status::Ok();
}

Status ShardWriter::add_spelling(std::unordered_map<std::string, Xapian::termcount> words)
{
    Status e = error();
    if (!e.ok()) return e;
    shards_[0]->push(Op{Op::spelling, 0, {}, {}, {}, std::move(words)});
    return Status::Ok();
}

Status ShardWriter::finish()
{
    for (auto& s : shards_) {
        {
            std::lock_guard<std::mutex> g(s->mu);
            s->closing = true;
        }
        s->ready.notify_all();
    }
    for (auto& s : shards_)
        if (s->thread.joinable()) s->thread.join();
    return error();
}

} // namespace morgue
