#include "query/histogram.h"

#include "common/dates.h"
#include "common/schema.h"

#include <cstdio>

namespace morgue {

std::string next_bucket(const std::string& label)
{
    const int year = std::stoi(label.substr(0, 4));
    char buf[32];
    if (label.size() == 4) {
        std::snprintf(buf, sizeof buf, "%04d", year + 1);
    } else if (label.size() == 7) {
        int month = std::stoi(label.substr(5, 2));
        std::snprintf(buf, sizeof buf, "%04d-%02d", month == 12 ? year + 1 : year, month == 12 ? 1 : month + 1);
    } else {
        auto t = parse_iso_datetime(label);
        return t ? format_date(*t + 86400) : std::string();
    }
    return buf;
}

void fill_date_gaps(FacetResult* h)
{
    if (h->values.size() < 2) return;
    std::vector<FacetValue> filled;
    const std::string last = h->values.back().value;
    auto given = h->values.begin();
    for (std::string label = given->value; !label.empty() && label <= last; label = next_bucket(label)) {
        if (filled.size() > kMaxHistogramBuckets) return; // leave h as it was
        if (given != h->values.end() && given->value == label) filled.push_back(*given++);
        else filled.push_back({label, 0});
    }
    h->values = std::move(filled);
    h->distinct = h->values.size();
}

void add_date_shares(const Xapian::Database& db, const std::map<std::string, Xapian::doccount>& matching_days,
                     FacetResult* h)
{
    // Date terms (schema.h): Y1987, M198703, D19870302.
    std::map<std::string, Xapian::doccount> matching; // by compact bucket key
    const size_t len = h->interval == "year" ? 4 : h->interval == "month" ? 6 : 8;
    for (const auto& [day, n] : matching_days) matching[day.substr(0, len)] += n;
    const char* prefix = len == 4 ? schema::prefix::year : len == 6 ? schema::prefix::month : schema::prefix::day;
    for (auto& v : h->values) {
        std::string key;
        for (char c : v.value)
            if (c != '-') key += c;
        v.articles = db.get_termfreq(prefix + key);
        v.share = v.articles ? static_cast<double>(matching[key]) / v.articles : 0.0;
    }
}

} // namespace morgue
