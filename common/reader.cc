#include "common/reader.h"

#include "common/database.h"
#include "common/shards.h"
#include "common/xapian_error.h"

#include <fstream>
#include <iterator>
#include <sys/stat.h>

namespace morgue {

namespace {

constexpr int kRetries = 5;

// Which database `path` names: its inode, plus a stub file's text (a new
// stub could reuse the inode of one removed two switches ago; its text,
// naming a timestamped generation, differs). A replica made by
// xapian-replicate is a folder whose XAPIANDB stub names the copy in use;
// a full copy (after a --rebuild on the master) switches that stub, so its
// text is part of the identity too. Empty if nothing is there.
std::string identity_of(const std::string& path)
{
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) return {};
    std::string id = std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino);
    const std::string stub = S_ISREG(st.st_mode) ? path : path + "/XAPIANDB";
    std::ifstream in(stub, std::ios::binary);
    if (in) id += ":" + std::string(std::istreambuf_iterator<char>(in), {});
    return id;
}

Status open_latest(Xapian::Database& db, const std::string& path)
{
    if (path.empty()) {
        db.reopen();
        return Status::Ok();
    }
    Xapian::Database fresh = open_database(path);
    Status s = check_database(fresh, path);
    if (s.ok()) db = fresh;
    return s;
}

} // namespace

Status with_reopen(Xapian::Database& db, const std::string& path, const std::string& what,
                   const std::function<Status()>& body)
{
    return guard_xapian(what, [&]() -> Status {
        for (int attempt = 0;; ++attempt) {
            try {
                return body();
            } catch (const Xapian::DatabaseModifiedError&) {
                if (attempt == kRetries) throw;
                Status s = open_latest(db, path);
                if (!s.ok()) return s;
            }
        }
    });
}

Status LiveDatabase::open(const std::string& path, std::unique_ptr<LiveDatabase>* out)
{
    std::unique_ptr<LiveDatabase> live(new LiveDatabase);
    live->path_ = path;
    live->identity_ = identity_of(path);
    std::unique_ptr<Xapian::Database> db;
    Status s = open_readable(path, &db);
    if (!s.ok()) return s;
    live->db_ = *db;
    *out = std::move(live);
    return Status::Ok();
}

Status LiveDatabase::refresh()
{
    return guard_xapian("reopening " + path_, [&]() -> Status {
        std::string now = identity_of(path_);
        if (now == identity_) {
            db_.reopen();
            return Status::Ok();
        }
        // Read the identity before opening: if the path switches again in
        // between, the next refresh sees a difference and opens it again.
        Status s = open_latest(db_, path_);
        if (s.ok()) identity_ = now;
        return s;
    });
}

} // namespace morgue
