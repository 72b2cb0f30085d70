// What one line of a scraped page is: the recognisers page extraction
// (page_extract.cc, page_teasers.cc) reads a page with. Lines come trimmed
// (split_lines).
#pragma once

#include "indexer/page_extract.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace morgue {

// The page's lines, each trimmed.
std::vector<std::string> split_lines(std::string_view text);

// "3 days ago", "an hour ago", "Updated 55 minutes ago", "DW3 days ago".
struct RelativeTime {
    std::string prefix; // "Updated", "time", "DW"
    int64_t seconds_ago = 0;
};
std::optional<RelativeTime> parse_relative_time(const std::string& line);

// "Title – DW – 05/28/2025"
struct Masthead {
    std::string title, outlet;
    std::optional<int64_t> date;
};
std::optional<Masthead> parse_masthead(const std::string& line);

bool is_bare_date(const std::string& line);
bool is_caption(const std::string& line);
// "- Outlet" (or • or ·): *rest is the outlet.
bool is_bullet(const std::string& line, std::string* rest);
// `norm` is the line after schema::normalise_value.
bool is_related_marker(const std::string& norm);

// "By KAREL JANICEK – Associated Press", "By Jane Doe and John Roe, Reuters"
bool parse_byline(const std::string& line, std::vector<std::string>* authors, std::string* outlet);

// "Nov. 22, 2024", "May 28, 2025", "May 28" (year from the crawl time).
std::optional<int64_t> find_written_date(const std::string& text, int64_t crawl_time, bool* has_year);

// The site's name from a furniture line that names it, else "".
std::string site_from_furniture(const std::string& line);

// Known furniture, a line naming the site, or a line recurring in the run
// (`model`, may be null).
bool is_furniture_line(const std::string& line, const FurnitureModel* model);

// The non-empty lines as paragraphs, separated by blank lines.
std::string join_paragraphs(const std::vector<std::string>& lines);

} // namespace morgue
