#include "indexer/explain.h"

#include "common/dates.h"

namespace morgue {

void explain_article(std::ostream& out, const Article& a)
{
    auto field = [&](const char* name, const std::string& value) {
        if (value.empty()) return;
        out << "  " << name << ": " << value;
        for (const auto& [k, how] : a.provenance)
            if (k == name) out << "    <- " << how;
        out << "\n";
    };
    out << "== " << a.kind << " " << a.id << "  (" << a.source_file
        << (a.source_line ? ":" + std::to_string(a.source_line) : "") << ")\n";
    field("title", a.title);
    field("outlet", a.outlet);
    field("wire", a.wire);
    field("dateline", a.dateline);
    field("section", a.section);
    std::string authors;
    for (const auto& au : a.authors) authors += (authors.empty() ? "" : "; ") + au;
    field("authors", authors);
    for (const auto& [k, v] : a.provenance)
        if (k == "editor") out << "  editor: " << v << "\n";
    if (a.date) field("date", format_datetime(*a.date) + (a.date_approximate ? " (approximate)" : ""));
    field("language", a.language);
    field("url", a.url);
    out << "  body (" << a.body.size() << " bytes):\n";
    size_t pos = 0;
    while (pos < a.body.size()) {
        size_t nl = a.body.find('\n', pos);
        if (nl == std::string::npos) nl = a.body.size();
        if (nl > pos) out << "    | " << a.body.substr(pos, nl - pos) << "\n";
        pos = nl + 1;
    }
    out << "\n";
}

} // namespace morgue
