// morgue-split-shards DB N OUTDIR: copies the documents of one morgue
// database into N shard databases OUTDIR/shard0 .. shard{N-1}, document d
// into shard (d-1) % N as its document (d-1) / N + 1. Xapian numbers the
// documents of a database made of N shards exactly that way, so the shards
// together have the same document ids, statistics and copy clusters as the
// original: searching them must give the same answers, which is what the
// tests and the benchmark compare. Metadata goes to every shard (each must
// carry the schema version); the spelling table to the first shard only, so
// that frequencies summed over the shards equal the original's.
#include "common/database.h"
#include "common/xapian_error.h"

#include <xapian.h>

#include <iostream>
#include <memory>
#include <string>
#include <vector>

using namespace morgue;

int main(int argc, char** argv)
{
    if (argc != 4 || std::stoi(argv[2]) < 1) {
        std::cerr << "usage: morgue-split-shards DB N OUTDIR\n";
        return 2;
    }
    const std::string from = argv[1], out = argv[3];
    const auto n = static_cast<Xapian::docid>(std::stoi(argv[2]));
    std::unique_ptr<Xapian::Database> db;
    Status s = open_readable(from, &db);
    if (s.ok()) s = guard_xapian("splitting " + from, [&]() -> Status {
        std::vector<Xapian::WritableDatabase> shards;
        for (Xapian::docid i = 0; i < n; ++i)
            shards.emplace_back(out + "/shard" + std::to_string(i), Xapian::DB_CREATE);
        for (auto k = db->metadata_keys_begin(); k != db->metadata_keys_end(); ++k)
            for (auto& shard : shards) shard.set_metadata(*k, db->get_metadata(*k));
        for (auto w = db->spellings_begin(); w != db->spellings_end(); ++w)
            shards[0].add_spelling(*w, w.get_termfreq());
        for (auto p = db->postlist_begin(""); p != db->postlist_end(""); ++p) {
            const Xapian::docid d = *p;
            shards[(d - 1) % n].replace_document((d - 1) / n + 1, db->get_document(d));
        }
        for (auto& shard : shards) shard.commit();
        return Status::Ok();
    });
    if (!s.ok()) {
        std::cerr << "morgue-split-shards: " << s.message() << "\n";
        return s.exit_code();
    }
    return 0;
}
