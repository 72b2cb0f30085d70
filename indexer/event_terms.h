// What event clustering reads of a new article, taken out of its document on
// the thread that prepared it: walking a document's term list, interning
// each stem as a string and looking its names up cost the one thread that
// orders articles most of its time (perf, README), while the preparing
// threads run beside it. The ordering thread then interns 128-bit hashes
// (StemIds) and copies a stem only the first time it sees it.
#pragma once

#include "common/hash.h"

#include <xapian.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace morgue {

// 1 + ln(wdf), the weight of a stem within its article (wdf 0 counts as 1).
float log_tf(Xapian::termcount wdf);

struct EventTerms {
    struct Term {
        Hash128 hash;      // hash128(stem)
        float tf = 0;      // log_tf(wdf)
        bool name = false; // one of the article's name stems (name_stems())
        uint32_t end = 0;  // the stem is stems[previous end, end)
    };
    std::vector<Term> terms; // in the document's term order
    std::string stems;       // the stems, one after another

    std::string_view stem(size_t i) const
    {
        uint32_t begin = i ? terms[i - 1].end : 0;
        return std::string_view(stems).substr(begin, terms[i].end - begin);
    }
};

// The free-text stems of `doc` with their weights, each flagged when it is
// in `names` (sorted, as name_stems() gives them).
EventTerms event_terms(const Xapian::Document& doc, const std::vector<std::string>& names);

// Numbers for stems by their hash128 (EventTerms::Term::hash). Two stems
// sharing all 128 bits, about n^2 / 2^129 among n stems (1e-25 for 10
// million), would share a number. Stems sharing only the low 64 bits (3e-6)
// are told apart by the high half, kept in the map's node, and then by their
// text: comparing every stem's text would cost a cache miss for every stem
// of every article.
class StemIds {
public:
    // The number of `stem`; `next` when it is new, and *fresh is then true.
    uint32_t find_or_add(const Hash128& hash, std::string_view stem, uint32_t next, bool* fresh);

private:
    struct Entry {
        uint64_t hi = 0;
        uint32_t id = 0;
    };
    std::unordered_map<uint64_t, Entry> by_lo_;
    std::unordered_map<std::string, uint32_t> collided_; // stems whose low half an earlier stem has
};

} // namespace morgue
