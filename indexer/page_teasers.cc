#include "indexer/page_teasers.h"

#include "indexer/page_lines.h"
#include "common/schema.h"
#include "common/wire.h"

namespace morgue {

namespace {

// Where each block's header (the lines before its bullet) starts.
std::vector<size_t> header_starts(const std::vector<std::string>& lines, size_t related,
                                  const std::vector<size_t>& bullets, const std::vector<std::string>& outlets)
{
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
    return header_start;
}

} // namespace

std::vector<Article> extract_teasers(const std::vector<std::string>& lines, size_t related, int64_t crawl_time,
                                     const std::string& language, const FurnitureModel* model)
{
    // Blocks of [title] [outlet] time "- outlet" title text.
    std::vector<Article> teasers;
    std::vector<size_t> bullets;
    std::vector<std::string> outlets;
    for (size_t i = related + 1; i < lines.size(); ++i) {
        std::string rest;
        if (is_bullet(lines[i], &rest)) {
            bullets.push_back(i);
            outlets.push_back(rest);
        }
    }
    const std::vector<size_t> header_start = header_starts(lines, related, bullets, outlets);
    for (size_t b = 0; b < bullets.size(); ++b) {
        Article t;
        t.kind = "teaser";
        t.outlet = outlets[b];
        t.wire = wire_of(t.outlet);
        t.language = language;
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
            if (is_furniture_line(lines[j], model)) break;
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
        teasers.push_back(std::move(t));
    }
    return teasers;
}

} // namespace morgue
