#include "common/xapian_error.h"

#include <xapian.h>

#include <exception>
#include <new>

namespace morgue {

Status guard_xapian(const std::string& what, const std::function<Status()>& body)
{
    try {
        return body();
    } catch (const Xapian::DatabaseLockError& e) {
        return Status::Locked(what + ": the database is locked by another indexer (" +
                              e.get_msg() + ")");
    } catch (const Xapian::WildcardError& e) {
        // The query's fault, not the database's: a usage error, and without
        // `what` (it names the database path, which a web client must not see).
        return Status::Usage("a wildcard matches too many words: make it longer (" + e.get_msg() + ")");
    } catch (const Xapian::DatabaseOpeningError& e) {
        return Status::NotFound(what + ": cannot open database: " + e.get_msg());
    } catch (const Xapian::NetworkError& e) {
        // A shard host down, stalled past the timeout, or its server gone.
        return Status::Unavailable(what + ": a remote shard did not answer: " + e.get_msg() +
                                   (e.get_context().empty() ? "" : " (" + e.get_context() + ")"));
    } catch (const Xapian::Error& e) {
        // The system's reason, when there is one ("No space left on device").
        const char* why = e.get_error_string();
        return Status::IOError(what + ": " + e.get_type() + ": " + e.get_msg() +
                               (why && *why ? std::string(" (") + why + ")" : std::string()));
    } catch (const std::bad_alloc&) {
        return Status::IOError(what + ": out of memory");
    } catch (const std::exception& e) {
        return Status::IOError(what + ": " + e.what());
    }
}

} // namespace morgue
