#include "indexer/event_terms.h"

#include "common/schema.h"

#include <algorithm>
#include <cmath>

namespace morgue {

float log_tf(Xapian::termcount wdf)
{
    return 1.f + static_cast<float>(std::log(std::max<Xapian::termcount>(1, wdf)));
}

EventTerms event_terms(const Xapian::Document& doc, const std::vector<std::string>& names)
{
    EventTerms out;
    out.terms.reserve(doc.termlist_count());
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        const std::string& stem = *t;
        if (!schema::is_free_text(stem)) continue;
        out.stems += stem;
        out.terms.push_back({hash128(stem), log_tf(t.get_wdf()), std::binary_search(names.begin(), names.end(), stem),
                             static_cast<uint32_t>(out.stems.size())});
    }
    return out;
}

uint32_t StemIds::find_or_add(const Hash128& hash, std::string_view stem, uint32_t next, bool* fresh)
{
    // try_emplace: emplace would build (and free) a node for every stem already known.
    auto [it, added] = by_lo_.try_emplace(hash.lo, Entry{hash.hi, next});
    *fresh = added;
    if (added || it->second.hi == hash.hi) return it->second.id;
    auto [c, unseen] = collided_.try_emplace(std::string(stem), next);
    *fresh = unseen;
    return c->second;
}

} // namespace morgue
