// Datelines: the place (and sometimes date) a story was filed from, as wire
// copy prints it at the start of the story ("PRAGUE (AP) — ...",
// "SALVADOR, Feb 26 - ...") or as a feed gives it ("NEW YORK, Feb 26").
// Facets want the place alone, in one spelling: "Prague", "New York".
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace morgue {

struct Dateline {
    std::string place;  // "Prague"
    std::string wire;   // "AP" when the opening credits one: "PRAGUE (AP) —"
    int month = 0, day = 0; // "Feb 26" -> 2, 26 (0 when absent)
    size_t length = 0;  // bytes of the opening consumed, separator included
};

// The place of a feed's dateline field: "NEW YORK, Feb 26" -> "New York",
// "PORTLAND, Ore., Feb 26" -> "Portland", "Prague" -> "Prague".
std::string normalise_dateline(std::string_view field);

// A dateline at the very start of a story's text, if there is one.
std::optional<Dateline> parse_dateline_opening(std::string_view text);

// "RIO DE JANEIRO" -> "Rio de Janeiro".
std::string place_case(std::string_view upper);

// "Feb", "Feb.", "February", "Sept" -> 2 etc.; 0 if not a month name.
int month_from_name(std::string_view name);

} // namespace morgue
