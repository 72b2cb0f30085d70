#include "indexer/event_similarity.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace morgue {

float inverse_document_frequency(double docs, double df)
{
    return idf_from_logs(std::log(docs + 1), std::log(df + 0.5));
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

double time_decay(double days)
{
    // Chosen with scripts/measure-events on its tune part (docs/events.md).
    constexpr double kFullDays = 7, kHalfLifeDays = 14;
    days = std::abs(days);
    return days <= kFullDays ? 1 : std::exp2(-(days - kFullDays) / kHalfLifeDays);
}

double time_weight(const std::optional<int64_t>& a, const std::optional<int64_t>& b)
{
    if (!a || !b) return kUndatedWeight;
    return time_decay(static_cast<double>(*a - *b) / 86400.0);
}

void EventChoice::offer(double s, const std::string& report_event)
{
    if (report_event == event) {
        similarity = std::max(similarity, s);
    } else if (s > similarity) {
        // The old best is of another event than the new one: the new rival.
        rival = event.empty() ? rival : similarity;
        similarity = s, event = report_event;
    } else {
        rival = std::max(rival, s);
    }
}

bool EventChoice::joins(double threshold) const
{
    // Chosen with scripts/measure-events on its tune part (docs/events.md): a report
    // close to one event only is most often of it, and the margin keeps
    // routine items alike in wording (results, weather) apart.
    constexpr double kSecondChance = 2.0 / 3, kMargin = 2.4;
    if (event.empty()) return false;
    return similarity >= threshold || (similarity >= kSecondChance * threshold && similarity >= kMargin * rival);
}

std::vector<std::string> capitalised_words(const std::string& text)
{
    // A byte of a multi-byte UTF-8 character counts as part of a word.
    auto word_byte = [](unsigned char c) { return std::isalnum(c) || c >= 0x80 || c == '\''; };
    std::vector<std::string> out;
    bool sentence_start = true;
    for (size_t i = 0, n = text.size(); i < n;) {
        auto c = static_cast<unsigned char>(text[i]);
        if (!word_byte(c) || c == '\'') {
            if (c == '.' || c == '!' || c == '?' || c == ':' || c == '"' || c == '\n') sentence_start = true;
            ++i;
            continue;
        }
        size_t j = i;
        while (j < n && word_byte(static_cast<unsigned char>(text[j]))) ++j;
        if (!sentence_start && c >= 'A' && c <= 'Z') out.push_back(text.substr(i, j - i));
        sentence_start = false;
        i = j;
    }
    return out;
}

} // namespace morgue
