// Dates as people type them in queries, --since/--until and the API: a day
// (2017-09-04), a month (2017-09) or a year (2017). A month or a year stands
// for all its days, so that "until 2017-09" means up to September's end.
#pragma once

#include "common/status.h"

#include <cstdint>
#include <string>

namespace morgue {

struct DayRange {
    int64_t first = 0, last = 0; // the first and the last day's start, seconds UTC (inclusive)
};

// "1987", "1987-03" or "1987-03-02" -> the days it covers. A usage error
// names the accepted forms (05/06/2025 is refused, not guessed).
Status parse_date_period(const std::string& text, DayRange* out);

// "FROM..TO", "FROM..", "..TO" or a single period, each end a period as
// above: date:1987-03..1987-04 is March and April. An open end is left
// unset; a range that ends before it starts is refused.
struct DateBounds {
    bool has_first = false, has_last = false;
    int64_t first = 0, last = 0; // as in DayRange
};
Status parse_date_range(const std::string& text, DateBounds* out);

} // namespace morgue
