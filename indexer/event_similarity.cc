#include "event_similarity.h"

#include <algorithm>
#include <cmath>

namespace morgue {

float inverse_document_frequency(double docs, double df)
{
    return static_cast<float>(std::max(0.0, std::log((docs + 1) / (df + 0.5))));
}

TermVector distinctive_terms(TermVector all, const std::vector<float>& idf, size_t keep)
{
    if (all.size() > keep) {
        auto heavier = [&](const TermTf& x, const TermTf& y) {
            float wx = x.tf * idf[x.term], wy = y.tf * idf[y.term];
            return wx != wy ? wx > wy : x.term < y.term;
        };
        std::nth_element(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(keep), all.end(), heavier);
        all.resize(keep);
    }
    std::sort(all.begin(), all.end(), [](const TermTf& x, const TermTf& y) { return x.term < y.term; });
    return all;
}

double event_similarity(const TermVector& a, const TermVector& b, const std::vector<float>& idf)
{
    double dot = 0, na = 0, nb = 0;
    for (const auto& t : a) na += static_cast<double>(t.tf * idf[t.term]) * (t.tf * idf[t.term]);
    for (const auto& t : b) nb += static_cast<double>(t.tf * idf[t.term]) * (t.tf * idf[t.term]);
    for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
        if (a[i].term < b[j].term) ++i;
        else if (b[j].term < a[i].term) ++j;
        else {
            double w = idf[a[i].term];
            dot += static_cast<double>(a[i].tf) * b[j].tf * w * w;
            ++i, ++j;
        }
    }
    return na > 0 && nb > 0 ? dot / std::sqrt(na * nb) : 0;
}

} // namespace morgue
