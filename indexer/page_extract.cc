#include "indexer/page_extract.h"

#include "indexer/dateline.h"
#include "indexer/page_lines.h"
#include "indexer/page_teasers.h"
#include "common/schema.h"
#include "indexer/text.h"
#include "common/wire.h"

#include <unordered_set>

namespace morgue {

namespace {

// The teaser section starts at the last "Related Articles" marker that is
// followed by "- Outlet" lines; an earlier marker is an inline box. Returns
// the marker's line, or lines.size() when there is none.
size_t find_related_section(const std::vector<std::string>& lines)
{
    size_t related = lines.size();
    for (size_t i = lines.size(); i-- > 0;) {
        if (!is_related_marker(schema::normalise_value(lines[i]))) continue;
        std::string rest;
        for (size_t j = i + 1; j < lines.size() && related == lines.size(); ++j)
            if (is_bullet(lines[j], &rest)) related = i;
        break;
    }
    return related;
}

// What the lines of the main story hold, furniture set aside.
struct StoryLines {
    std::string site;
    std::optional<Masthead> masthead;
    std::optional<RelativeTime> updated;
    std::string byline_outlet;
    std::vector<std::string> body;
};

// Reads the lines before the teasers; the byline's authors and the editor
// go straight to `a`.
StoryLines read_story(const std::vector<std::string>& lines, size_t related, const FurnitureModel* model, Article& a)
{
    StoryLines story;
    std::string previous;
    for (size_t i = 0; i < related; ++i) {
        const std::string& line = lines[i];
        if (line.empty()) continue;
        if (std::string s = site_from_furniture(line); !s.empty()) story.site = s;
        if (is_furniture_line(line, model) || is_related_marker(schema::normalise_value(line)) || is_bare_date(line))
            continue;
        if (auto m = parse_masthead(line)) {
            if (!story.masthead) story.masthead = m;
            continue;
        }
        if (auto r = parse_relative_time(line)) {
            if (!story.updated) story.updated = r;
            continue;
        }
        if (a.authors.empty() && parse_byline(line, &a.authors, &story.byline_outlet)) {
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
        story.body.push_back(line);
    }
    return story;
}

// Headline: the masthead's, else the first line left.
void set_title(StoryLines& story, Article& a)
{
    if (story.masthead) {
        a.title = story.masthead->title;
        a.provenance.emplace_back("title", "masthead");
    } else if (!story.body.empty()) {
        a.title = story.body.front();
        story.body.erase(story.body.begin());
        a.provenance.emplace_back("title", "first line");
    }
    while (!story.body.empty() && story.body.front() == a.title) story.body.erase(story.body.begin());
}

// Dateline at the start of the story proper (the first line that has one).
void set_dateline(const StoryLines& story, Article& a)
{
    const std::vector<std::string>& body = story.body;
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
}

// Outlet: byline, masthead, an outlet glued to the time, the site; then the
// wire credit the outlet gives, if the dateline gave none.
void set_outlet(const StoryLines& story, Article& a)
{
    const auto& updated = story.updated;
    if (!story.byline_outlet.empty()) {
        a.outlet = story.byline_outlet;
        a.provenance.emplace_back("outlet", "byline");
    } else if (story.masthead) {
        a.outlet = story.masthead->outlet;
        a.provenance.emplace_back("outlet", "masthead");
    } else if (updated && !updated->prefix.empty() && schema::normalise_value(updated->prefix) != "updated" &&
               schema::normalise_value(updated->prefix) != "time") {
        a.outlet = updated->prefix;
        a.provenance.emplace_back("outlet", "name before the time '" + updated->prefix + "'");
    } else if (!story.site.empty()) {
        a.outlet = story.site;
        a.provenance.emplace_back("outlet", "site name in the page furniture");
    } else {
        // Said, so that a hit without an outlet tells why (morgue-query shows it).
        a.provenance.emplace_back("outlet", "none found: no byline, masthead, name before the time or site name");
    }
    if (a.wire.empty() && !wire_of(a.outlet).empty()) {
        a.wire = wire_of(a.outlet);
        a.provenance.emplace_back("wire", "outlet " + a.outlet);
    }
}

// Date: the masthead's, else "N units ago", else a written date near the top.
void set_date(const StoryLines& story, int64_t crawl_time, Article& a)
{
    bool has_year = false;
    if (story.masthead && story.masthead->date) {
        a.date = story.masthead->date;
        a.provenance.emplace_back("date", "masthead");
    } else if (story.updated) {
        a.date = crawl_time - story.updated->seconds_ago;
        a.date_approximate = true;
        a.provenance.emplace_back("date", "relative time, resolved against the crawl time");
    } else if (!story.body.empty()) {
        if (auto t = find_written_date(story.body.front(), crawl_time, &has_year)) {
            a.date = t;
            a.date_approximate = !has_year;
            a.provenance.emplace_back("date", has_year ? "written date in the first paragraph"
                                                       : "written date in the first paragraph, year from the crawl time");
        }
    }
    if (!a.date)
        a.provenance.emplace_back("date", "none found: no masthead date, relative time or written date in the "
                                          "first paragraph");
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

ExtractedPage extract_page(std::string_view text, int64_t crawl_time, const FurnitureModel* model)
{
    ExtractedPage page;
    Article& a = page.main;
    const std::vector<std::string> lines = split_lines(text);
    const size_t related = find_related_section(lines);
    StoryLines story = read_story(lines, related, model, a);
    set_title(story, a);
    set_dateline(story, a);
    set_outlet(story, a);
    set_date(story, crawl_time, a);
    a.body = join_paragraphs(story.body);
    page.teasers = extract_teasers(lines, related, crawl_time, a.language, model);
    return page;
}

} // namespace morgue
