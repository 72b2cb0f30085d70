#include "query/hit_source.h"

#include "query/output_json.h"

namespace morgue {

namespace {

using json = nlohmann::ordered_json;

// "outlet: DW (masthead)", "outlet: none found: ...", or "" when given as a field.
std::string found(const char* field, const std::string& value, const std::string& how)
{
    if (how.empty()) return "";
    return std::string(" | ") + field + ": " + (value.empty() ? how : value + " (" + how + ")");
}

} // namespace

std::string hit_source_text(const Hit& h)
{
    if (h.source_line != 0 || h.source_file.empty()) return "";
    return "from " + h.source_file + found("outlet", h.outlet, h.outlet_found) + found("date", h.date, h.date_found);
}

json hit_source_json(const Hit& h)
{
    return {{"file", or_null(h.source_file)}, {"line", h.source_line ? json(h.source_line) : json(nullptr)}};
}

json hit_extracted_json(const Hit& h)
{
    if (h.outlet_found.empty() && h.date_found.empty()) return nullptr;
    return {{"outlet", or_null(h.outlet_found)}, {"date", or_null(h.date_found)}};
}

} // namespace morgue
