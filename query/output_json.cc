#include "query/output_json.h"

namespace morgue {

using json = nlohmann::ordered_json;

json or_null(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

std::string json_line(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

std::string json_document(const json& j) { return j.dump(2, ' ', false, json::error_handler_t::replace); }

json copy_json(const Copy& c)
{
    return {{"id", c.id},           {"title", c.title},         {"outlet", or_null(c.outlet)},
            {"date", or_null(c.date)}, {"wire", or_null(c.wire)}, {"similarity", c.similarity}};
}

} // namespace morgue
