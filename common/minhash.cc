#include "common/minhash.h"

#include "common/hash.h"

#include <xapian.h>

#include <algorithm>

namespace morgue {

namespace {
// ASCII letters, digits and '_': Xapian's word characters below 128.
bool ascii_word_char(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
} // namespace

std::optional<CopySignature> copy_signature(std::string_view text)
{
    // Words: runs of word characters, lower-cased (so quotes, punctuation
    // and case differences between copies do not matter), each hashed
    // (hash128(word).lo) byte by byte as it is read.
    std::vector<uint64_t> words;
    Hash128Lo word;
    bool in_word = false;
    auto flush = [&] {
        if (in_word) words.push_back(word.value());
        word = Hash128Lo();
        in_word = false;
    };
    const char* p = text.data();
    const char* const end = p + text.size();
    while (p != end) {
        const auto c = static_cast<unsigned char>(*p);
        if (c < 128) {
            // ASCII, most of most news: decoded and classified inline.
            ++p;
            if (ascii_word_char(c)) {
                word.add(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
                in_word = true;
            } else {
                flush();
            }
            continue;
        }
        // One character as Xapian decodes it (an invalid byte stands for itself).
        Xapian::Utf8Iterator it(p, static_cast<size_t>(end - p));
        const unsigned ch = *it;
        ++it;
        p = it == Xapian::Utf8Iterator() ? end : it.raw();
        if (Xapian::Unicode::is_wordchar(ch)) {
            char utf8[4];
            const unsigned n = Xapian::Unicode::to_utf8(Xapian::Unicode::tolower(ch), utf8);
            for (unsigned i = 0; i < n; ++i) word.add(static_cast<unsigned char>(utf8[i]));
            in_word = true;
        } else {
            flush();
        }
    }
    flush();
    if (words.size() < kShingleWords) return std::nullopt;
    std::vector<uint64_t> shingles;
    shingles.reserve(words.size());
    for (size_t i = 0; i + kShingleWords <= words.size(); ++i) {
        uint64_t h = 0x9e3779b97f4a7c15ULL;
        for (size_t k = 0; k < kShingleWords; ++k) h = mix64(h ^ words[i + k]) + k;
        shingles.push_back(h);
    }
    std::sort(shingles.begin(), shingles.end());
    shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
    CopySignature s;
    s.shingles = static_cast<uint32_t>(shingles.size());
    s.minimums.assign(kMinHashes, UINT32_MAX);
    // kMinHashes hash functions h_j(x) = (a_j x + b_j) >> 32 over the well-mixed
    // shingle hash x: one multiply-add each (odd a_j from a fixed sequence).
    static const auto coefficients = [] {
        std::vector<std::pair<uint64_t, uint64_t>> c;
        for (size_t j = 0; j < kMinHashes; ++j) c.emplace_back(mix64(2 * j + 1) | 1, mix64(2 * j + 2));
        return c;
    }();
    // One hash function at a time over all the shingles, its minimum in a
    // register rather than in memory.
    for (size_t j = 0; j < kMinHashes; ++j) {
        const auto [a, b] = coefficients[j];
        uint32_t m = UINT32_MAX;
        for (uint64_t sh : shingles) m = std::min(m, static_cast<uint32_t>((a * sh + b) >> 32));
        s.minimums[j] = m;
    }
    return s;
}

std::optional<CopySignature> article_signature(const Article& a)
{
    return copy_signature(a.body.empty() ? a.title : a.body);
}

std::vector<std::string> band_keys(const CopySignature& s)
{
    // Raw bytes, not hex: a band term is unique to its article far more
    // often than not, so its length is paid in the postlist and termlist
    // tables of nearly every document.
    std::vector<std::string> keys;
    for (size_t b = 0; b < kBands; ++b) {
        std::string raw;
        for (size_t r = 0; r < kBandRows; ++r) raw += std::to_string(s.minimums[b * kBandRows + r]) + ",";
        uint64_t h = hash128(raw).lo;
        std::string key(1, static_cast<char>(b));
        for (size_t i = 0; i < kBandKeyBytes; ++i) key += static_cast<char>((h >> (8 * i)) & 0xff);
        keys.push_back(key);
    }
    return keys;
}

double estimate_jaccard(const CopySignature& a, const CopySignature& b)
{
    size_t same = 0;
    for (size_t i = 0; i < kMinHashes; ++i) same += a.minimums[i] == b.minimums[i];
    return static_cast<double>(same) / kMinHashes;
}

double estimate_containment(const CopySignature& a, const CopySignature& b)
{
    // |A∩B| = J (|A| + |B|) / (1 + J)
    double j = estimate_jaccard(a, b);
    double inter = j * (a.shingles + b.shingles) / (1 + j);
    double smaller = std::min(a.shingles, b.shingles);
    return smaller > 0 ? std::min(1.0, inter / smaller) : 0.0;
}

std::string CopySignature::serialise() const
{
    std::string out;
    auto put = [&](uint32_t v) {
        for (int i = 3; i >= 0; --i) out += static_cast<char>((v >> (8 * i)) & 0xff);
    };
    put(shingles);
    for (uint32_t m : minimums) put(m);
    return out;
}

std::optional<CopySignature> CopySignature::parse(std::string_view bytes)
{
    if (bytes.size() != 4 * (kMinHashes + 1)) return std::nullopt;
    auto get = [&](size_t i) {
        uint32_t v = 0;
        for (size_t k = 0; k < 4; ++k) v = (v << 8) | static_cast<unsigned char>(bytes[4 * i + k]);
        return v;
    };
    CopySignature s;
    s.shingles = get(0);
    for (size_t i = 0; i < kMinHashes; ++i) s.minimums.push_back(get(i + 1));
    return s;
}

} // namespace morgue
