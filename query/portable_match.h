// Matching that works the same over local and remote shards: only what a
// stock xapian-tcpsrv / xapian-progsrv runs and merges. Facets come from
// Xapian's ValueCountMatchSpy over the packed facet value (PackedFacetCounts);
// copies are folded into one hit per story here, from a ranking a little
// longer than the page, because Xapian's collapse makes every remote shard
// send back up to check_at_least items when the count must be exact.
#pragma once

#include "query/search.h"

#include <xapian.h>

#include <map>
#include <string>
#include <vector>

namespace morgue {

// Runs `enquire` (query and order already set) and fills the page of hits,
// res->matches, res->stories, res->exact and res->facets, and `days` (when
// given) with the matching articles by "YYYYMMDD" (the histogram's shares).
// Throws Xapian::Error.
void match_portable(Xapian::Enquire& enquire, const Xapian::Database& db, const SearchRequest& req,
                    std::vector<Xapian::MSetIterator>* page, SearchResult* res,
                    std::map<std::string, Xapian::doccount>* days = nullptr);

// How many documents each of `clusters` (copy cluster ids) has, from one
// search rather than a term frequency look-up per cluster: over remote
// shards each look-up is a round trip per shard. Throws Xapian::Error.
std::map<std::string, Xapian::doccount> story_sizes(const Xapian::Database& db, const std::vector<std::string>& clusters);

} // namespace morgue
