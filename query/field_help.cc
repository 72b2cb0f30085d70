#include "query/field_help.h"

#include "common/schema.h"

#include <sstream>

namespace morgue {

namespace {
// Where the explanations start, as in the rest of --help.
constexpr size_t kColumn = 25;

// `text` word-wrapped into lines from kColumn to `width`, after `out`'s
// current line, which is `at` columns long.
void wrap(std::string& out, size_t at, const std::string& text, size_t width)
{
    std::istringstream words(text);
    bool first = true;
    for (std::string w; words >> w;) {
        if (!first && at + 1 + w.size() > width) {
            out += "\n" + std::string(kColumn, ' ');
            at = kColumn;
        } else if (!first) {
            out += ' ';
            ++at;
        }
        out += w;
        at += w.size();
        first = false;
    }
    out += '\n';
}
} // namespace

std::string query_fields_help(size_t width)
{
    std::string out;
    for (const auto& f : schema::fields()) {
        if (!(f.flags & schema::in_query)) continue;
        std::string line = std::string("  ") + f.example;
        if (line.size() + 1 > kColumn) {
            out += line + "\n";
            line.clear();
        }
        line.resize(kColumn, ' ');
        out += line;
        std::string help = f.help;
        for (const char* alias : f.aliases) help += std::string("; also ") + alias + ":";
        wrap(out, kColumn, help, width);
    }
    return out;
}

} // namespace morgue
