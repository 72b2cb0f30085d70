#include "common/version.h"

#include "release_version.h"
#include "common/schema.h"

#include <xapian.h>

namespace morgue {

void print_version(const char* program, std::ostream& out)
{
    out << program << " (morgue) " << kReleaseVersion << "\n"
        << "database schema version " << schema::kVersion << ", Xapian " << Xapian::version_string() << "\n";
}

} // namespace morgue
