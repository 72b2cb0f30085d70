// morgue-query --copies ID in each --format: the copies of a story.
#pragma once

#include "output.h"
#include "search.h"

#include <nlohmann/json.hpp>

#include <ostream>
#include <string>
#include <vector>

namespace morgue {

// One copy as JSON, as in /api/article/ID's "copies".
nlohmann::ordered_json copy_json(const Copy& c);

// text: one line per copy; json: {"schema_version", "id", "copies": [...]};
// jsonl: one copy per line; csv: a header and one row per copy.
void write_copies(std::ostream& out, OutputFormat format, const std::string& id, const std::vector<Copy>& copies);

} // namespace morgue
