// Where a hit came from: its source file (and line), and for a scraped
// page how its outlet and date were found, or why none was. A page's id is
// a hash, so without this a hit from one could not be traced to its file.
#pragma once

#include "query/search.h"

#include <nlohmann/json.hpp>

#include <string>

namespace morgue {

// "from FILE | outlet: DW (masthead) | date: 2025-05-28 (masthead)" for a
// hit read from a whole file (a page, a news-please document); "" for a
// line of JSON Lines, which its id and outlet already name.
std::string hit_source_text(const Hit& h);

// {"file": ..., "line": N or null}
nlohmann::ordered_json hit_source_json(const Hit& h);
// {"outlet": how or why not, "date": ...}, or null when the input gave
// outlet and date as fields (nothing was extracted).
nlohmann::ordered_json hit_extracted_json(const Hit& h);

} // namespace morgue
