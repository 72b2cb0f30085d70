// Opening morgue databases. The schema version check lives here, so no
// binary can read or write a database of another schema by mistake.
#pragma once

#include "common/status.h"

#include <xapian.h>

#include <memory>
#include <string>

namespace morgue {

// Opens (creating if needed) a database for writing. A new database is
// stamped with the schema version; an existing one must carry ours.
// `no_sync` (DB_NO_SYNC) is for a database that is thrown away if the run
// fails (a --rebuild's), where fsync buys nothing.
Status open_writable(const std::string& path, std::unique_ptr<Xapian::WritableDatabase>* out,
                     bool no_sync = false);

// Opens an existing database for reading and checks its schema version.
Status open_readable(const std::string& path, std::unique_ptr<Xapian::Database>* out);

// The version check itself, for a database already open.
Status check_schema(const Xapian::Database& db, const std::string& path);

} // namespace morgue
