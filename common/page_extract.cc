#include "page_extract.h"

#include "text.h"

#include "dateline.h"
#include "dates.h"
#include "pattern.h"
#include "schema.h"

#include <charconv>
#include <unordered_set>

namespace morgue {

namespace {

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

struct RelativeTime {
    std::string prefix; // "Updated", "time", "DW"
    int64_t seconds_ago = 0;
};

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

// "Title – DW – 05/28/2025"
struct Masthead {
    std::string title, outlet;
    std::optional<int64_t> date;
};
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

// "By KAREL JANICEK – Associated Press", "By Jane Doe and John Roe, Reuters"
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

// "Nov. 22, 2024", "May 28, 2025", "May 28" (year from the crawl time).
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

} // namespace

const std::vector<std::string>& known_furniture_lines()
{
    static const std::vector<std::string> lines = {
        "logo", "try our ai features", "comments", "no comments yet...", "related articles", "related stories",
        "download the app", "get started now: download the app", "orange background", "app-storeplay-store",
        "ready to dive into the world of global news and events? download our app today from your preferred app store and start exploring.",
    };
    return lines;
}

void FurnitureModel::add_page(std::string_view text)
{
    std::unordered_set<std::string> seen;
    for (const auto& line : split_lines(text))
        if (!line.empty() && line.size() <= kMaxFurnitureLine) seen.insert(schema::normalise_value(line));
    for (const auto& l : seen) ++pages_with_line_[l];
}

bool FurnitureModel::is_furniture(std::string_view line) const
{
    if (line.size() > kMaxFurnitureLine) return false;
    auto it = pages_with_line_.find(schema::normalise_value(line));
    return it != pages_with_line_.end() && it->second >= kMinFurniturePages;
}

std::string wire_of(std::string_view outlet)
{
    static const std::pair<const char*, const char*> wires[] = {
        {"associated press", "AP"}, {"ap", "AP"}, {"agence france-presse", "AFP"}, {"afp", "AFP"},
        {"reuters", "Reuters"}, {"dw", "DW"}, {"deutsche welle", "DW"}, {"xinhua", "Xinhua"},
        {"upi", "UPI"}, {"dpa", "dpa"}, {"saudi press agency", "SPA"},
    };
    std::string o = schema::normalise_value(outlet);
    for (const auto& [name, wire] : wires)
        if (o == name) return wire;
    return {};
}

ExtractedPage extract_page(std::string_view text, int64_t crawl_time, const FurnitureModel* model)
{
    ExtractedPage page;
    Article& a = page.main;
    std::vector<std::string> lines = split_lines(text);
    auto furniture = [&](const std::string& line) {
        std::string n = schema::normalise_value(line);
        for (const auto& f : known_furniture_lines())
            if (n == f) return true;
        return !site_from_furniture(line).empty() || (model && model->is_furniture(line));
    };

    // The teaser section starts at the last "Related Articles" marker that
    // is followed by "- Outlet" lines; an earlier marker is an inline box.
    size_t related = lines.size();
    for (size_t i = lines.size(); i-- > 0;) {
        if (!is_related_marker(schema::normalise_value(lines[i]))) continue;
        std::string rest;
        for (size_t j = i + 1; j < lines.size() && related == lines.size(); ++j)
            if (is_bullet(lines[j], &rest)) related = i;
        break;
    }

    std::string site;
    std::optional<Masthead> masthead;
    std::optional<RelativeTime> updated;
    std::string byline_outlet;
    std::vector<std::string> body;
    std::string previous;
    for (size_t i = 0; i < related; ++i) {
        const std::string& line = lines[i];
        if (line.empty()) continue;
        if (std::string s = site_from_furniture(line); !s.empty()) site = s;
        if (furniture(line) || is_related_marker(schema::normalise_value(line)) || is_bare_date(line)) continue;
        if (auto m = parse_masthead(line)) {
            if (!masthead) masthead = m;
            continue;
        }
        if (auto r = parse_relative_time(line)) {
            if (!updated) updated = r;
            continue;
        }
        if (a.authors.empty() && parse_byline(line, &a.authors, &byline_outlet)) {
            a.provenance.emplace_back("authors", "byline '" + line + "'");
            continue;
        }
        if (line.rfind("Edited by:", 0) == 0) {
            a.provenance.emplace_back("editor", trim(line.substr(10)));
            continue;
        }
        // A caption printed twice (and mastheads repeated) are page furniture.
        bool repeated = false;
        for (size_t j = i + 1; j < related && j <= i + 3; ++j) repeated |= lines[j] == line;
        if (is_caption(line) && (repeated || line == previous)) {
            previous = line;
            continue;
        }
        if (line == previous) continue;
        previous = line;
        body.push_back(line);
    }

    // Headline: the masthead's, else the first line left.
    if (masthead) {
        a.title = masthead->title;
        a.provenance.emplace_back("title", "masthead");
    } else if (!body.empty()) {
        a.title = body.front();
        body.erase(body.begin());
        a.provenance.emplace_back("title", "first line");
    }
    while (!body.empty() && body.front() == a.title) body.erase(body.begin());

    // Dateline at the start of the story proper (the first line that has one).
    for (size_t i = 0; i < body.size() && i < 3; ++i) {
        if (auto d = parse_dateline_opening(body[i])) {
            a.dateline = d->place;
            a.provenance.emplace_back("dateline", "opening '" + body[i].substr(0, d->length) + "'");
            if (!d->wire.empty()) {
                a.wire = d->wire;
                a.provenance.emplace_back("wire", "dateline credit (" + d->wire + ")");
            }
            break;
        }
    }

    // Outlet: byline, masthead, an outlet glued to the time, the site.
    if (!byline_outlet.empty()) {
        a.outlet = byline_outlet;
        a.provenance.emplace_back("outlet", "byline");
    } else if (masthead) {
        a.outlet = masthead->outlet;
        a.provenance.emplace_back("outlet", "masthead");
    } else if (updated && !updated->prefix.empty() && schema::normalise_value(updated->prefix) != "updated" &&
               schema::normalise_value(updated->prefix) != "time") {
        a.outlet = updated->prefix;
        a.provenance.emplace_back("outlet", "name before the time '" + updated->prefix + "'");
    } else if (!site.empty()) {
        a.outlet = site;
        a.provenance.emplace_back("outlet", "site name in the page furniture");
    } else {
        // Said, so that a hit without an outlet tells why (morgue-query shows it).
        a.provenance.emplace_back("outlet", "none found: no byline, masthead, name before the time or site name");
    }
    if (a.wire.empty() && !wire_of(a.outlet).empty()) {
        a.wire = wire_of(a.outlet);
        a.provenance.emplace_back("wire", "outlet " + a.outlet);
    }

    // Date: the masthead's, else "N units ago", else a written date near the top.
    bool has_year = false;
    if (masthead && masthead->date) {
        a.date = masthead->date;
        a.provenance.emplace_back("date", "masthead");
    } else if (updated) {
        a.date = crawl_time - updated->seconds_ago;
        a.date_approximate = true;
        a.provenance.emplace_back("date", "relative time, resolved against the crawl time");
    } else if (!body.empty()) {
        if (auto t = find_written_date(body.front(), crawl_time, &has_year)) {
            a.date = t;
            a.date_approximate = !has_year;
            a.provenance.emplace_back("date", has_year ? "written date in the first paragraph"
                                                       : "written date in the first paragraph, year from the crawl time");
        }
    }
    if (!a.date)
        a.provenance.emplace_back("date", "none found: no masthead date, relative time or written date in the "
                                          "first paragraph");
    a.body = join_paragraphs(body);

    // Teasers: blocks of [title] [outlet] time "- outlet" title text.
    std::vector<size_t> bullets;
    std::vector<std::string> outlets;
    for (size_t i = related + 1; i < lines.size(); ++i) {
        std::string rest;
        if (is_bullet(lines[i], &rest)) {
            bullets.push_back(i);
            outlets.push_back(rest);
        }
    }
    // Where each block's header (lines before its bullet) starts.
    std::vector<size_t> header_start(bullets.size());
    for (size_t b = 0; b < bullets.size(); ++b) {
        size_t start = bullets[b];
        size_t floor = b == 0 ? related + 1 : bullets[b - 1] + 2;
        while (start > floor) {
            const std::string& prev = lines[start - 1];
            if (prev.empty() || parse_relative_time(prev) ||
                schema::normalise_value(prev) == schema::normalise_value(outlets[b]))
                --start;
            else
                break;
        }
        // Titles printed above the header (twice, on some sites).
        while (start > floor) {
            const std::string& prev = lines[start - 1];
            size_t t = bullets[b] + 1;
            while (t < lines.size() && lines[t].empty()) ++t;
            std::string title = t < lines.size() ? lines[t] : "";
            if (prev.empty() || prev == title) --start;
            else break;
        }
        header_start[b] = start;
    }
    for (size_t b = 0; b < bullets.size(); ++b) {
        Article t;
        t.kind = "teaser";
        t.outlet = outlets[b];
        t.wire = wire_of(t.outlet);
        t.language = a.language;
        size_t i = bullets[b] + 1;
        while (i < lines.size() && lines[i].empty()) ++i;
        if (i >= lines.size()) continue;
        if (auto m = parse_masthead(lines[i])) {
            t.title = m->title;
            t.date = m->date;
            if (t.date) t.provenance.emplace_back("date", "masthead of the teaser");
        } else {
            t.title = lines[i];
        }
        size_t end = b + 1 < bullets.size() ? header_start[b + 1] : lines.size();
        std::vector<std::string> text_lines;
        for (size_t j = i + 1; j < end; ++j) {
            if (furniture(lines[j])) break;
            text_lines.push_back(lines[j]);
        }
        t.body = join_paragraphs(text_lines);
        for (size_t j = header_start[b]; j < bullets[b] && !t.date; ++j)
            if (auto r = parse_relative_time(lines[j])) {
                t.date = crawl_time - r->seconds_ago;
                t.date_approximate = true;
                t.provenance.emplace_back("date", "relative time of the teaser, resolved against the crawl time");
            }
        if (!t.date) t.provenance.emplace_back("date", "none found: no masthead or relative time in the teaser");
        t.provenance.emplace_back("kind", "teaser after the related-articles marker");
        t.provenance.emplace_back("outlet", "'- " + t.outlet + "' line of the teaser");
        page.teasers.push_back(std::move(t));
    }
    return page;
}

} // namespace morgue
