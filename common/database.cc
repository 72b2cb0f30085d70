#include "common/database.h"

#include "common/schema.h"
#include "common/shards.h"
#include "common/xapian_error.h"

#include <sys/stat.h>

namespace morgue {

namespace {

Status check_schema(const Xapian::Database& db, const std::string& path)
{
    std::string version = db.get_metadata(schema::kVersionKey);
    std::string ours = std::to_string(schema::kVersion);
    if (version == ours) return Status::Ok();
    if (version.empty())
        return Status::SchemaMismatch(path + " is a Xapian database but not a morgue database "
                                      "(it has no " + schema::kVersionKey + "); index into a new "
                                      "path, or remove it and run morgue-index again");
    return Status::SchemaMismatch(path + " uses morgue schema version " + version +
                                  ", this morgue reads version " + ours +
                                  "; rebuild it: morgue-index --db NEW_PATH SOURCES... "
                                  "(or remove it and index again)");
}

} // namespace

Status load_article_dictionary(const Xapian::Database& db, const std::string& path,
                               std::shared_ptr<const ArticleDictionary>* out)
{
    std::string bytes = db.get_metadata(schema::kArticleDictionaryKey);
    if (bytes.empty()) return Status::Ok();
    std::shared_ptr<const ArticleDictionary> dict;
    Status s = ArticleDictionary::make(std::move(bytes), &dict);
    if (s.ok()) s = remember_dictionary(dict);
    if (!s.ok()) return Status::IOError(path + ": " + s.message());
    if (out) *out = std::move(dict);
    return Status::Ok();
}

Status check_database(const Xapian::Database& db, const std::string& path)
{
    Status s = check_schema(db, path);
    return s.ok() ? load_article_dictionary(db, path) : s;
}

Status refuse_publication(const Xapian::Database& db, const std::string& path)
{
    const std::string published = db.get_metadata(schema::kPublicationKey);
    if (published.empty()) return Status::Ok();
    // "<time> <master>"
    const size_t space = published.find(' ');
    const std::string master = space == std::string::npos ? "its master" : published.substr(space + 1);
    return Status::Usage(path + " is a read-only publication of " + master + " (morgue-index --publish" +
                         (space == std::string::npos ? "" : ", " + published.substr(0, space)) +
                         "), which cannot be changed; update " + master + " and publish again: morgue-index --db " +
                         master + " --publish " + path);
}

Status refuse_publication(const std::string& path)
{
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) return Status::Ok();
    std::unique_ptr<Xapian::Database> db;
    if (!open_readable(path, &db).ok()) return Status::Ok();
    return guard_xapian("reading " + path, [&] { return refuse_publication(*db, path); });
}

Status open_writable(const std::string& path, std::unique_ptr<Xapian::WritableDatabase>* out, bool no_sync)
{
    // Checked before opening for writing, which a publication's missing
    // termlist table makes fail with a message that does not say why.
    if (Status s = refuse_publication(path); !s.ok()) return s;
    return guard_xapian("opening " + path + " for writing", [&]() -> Status {
        auto db = std::make_unique<Xapian::WritableDatabase>(
            path, Xapian::DB_CREATE_OR_OPEN | (no_sync ? Xapian::DB_NO_SYNC : 0));
        bool fresh = db->get_doccount() == 0 && db->get_metadata(schema::kVersionKey).empty();
        if (fresh) {
            db->set_metadata(schema::kVersionKey, std::to_string(schema::kVersion));
            db->commit();
        } else {
            Status s = check_database(*db, path);
            if (!s.ok()) return s;
        }
        *out = std::move(db);
        return Status::Ok();
    });
}

Status open_readable(const std::string& path, std::unique_ptr<Xapian::Database>* out)
{
    struct stat st;
    if (::stat(path.c_str(), &st) != 0)
        return Status::NotFound("no database at " + path +
                                " (create one with: morgue-index --db " + path + " SOURCES...)");
    return guard_xapian("opening " + path, [&]() -> Status {
        auto db = std::make_unique<Xapian::Database>(open_database(path));
        Status s = check_database(*db, path);
        if (!s.ok()) return s;
        *out = std::move(db);
        return Status::Ok();
    });
}

} // namespace morgue
