// The date histogram as a picture of attention over time: every interval
// from the first to the last, empty ones as zeros (so that 1987 does not
// sit beside 2016), and optionally each interval's matches as a share of
// all the articles of that interval.
#pragma once

#include "query/facets.h"

#include <xapian.h>

#include <map>
#include <string>

namespace morgue {

// Beyond this many buckets the gaps are left unfilled (a day histogram
// over centuries of bad dates would be megabytes of zeros).
inline constexpr size_t kMaxHistogramBuckets = 100000;

// Inserts a zero bucket for every missing day, month or year between the
// first and the last of h (labels "2025-05-28", "2025-05" or "2025").
void fill_date_gaps(FacetResult* h);

// The label after `label` at its interval ("1987-12" -> "1988-01").
std::string next_bucket(const std::string& label);

// Sets each bucket's `articles` (every article of that interval in `db`,
// from its date terms) and `share` (matching articles / articles).
// `matching_days` counts matching articles (copies included) by "YYYYMMDD".
void add_date_shares(const Xapian::Database& db, const std::map<std::string, Xapian::doccount>& matching_days,
                     FacetResult* h);

} // namespace morgue
