// morgue-query --copies ID in each --format: the copies of a story.
#include "query/output.h"

#include "query/csv.h"
#include "query/output_json.h"
#include "query/terminal_safe.h"

#include <cstdio>

namespace morgue {

namespace {

using json = nlohmann::ordered_json;

std::string similarity(double s)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.2f", s);
    return buf;
}

} // namespace

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
        out << json_document(doc) << "\n";
        return;
    }
    case OutputFormat::jsonl:
        for (const auto& c : copies) out << json_line(copy_json(c)) << "\n";
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
