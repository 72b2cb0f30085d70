// Opening morgue databases. The schema version check lives here, so no
// binary can read or write a database of another schema by mistake.
#pragma once

#include "common/article_dictionary.h"
#include "common/status.h"

#include <xapian.h>

#include <memory>
#include <string>

namespace morgue {

// Opens (creating if needed) a database for writing. A new database is
// stamped with the schema version; an existing one must carry ours and not
// be a read-only publication.
// `no_sync` (DB_NO_SYNC) is for a database that is thrown away if the run
// fails (a --rebuild's), where fsync buys nothing.
Status open_writable(const std::string& path, std::unique_ptr<Xapian::WritableDatabase>* out,
                     bool no_sync = false);

// Ok unless `db` (opened from `path`) is a read-only publication
// (schema::kPublicationKey), which no write may change: then a usage error
// saying so and how to change what it serves. Throws Xapian::Error.
Status refuse_publication(const Xapian::Database& db, const std::string& path);

// The same for the database at `path`: Ok too when nothing is there or
// what is there cannot be read (the caller's own opening reports that).
Status refuse_publication(const std::string& path);

// Opens an existing database for reading and checks its schema version.
Status open_readable(const std::string& path, std::unique_ptr<Xapian::Database>* out);

// For a database already open: the version check, then its stored-article
// dictionary loaded and remembered for reading (load_article_dictionary).
Status check_database(const Xapian::Database& db, const std::string& path);

// The database's stored-article dictionary (schema::kArticleDictionaryKey),
// prepared and remembered for reading its articles; `*out` (if given) is
// left empty when it has none. Over a stub, Xapian 1.4 answers metadata
// from the first database the stub names (local or remote): every shard of
// a morgue database holds the same dictionary. Throws Xapian::Error.
Status load_article_dictionary(const Xapian::Database& db, const std::string& path,
                               std::shared_ptr<const ArticleDictionary>* out = nullptr);

} // namespace morgue
