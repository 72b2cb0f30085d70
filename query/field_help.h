// morgue-query --help's list of query fields and facets, written from the
// field table (schema::fields()) so that it names every field there is.
#pragma once

#include <string>

namespace morgue {

// One entry per query field: its example, what it matches, its aliases;
// wrapped to `width` columns.
std::string query_fields_help(size_t width = 79);

} // namespace morgue
