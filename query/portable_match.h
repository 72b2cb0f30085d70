// Matching that works the same over local and remote shards: only what a
// stock xapian-tcpsrv / xapian-progsrv runs and merges. Facets come from
// Xapian's ValueCountMatchSpy over the packed facet value (PackedFacetCounts);
// copies are folded into one hit per story here, from a ranking a little
// longer than the page, because Xapian's collapse makes every remote shard
// send back up to check_at_least items when the count must be exact.
#pragma once

#include "search.h"

#include <xapian.h>

#include <vector>

namespace morgue {

// Runs `enquire` (query and order already set) and fills the page of hits,
// res->matches, res->stories, res->exact and res->facets. Throws Xapian::Error.
void match_portable(Xapian::Enquire& enquire, const Xapian::Database& db, const SearchRequest& req,
                    std::vector<Xapian::MSetIterator>* page, SearchResult* res);

} // namespace morgue
