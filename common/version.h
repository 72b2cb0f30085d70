// What --version prints: the release (from CMake) and the database schema
// version, which together say whether a binary can open a given database.
#pragma once

#include <ostream>

namespace morgue {

// Prints "PROGRAM (morgue) VERSION" then the schema and Xapian versions; the
// first line is in the GNU form help2man reads for the man pages.
void print_version(const char* program, std::ostream& out);

} // namespace morgue
