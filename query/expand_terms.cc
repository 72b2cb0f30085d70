#include "query/expand_terms.h"

#include <algorithm>
#include <cmath>

namespace morgue {

namespace {
// Xapian 1.4's default expand_k (Enquire::set_expansion_scheme("trad", 1.0)).
constexpr double kExpandK = 1.0;

// An ESet entry and Xapian's order for them (expand/esetinternal.h): "less"
// means ranked before, by weight, then by the greater term. The selection
// below keeps a heap in that order, so ties at the cut fall where get_eset's
// fall.
struct Ranked {
    double weight;
    std::string term;
    bool operator<(const Ranked& o) const
    {
        if (weight > o.weight) return true;
        if (weight < o.weight) return false;
        return term > o.term;
    }
};
} // namespace

double trad_expand_weight(const ExpandCandidate& t, const ExpandCollection& c)
{
    // The same operations in the same order as ExpandStats::accumulate and
    // TradEWeight::get_weight, so that the doubles are equal to the bit.
    Xapian::termcount wdf = t.wdf == 0 ? 1 : t.wdf;
    double multiplier = 0;
    multiplier += (kExpandK + 1) * wdf / (kExpandK * c.doclength / c.avlength + wdf);
    const Xapian::doccount rsize = 1, rtermfreq = 1;
    double reldocs_without_term = rsize - rtermfreq;
    double num = (rtermfreq + 0.5) * (c.dbsize - double(t.termfreq) - reldocs_without_term + 0.5);
    double denom = (t.termfreq - double(rtermfreq) + 0.5) * (reldocs_without_term + 0.5);
    if (num <= denom) return 0.0; // Xapian clamps a negative weight to 0 (which is then left out)
    return multiplier * std::log(num / denom);
}

std::vector<std::string> top_expand_terms(const std::vector<ExpandCandidate>& candidates,
                                          const ExpandCollection& collection, size_t max_terms)
{
    std::vector<Ranked> items;
    if (max_terms == 0) return {};
    double min_weight = 0;
    bool is_heap = false;
    for (const ExpandCandidate& c : candidates) {
        double w = trad_expand_weight(c, collection);
        if (w <= min_weight) continue;
        items.push_back({w, c.term});
        if (items.size() > max_terms) {
            if (!is_heap) {
                is_heap = true;
                std::make_heap(items.begin(), items.end());
            } else {
                std::push_heap(items.begin(), items.end());
            }
            std::pop_heap(items.begin(), items.end());
            items.pop_back();
            min_weight = items.front().weight;
        }
    }
    if (is_heap) std::sort_heap(items.begin(), items.end());
    else std::sort(items.begin(), items.end());
    std::vector<std::string> out;
    out.reserve(items.size());
    for (Ranked& r : items) out.push_back(std::move(r.term));
    return out;
}

} // namespace morgue
