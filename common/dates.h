// Dates as news archives carry them: ISO 8601 strings in, seconds since the
// epoch (UTC) inside. Times without a zone are taken as UTC.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace morgue {

struct CivilDate {
    int year = 1970;
    unsigned month = 1, day = 1;
};

int64_t days_from_civil(CivilDate d);
CivilDate civil_from_days(int64_t days);
bool valid_civil(CivilDate d);

// "2025-05-28", "2025-05-28T14:03:00", "2025-05-28 14:03:00.79",
// "2025-05-28T14:03:00Z", "...+02:00"; nullopt for anything else.
std::optional<int64_t> parse_iso_datetime(std::string_view s);

std::string format_date(int64_t seconds);     // "2025-05-28"
std::string format_datetime(int64_t seconds); // "2025-05-28T14:03:00Z"
std::string format_compact_day(int64_t seconds);   // "20250528"
std::string format_compact_month(int64_t seconds); // "202505"

} // namespace morgue
