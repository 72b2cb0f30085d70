#include "indexer/page_lines.h"

#include "indexer/dateline.h"
#include "common/dates.h"
#include "common/pattern.h"
#include "common/schema.h"
#include "indexer/text.h"

#include <charconv>

namespace morgue {

std::vector<std::string> split_lines(std::string_view text)
{
    std::vector<std::string> out;
    size_t pos = 0;
    while (pos <= text.size()) {
        size_t nl = text.find('\n', pos);
        if (nl == std::string_view::npos) nl = text.size();
        out.push_back(trim(text.substr(pos, nl - pos)));
        pos = nl + 1;
    }
    return out;
}

std::optional<RelativeTime> parse_relative_time(const std::string& line)
{
    // "3 days ago", "an hour ago", "Updated 55 minutes ago", "time8 hours ago",
    // "DW3 days ago" (a masthead's outlet glued to the time).
    static const Pattern re(R"(^(.*?)\s*(an?|\d{1,6})\s+(second|minute|hour|day|week|month|year)s?\s+ago$)", true);
    Pattern::Match m;
    if (line.size() > 60 || !re.full_match(line, &m)) return std::nullopt;
    std::string count = m.str(2);
    int64_t n = 1;
    if (std::isdigit(static_cast<unsigned char>(count[0])))
        std::from_chars(count.data(), count.data() + count.size(), n); // at most 6 digits: cannot overflow
    std::string unit = m.str(3);
    for (auto& c : unit) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    static const std::pair<const char*, int64_t> units[] = {{"second", 1}, {"minute", 60}, {"hour", 3600}, {"day", 86400},
                                                           {"week", 7 * 86400}, {"month", 30 * 86400}, {"year", 365 * 86400}};
    RelativeTime r;
    for (const auto& [u, s] : units)
        if (unit == u) r.seconds_ago = n * s;
    r.prefix = trim(m.str(1));
    // A glued prefix ends right before the number: "DW3 days ago".
    return r;
}

std::optional<Masthead> parse_masthead(const std::string& line)
{
    static const Pattern re(R"(^(.+?)\s+(?:–|—|-)\s+([^–—]{1,40}?)\s+(?:–|—|-)\s+(\d{1,2})/(\d{1,2})/(\d{4})$)");
    Pattern::Match m;
    if (!re.full_match(line, &m)) return std::nullopt;
    Masthead h{m.str(1), m.str(2), std::nullopt};
    CivilDate d{std::stoi(m.str(5)), static_cast<unsigned>(std::stoi(m.str(3))),
                static_cast<unsigned>(std::stoi(m.str(4)))};
    if (valid_civil(d)) h.date = days_from_civil(d) * 86400;
    return h;
}

bool is_bare_date(const std::string& line)
{
    static const Pattern re(R"(^\d{1,2}/\d{1,2}/\d{4}$)");
    return re.full_match(line);
}

bool is_caption(const std::string& line)
{
    return line.find("Photo/") != std::string::npos || line.find("(AP Photo") != std::string::npos ||
           line.find("Photo:") != std::string::npos || line.find("Image:") == 0;
}

bool is_bullet(const std::string& line, std::string* rest)
{
    static const Pattern re(R"(^(?:-|•|·)\s+(.{1,60})$)");
    Pattern::Match m;
    if (!re.full_match(line, &m)) return false;
    *rest = trim(m.str(1));
    return true;
}

bool is_related_marker(const std::string& norm)
{
    return norm == "related articles" || norm == "related stories" || norm == "related" || norm == "more stories";
}

bool parse_byline(const std::string& line, std::vector<std::string>* authors, std::string* outlet)
{
    static const Pattern re(R"(^By\s+([A-Za-z.'\- ]+?)(?:\s*(?:–|—|\||,| - )\s*([A-Za-z.'& ]{2,40}))?$)");
    Pattern::Match m;
    if (line.size() > 120 || !re.full_match(line, &m)) return false;
    std::string names = m.str(1);
    static const Pattern sep(R"(\s+and\s+|\s*,\s*)");
    Pattern::Match s;
    for (size_t from = 0; from <= names.size();) {
        size_t end = names.size(), next = names.size() + 1;
        if (sep.search(names, &s, from)) {
            end = s.position(names, 0);
            next = end + s.groups[0].size();
        }
        std::string n = trim(std::string_view(names).substr(from, end - from));
        from = next;
        if (n.empty()) continue;
        bool upper = true;
        for (char c : n)
            if (std::islower(static_cast<unsigned char>(c))) upper = false;
        authors->push_back(upper ? place_case(n) : n);
    }
    *outlet = trim(m.str(2));
    return !authors->empty();
}

std::optional<int64_t> find_written_date(const std::string& text, int64_t crawl_time, bool* has_year)
{
    static const Pattern re(R"(\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? (\d{1,2})(?:, (\d{4}))?\b)");
    Pattern::Match m;
    if (!re.search(text, &m)) return std::nullopt;
    int month = month_from_name(m.str(1));
    int day = std::stoi(m.str(2));
    CivilDate crawl = civil_from_days(crawl_time / 86400);
    *has_year = m.matched(3);
    int year = *has_year ? std::stoi(m.str(3)) : crawl.year;
    CivilDate d{year, static_cast<unsigned>(month), static_cast<unsigned>(day)};
    if (!valid_civil(d)) return std::nullopt;
    int64_t t = days_from_civil(d) * 86400;
    if (!*has_year && t > crawl_time) t = days_from_civil({year - 1, d.month, d.day}) * 86400;
    return t;
}

std::string site_from_furniture(const std::string& line)
{
    static const Pattern re(R"(^Explore what (.+?) AI can do for you:?$)", true);
    Pattern::Match m;
    return re.full_match(line, &m) ? m.str(1) : std::string();
}

bool is_furniture_line(const std::string& line, const FurnitureModel* model)
{
    std::string n = schema::normalise_value(line);
    for (const auto& f : known_furniture_lines())
        if (n == f) return true;
    return !site_from_furniture(line).empty() || (model && model->is_furniture(line));
}

std::string join_paragraphs(const std::vector<std::string>& lines)
{
    std::string out;
    for (const auto& l : lines) {
        if (l.empty()) continue;
        if (!out.empty()) out += "\n\n";
        out += l;
    }
    return out;
}

} // namespace morgue
