// Near-duplicate signatures for syndicated copies: MinHash over 5-word
// shingles of the normalised text, and LSH bands of the signature that are
// indexed as boolean terms, so that candidate copies are found with an
// ordinary Xapian query and no side store.
#pragma once

#include "common/article.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace morgue {

inline constexpr size_t kShingleWords = 5;
inline constexpr size_t kMinHashes = 64;
// Two articles are copies when the estimated containment reaches this
// (morgue-index --copy-threshold); chosen on tests/data/copy-pairs.
inline constexpr double kDefaultCopyThreshold = 0.7;
// Candidates are looked for within this many days of the article's date.
inline constexpr int kDefaultCopyWindowDays = 14;
// 6 bands of 2 rows (the first 12 minimums): texts with Jaccard 0.8 are
// candidates with p = 0.998, with 0.6 p = 0.93, with 0.3 p = 0.43 (a
// trimmed copy inside a longer page has a low Jaccard similarity, and it is
// the containment that decides). Each band is a term of its own in nearly
// every document, the costliest terms of the index per byte of text (8
// bands were 9% of a compacted Reuters-21578 index), so the bands are few
// and narrow: on tests/data/copy-pairs, 6x2 finds 91% of the copies, 8
// bands of 4 rows (before schema 5) 88%, with as few chance candidates.
inline constexpr size_t kBands = 6;
inline constexpr size_t kBandRows = 2;
// A band's key: its number and 48 bits of the hash of its rows (a chance
// match with an unrelated article only costs a candidate to verify).
inline constexpr size_t kBandKeyBytes = 6;

struct CopySignature {
    uint32_t shingles = 0;          // distinct shingles in the text
    std::vector<uint32_t> minimums; // kMinHashes values

    std::string serialise() const;
    static std::optional<CopySignature> parse(std::string_view bytes);
};

// Nothing for a text of fewer than kShingleWords words.
std::optional<CopySignature> copy_signature(std::string_view text);
// The signature copies of an article are compared by: of its body, or of
// its title when it has no body.
std::optional<CopySignature> article_signature(const Article& a);

// The band terms (without prefix) of a signature: raw bytes.
std::vector<std::string> band_keys(const CopySignature& s);

// Estimated Jaccard similarity of the two shingle sets.
double estimate_jaccard(const CopySignature& a, const CopySignature& b);

// Estimated share of the smaller text's shingles found in the other:
// a trimmed wire copy inside a longer page still scores high.
double estimate_containment(const CopySignature& a, const CopySignature& b);

} // namespace morgue
