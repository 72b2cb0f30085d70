#include "indexer/update_policy.h"

#include "common/codec.h"
#include "common/hash.h"
#include "common/schema.h"
#include "common/xapian_error.h"

#include <chrono>
#include <filesystem>
#include <sys/stat.h>

namespace morgue {

namespace {

// Which morgue-index build runs: a rebuilt or reinstalled binary has another
// inode or modification time. Without /proc, a salt that never repeats (every
// line then takes check 2, which is still correct).
std::string build_identity()
{
    struct stat st;
    if (::stat("/proc/self/exe", &st) == 0)
        return std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino) + ":" + std::to_string(st.st_size) +
               ":" + std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec);
    return "now:" + std::to_string(std::chrono::steady_clock::now().time_since_epoch().count());
}

std::string read_by_key(const std::string& path)
{
    return schema::kReadByKeyPrefix + hash128(path).hex();
}

} // namespace

UpdatePolicy::UpdatePolicy(Xapian::WritableDatabase& db, std::string_view options)
    : db_(db), build_(build_identity() + "|" + std::string(options))
{
}

std::pair<std::string, std::string> UpdatePolicy::read_mark(const std::string& path, std::string_view options)
{
    return {read_by_key(path), build_identity() + "|" + std::string(options)};
}

std::string UpdatePolicy::record_term(const std::string& path, std::string_view line)
{
    std::string key = path;
    key += '\0';
    key += line;
    return schema::prefix::record + hash128(key).bytes();
}

Status UpdatePolicy::read_by_this_build(const std::string& path, bool* yes)
{
    return guard_xapian("reading metadata", [&]() -> Status {
        *yes = db_.get_metadata(read_by_key(path)) == build_;
        return Status::Ok();
    });
}

Status UpdatePolicy::mark_read(const std::string& path, bool* changed)
{
    *changed = false;
    return guard_xapian("writing metadata", [&]() -> Status {
        const std::string key = read_by_key(path);
        if (db_.get_metadata(key) == build_) return Status::Ok();
        db_.set_metadata(key, build_);
        *changed = true;
        return Status::Ok();
    });
}

Status UpdatePolicy::known_record(const std::string& record_term, uint64_t* documents)
{
    *documents = 0;
    return guard_xapian("looking up a record", [&]() -> Status {
        for (auto p = db_.postlist_begin(record_term); p != db_.postlist_end(record_term); ++p) {
            seen_.insert(*p);
            ++*documents;
        }
        return Status::Ok();
    });
}

std::string UpdatePolicy::content_hash(const Article& a)
{
    Article h = a;
    h.source_line = 0;
    return hash128(serialise_article(h)).bytes();
}

Status UpdatePolicy::unchanged(const std::string& idterm, const std::string& hash, const std::string& record_term,
                               bool* unchanged, bool* retagged)
{
    *unchanged = *retagged = false;
    return guard_xapian("looking up " + idterm, [&]() -> Status {
        Xapian::PostingIterator p = db_.postlist_begin(idterm);
        if (p == db_.postlist_end(idterm)) return Status::Ok();
        Xapian::Document doc = db_.get_document(*p, Xapian::DOC_ASSUME_VALID);
        if (doc.get_value(schema::slot_content_hash) != hash) return Status::Ok();
        *unchanged = true;
        seen_.insert(*p);
        if (record_term.empty()) return Status::Ok();
        // Same article from a line that differs (say, in JSON spacing): tag
        // the document with the new line, so the next run skips it unparsed.
        std::vector<std::string> old;
        const std::string xr = schema::prefix::record;
        auto t = doc.termlist_begin();
        for (t.skip_to(xr); t != doc.termlist_end() && (*t).compare(0, xr.size(), xr) == 0; ++t) {
            if (*t == record_term) return Status::Ok();
            old.push_back(*t);
        }
        for (const auto& o : old) doc.remove_term(o);
        doc.add_term(record_term);
        db_.replace_document(*p, doc);
        *retagged = true;
        return Status::Ok();
    });
}

Status UpdatePolicy::prune(const std::vector<std::string>& source_args, const std::unordered_set<std::string>& inputs,
                           const std::unordered_set<std::string>& fully_read, uint64_t* deleted)
{
    std::vector<std::string> dirs;
    for (const auto& sarg : source_args) {
        std::error_code ec;
        if (std::filesystem::is_directory(sarg, ec)) dirs.push_back(sarg.back() == '/' ? sarg : sarg + "/");
    }
    return guard_xapian("pruning", [&]() -> Status {
        std::vector<Xapian::docid> doomed;
        const std::string xf = schema::prefix::source_file;
        for (auto t = db_.allterms_begin(xf); t != db_.allterms_end(xf); ++t) {
            for (auto p = db_.postlist_begin(*t); p != db_.postlist_end(*t); ++p) {
                if (seen_.count(*p)) continue;
                Article a;
                if (!read_article(db_.get_document(*p), &a).ok()) continue;
                bool read_now = fully_read.count(a.source_file) > 0;
                bool vanished = !inputs.count(a.source_file) && !std::filesystem::exists(a.source_file);
                bool under_dir = false;
                for (const auto& d : dirs) under_dir |= a.source_file.compare(0, d.size(), d) == 0;
                if (read_now || (vanished && under_dir)) doomed.push_back(*p);
            }
        }
        for (Xapian::docid d : doomed) db_.delete_document(d);
        *deleted += doomed.size();
        return Status::Ok();
    });
}

} // namespace morgue
