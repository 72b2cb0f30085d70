#include "common/dates.h"

#include <cstdio>

namespace morgue {

// Howard Hinnant's days_from_civil / civil_from_days: exact for the
// proleptic Gregorian calendar, no dependence on the C library's time zone.
int64_t days_from_civil(CivilDate d)
{
    int64_t y = d.year - (d.month <= 2 ? 1 : 0);
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    auto yoe = static_cast<unsigned>(y - era * 400);
    unsigned mp = d.month > 2 ? d.month - 3 : d.month + 9;
    unsigned doy = (153 * mp + 2) / 5 + d.day - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

CivilDate civil_from_days(int64_t z)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    auto doe = static_cast<unsigned>(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t y = static_cast<int64_t>(yoe) + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    unsigned d = doy - (153 * mp + 2) / 5 + 1;
    unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {static_cast<int>(y + (m <= 2 ? 1 : 0)), m, d};
}

bool valid_civil(CivilDate d)
{
    if (d.month < 1 || d.month > 12 || d.day < 1) return false;
    static const unsigned len[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
    unsigned max = len[d.month - 1] + (d.month == 2 && leap ? 1 : 0);
    return d.day <= max;
}

namespace {

bool digits(std::string_view s, size_t pos, size_t n, int* out)
{
    if (pos + n > s.size()) return false;
    int v = 0;
    for (size_t i = pos; i < pos + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

int64_t floor_div(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

} // namespace

std::optional<int64_t> parse_iso_datetime(std::string_view s)
{
    int y, mo, d = 1, h = 0, mi = 0, sec = 0;
    if (!digits(s, 0, 4, &y) || s.size() < 7 || s[4] != '-' || !digits(s, 5, 2, &mo))
        return std::nullopt;
    size_t pos = 7;
    if (pos < s.size()) {
        if (s[pos] != '-' || !digits(s, pos + 1, 2, &d)) return std::nullopt;
        pos += 3;
    }
    CivilDate cd{y, static_cast<unsigned>(mo), static_cast<unsigned>(d)};
    if (!valid_civil(cd)) return std::nullopt;
    int64_t offset = 0;
    if (pos < s.size()) {
        if ((s[pos] != 'T' && s[pos] != ' ') || !digits(s, pos + 1, 2, &h) ||
            pos + 3 >= s.size() || s[pos + 3] != ':' || !digits(s, pos + 4, 2, &mi))
            return std::nullopt;
        pos += 6;
        if (pos < s.size() && s[pos] == ':') {
            if (!digits(s, pos + 1, 2, &sec)) return std::nullopt;
            pos += 3;
            if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
                ++pos;
                while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
            }
        }
        if (h > 23 || mi > 59 || sec > 60) return std::nullopt;
        if (pos < s.size()) {
            if (s[pos] == 'Z' && pos + 1 == s.size()) {
                pos += 1;
            } else if (s[pos] == '+' || s[pos] == '-') {
                int oh, om = 0;
                if (!digits(s, pos + 1, 2, &oh)) return std::nullopt;
                size_t p = pos + 3;
                if (p < s.size() && s[p] == ':') ++p;
                if (p < s.size() && !digits(s, p, 2, &om)) return std::nullopt;
                if (p < s.size()) p += 2;
                if (p != s.size() || oh > 14 || om > 59) return std::nullopt;
                offset = (s[pos] == '+' ? 1 : -1) * (oh * 3600 + om * 60);
                pos = p;
            } else {
                return std::nullopt;
            }
        }
    }
    return days_from_civil(cd) * 86400 + h * 3600 + mi * 60 + sec - offset;
}

std::string format_date(int64_t t)
{
    CivilDate c = civil_from_days(floor_div(t, 86400));
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", c.year, c.month, c.day);
    return buf;
}

std::string format_datetime(int64_t t)
{
    int64_t secs = t - floor_div(t, 86400) * 86400;
    char buf[48];
    std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02dZ", format_date(t).c_str(),
                  static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60),
                  static_cast<int>(secs % 60));
    return buf;
}

std::string format_compact_day(int64_t t)
{
    std::string d = format_date(t);
    return d.substr(0, 4) + d.substr(5, 2) + d.substr(8, 2);
}

std::string format_compact_month(int64_t t) { return format_compact_day(t).substr(0, 6); }

} // namespace morgue
