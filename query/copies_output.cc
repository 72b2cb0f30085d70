#include "copies_output.h"

#include "csv.h"
#include "terminal_safe.h"

#include <cstdio>

namespace morgue {

namespace {

using json = nlohmann::ordered_json;

json or_null(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

std::string similarity(double s)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.2f", s);
    return buf;
}

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

} // namespace

json copy_json(const Copy& c)
{
    return {{"id", c.id},           {"title", c.title},         {"outlet", or_null(c.outlet)},
            {"date", or_null(c.date)}, {"wire", or_null(c.wire)}, {"similarity", c.similarity}};
}

void write_copies(std::ostream& out, OutputFormat format, const std::string& id, const std::vector<Copy>& copies)
{
    switch (format) {
    case OutputFormat::text:
        for (const auto& c : copies)
            out << similarity(c.similarity) << "  " << (c.date.empty() ? "----------" : c.date) << "  " << terminal_safe(c.outlet)
                << (c.wire.empty() ? "" : " (" + terminal_safe(c.wire) + ")") << "  [" << terminal_safe(c.id) << "]  "
                << terminal_safe(c.title) << "\n";
        return;
    case OutputFormat::json: {
        json list = json::array();
        for (const auto& c : copies) list.push_back(copy_json(c));
        json doc = {{"schema_version", kJsonSchemaVersion}, {"id", id}, {"copies", list}};
        out << doc.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
        return;
    }
    case OutputFormat::jsonl:
        for (const auto& c : copies) out << dump(copy_json(c)) << "\n";
        return;
    case OutputFormat::csv:
        out << "id,title,outlet,date,wire,similarity\n";
        for (const auto& c : copies)
            out << csv_field(c.id) << ',' << csv_field(c.title) << ',' << csv_field(c.outlet) << ',' << c.date << ','
                << csv_field(c.wire) << ',' << similarity(c.similarity) << "\n";
        return;
    }
}

} // namespace morgue
