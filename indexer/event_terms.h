// What event clustering reads of a new article, taken out of its document on
// the thread that prepared it: walking a document's term list, interning
// each stem as a string and looking its names up cost the one thread that
// orders articles most of its time (perf, README), while the preparing
// threads run beside it. The ordering thread then interns 128-bit hashes
// and copies a stem only the first time it sees it.
#pragma once

#include "common/hash.h"

#include <xapian.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace morgue {

// A free-text stem: terms with a prefix start with an upper-case letter (schema.h).
inline bool free_text_term(std::string_view t) { return !t.empty() && !(t[0] >= 'A' && t[0] <= 'Z'); }

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

} // namespace morgue
