#include "indexer/rebuild.h"

#include "common/database.h"
#include "common/schema.h"
#include "common/xapian_error.h"
#include "indexer/generation.h"
#include "indexer/thread_cpu.h"

#include <xapian.h>

#include <filesystem>
#include <thread>
#include <vector>

namespace fs = std::filesystem;

namespace morgue {

namespace {

// Compacts each shard of `building` into `target` at once (one thread per
// shard, as they were written) and puts the same stub beside them.
Status compact_shards(const fs::path& building, const fs::path& target, size_t shards)
{
    std::error_code ec;
    fs::create_directories(target, ec);
    if (ec) return Status::IOError("cannot create " + target.string() + ": " + ec.message());
    std::vector<Status> done(shards);
    std::vector<std::thread> threads;
    for (size_t i = 0; i < shards; ++i)
        threads.emplace_back([&, i] {
            const std::string name = schema::shard_name(i);
            done[i] = guard_xapian("compacting " + (building / name).string(), [&] {
                Xapian::Database((building / name).string()).compact((target / name).string());
                return Status::Ok();
            });
            record_thread_cpu("compact");
        });
    for (auto& t : threads) t.join();
    for (const Status& s : done)
        if (!s.ok()) return s;
    fs::copy_file(building / schema::kShardStubFile, target / schema::kShardStubFile, ec);
    if (ec) return Status::IOError("cannot copy the stub into " + target.string() + ": " + ec.message());
    return fsync_path(target / schema::kShardStubFile, false);
}

} // namespace

Status run_rebuild(const IndexOptions& options, IndexSummary* summary)
{
    // A rebuild would replace a publication with a database it then updates.
    if (Status r = refuse_publication(options.db); !r.ok()) return r;
    const Generation gen = begin_generation(options.db);
    const fs::path building = gen.building();
    std::error_code ec;
    IndexOptions o = options;
    o.db = building.string();
    o.update = o.prune = false;
    Status s = run_index(o, summary);
    Status failed_inputs;
    if (s.code() == Status::Code::invalid_input && !options.strict && summary->added > 0) {
        // Bad files are named in the summary; the good ones still go in, or
        // one bad file would keep the archive from ever being rebuilt.
        failed_inputs = Status::InvalidInput(s.message() + "; the rest was switched in");
        s = Status::Ok();
    }
    if (!s.ok()) {
        fs::remove_all(building, ec);
        if (s.code() == Status::Code::invalid_input)
            return Status::InvalidInput(s.message() + "; the rebuild was not switched in, the live database is unchanged" +
                                        (options.strict ? " (--strict)" : " (nothing was indexed)"));
        return s;
    }

    // Compact into the final generation (not DBCOMPACT_FULLER: it is unsafe
    // for a database that will be updated, and buggy in 1.4.22). Shards are
    // merged into one database (through their stub) unless kept.
    const fs::path target = gen.path();
    if (o.shards > 1 && o.keep_shards) {
        s = compact_shards(building, target, o.shards);
    } else {
        s = guard_xapian("compacting " + building.string(), [&] {
            Xapian::Database(building.string()).compact(target.string());
            return Status::Ok();
        });
    }
    fs::remove_all(building, ec);
    if (!s.ok()) {
        fs::remove_all(target, ec);
        return s;
    }

    if (!(s = switch_to_generation(options.db, gen)).ok()) return s;
    return failed_inputs;
}

} // namespace morgue
