#include "query/date_period.h"

#include "common/dates.h"

namespace morgue {

namespace {

bool all_digits(const std::string& s, size_t from, size_t n)
{
    for (size_t i = from; i < from + n; ++i)
        if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
    return true;
}

Status bad_date(const std::string& text)
{
    return Status::Usage("bad date '" + text + "': use an ISO day, month or year (2025-05-28, 2025-05 or 2025)" +
                         (text.find('/') != std::string::npos ? "; forms like 05/06/2025 are ambiguous" : ""));
}

} // namespace

Status parse_date_period(const std::string& text, DayRange* out)
{
    const bool year = text.size() == 4 && all_digits(text, 0, 4);
    const bool month = text.size() == 7 && all_digits(text, 0, 4) && text[4] == '-' && all_digits(text, 5, 2);
    const bool day = text.size() == 10 && all_digits(text, 0, 4) && text[4] == '-' && all_digits(text, 5, 2) &&
                     text[7] == '-' && all_digits(text, 8, 2);
    if (!year && !month && !day) return bad_date(text);
    // parse_iso_datetime checks the month and the day against the calendar.
    auto start = parse_iso_datetime(year ? text + "-01-01" : month ? text + "-01" : text);
    if (!start) return bad_date(text);
    CivilDate c = civil_from_days(*start / 86400);
    CivilDate end = c;
    if (year) {
        end = {c.year, 12, 31};
    } else if (month) {
        end.day = 31;
        while (!valid_civil(end)) --end.day;
    }
    out->first = *start;
    out->last = days_from_civil(end) * 86400;
    return Status::Ok();
}

Status parse_date_range(const std::string& text, DateBounds* out)
{
    const size_t dots = text.find("..");
    const std::string from = dots == std::string::npos ? text : text.substr(0, dots);
    const std::string to = dots == std::string::npos ? text : text.substr(dots + 2);
    *out = DateBounds{};
    DayRange r;
    if (!from.empty()) {
        Status s = parse_date_period(from, &r);
        if (!s.ok()) return s;
        out->has_first = true;
        out->first = r.first;
    }
    if (!to.empty()) {
        Status s = parse_date_period(to, &r);
        if (!s.ok()) return s;
        out->has_last = true;
        out->last = r.last;
    }
    if (!out->has_first && !out->has_last)
        return Status::Usage("date: needs a day or a range (of days, months or years), e.g. "
                             "date:2025-05-01..2025-05-31, date:2017-09, date:1987..1988");
    if (out->has_first && out->has_last && out->first > out->last)
        return Status::Usage("date range " + text + " ends before it starts");
    return Status::Ok();
}

} // namespace morgue
