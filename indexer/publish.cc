#include "indexer/publish.h"

#include "common/database.h"
#include "common/dates.h"
#include "common/schema.h"
#include "common/xapian_error.h"
#include "indexer/commit_policy.h"
#include "indexer/generation.h"
#include "indexer/interrupt.h"
#include "indexer/progress.h"

#include <xapian.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <map>
#include <memory>
#include <vector>

namespace fs = std::filesystem;

namespace morgue {

namespace {

bool is_copy_band(const std::string& term)
{
    return term.compare(0, std::char_traits<char>::length(schema::prefix::copy_band), schema::prefix::copy_band) == 0;
}

// Copies the documents `batch` (ascending docids) of `master` into `out`
// with their docids, without copy-band terms. Positions are read term by
// term across the batch rather than document by document: the position
// table is ordered by term, then docid, so a document's terms lie in as
// many blocks as it has terms, while one term's positions in neighbouring
// documents lie together (document-major copying spent half its time
// re-reading blocks, in the kernel).
void copy_batch(Xapian::Database& master, Xapian::WritableDatabase& out, const std::vector<Xapian::docid>& batch)
{
    std::vector<Xapian::Document> docs(batch.size());
    std::map<std::string, std::vector<size_t>> holders; // term -> its documents in the batch
    for (size_t i = 0; i < batch.size(); ++i) {
        for (auto t = master.termlist_begin(batch[i]); t != master.termlist_end(batch[i]); ++t) {
            const std::string term = *t;
            if (is_copy_band(term)) continue;
            docs[i].add_term(term, t.get_wdf());
            holders[term].push_back(i);
        }
    }
    for (const auto& [term, in] : holders)
        for (size_t i : in)
            for (auto p = master.positionlist_begin(batch[i], term); p != master.positionlist_end(batch[i], term); ++p)
                docs[i].add_posting(term, *p, 0);
    for (size_t i = 0; i < batch.size(); ++i) {
        const Xapian::Document in = master.get_document(batch[i]);
        for (auto v = in.values_begin(); v != in.values_end(); ++v) docs[i].add_value(v.get_valueno(), *v);
        docs[i].set_data(in.get_data());
        // Docids ascend, each past the last: replace_document adds it under
        // the master's docid (the only replace a database without termlists
        // allows), keeping the gaps deleted articles left.
        out.replace_document(batch[i], docs[i]);
    }
}

// Copies every document, the spelling table and the metadata of `master`
// into `out`, which is marked as a publication of `master_path`. Commits
// as the indexer does, at kCommitPostings pending postings.
Status copy_into(Xapian::Database& master, Xapian::WritableDatabase& out, const std::string& master_path,
                 bool progress, PublishSummary* summary)
{
    Progress bar(progress, master.get_doccount());
    std::vector<Xapian::docid> batch;
    uint64_t pending = 0;
    auto flush = [&] {
        copy_batch(master, out, batch);
        summary->documents += batch.size();
        bar.update(summary->documents, 0, summary->documents);
        batch.clear();
        pending = 0;
        out.commit();
    };
    for (auto p = master.postlist_begin(""); p != master.postlist_end(""); ++p) {
        if (stop_requested()) return Status::Interrupted("interrupted; " + master_path + " was not published");
        batch.push_back(*p);
        pending += master.get_unique_terms(*p);
        if (pending >= kCommitPostings) flush();
    }
    if (!batch.empty()) flush();
    bar.clear();
    for (auto w = master.spellings_begin(); w != master.spellings_end(); ++w) out.add_spelling(*w, w.get_termfreq());
    for (auto k = master.metadata_keys_begin(); k != master.metadata_keys_end(); ++k)
        out.set_metadata(*k, master.get_metadata(*k));
    out.set_metadata(schema::kPublicationKey,
                     format_datetime(static_cast<int64_t>(std::time(nullptr))) + " " +
                         fs::absolute(master_path).lexically_normal().string());
    out.commit();
    return Status::Ok();
}

} // namespace

Status run_publish(const PublishOptions& o, PublishSummary* summary)
{
    const auto start = std::chrono::steady_clock::now();
    std::unique_ptr<Xapian::Database> master;
    Status s = open_readable(o.master, &master);
    if (!s.ok()) return s;
    s = guard_xapian("reading " + o.master, [&] {
        if (master->get_metadata(schema::kPublicationKey).empty()) return Status::Ok();
        return Status::Usage(o.master + " is itself a read-only publication; publish from its master");
    });
    if (!s.ok()) return s;
    // A publication replaces only an earlier publication, never an archive.
    std::error_code ec;
    if (fs::exists(fs::symlink_status(o.out, ec)) && refuse_publication(o.out).code() != Status::Code::usage)
        return Status::IOError(o.out + " exists and is not a morgue publication; refusing to replace it: publish "
                               "to a new path, or remove it first");

    const Generation gen = begin_generation(o.out);
    const fs::path building = gen.building();
    s = guard_xapian("writing " + building.string(), [&] {
        Xapian::WritableDatabase out(building.string(), Xapian::DB_CREATE | Xapian::DB_NO_TERMLIST | Xapian::DB_NO_SYNC);
        Status c = copy_into(*master, out, o.master, o.progress, summary);
        out.close();
        return c;
    });
    // Compaction keeps the docids (NO_RENUMBER: a master's first articles
    // may have been deleted) and makes no termlist table where there is none.
    if (s.ok())
        s = guard_xapian("compacting " + building.string() + " into " + gen.path().string(), [&] {
            Xapian::Database(building.string()).compact(gen.path().string(), Xapian::DBCOMPACT_NO_RENUMBER);
            return Status::Ok();
        });
    fs::remove_all(building, ec);
    if (!s.ok()) {
        fs::remove_all(gen.path(), ec);
        return s;
    }
    s = switch_to_generation(o.out, gen);
    summary->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return s;
}

} // namespace morgue
