// Stable, platform-independent hashes (std::hash is neither).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace morgue {

struct Hash128 {
    uint64_t hi = 0, lo = 0;
    bool operator==(const Hash128& o) const { return hi == o.hi && lo == o.lo; }
    std::string hex() const;   // 32 lower-case hex digits
    std::string bytes() const; // 16 raw bytes, big-endian
};

// splitmix64's finaliser: every input bit reaches every output bit. Ids,
// content hashes and copy signatures are made with it, so it must not change
// (inline: copy signatures call it once per word of every article).
inline uint64_t mix64(uint64_t z)
{
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

// Two independent 64-bit FNV-1a-style hashes with a final avalanche mix; not
// cryptographic, but stable across builds and machines.
Hash128 hash128(std::string_view data);

// hash128(data).lo, fed one byte at a time: copy signatures hash each word
// as they read it, without building it first.
class Hash128Lo {
public:
    void add(unsigned char c)
    {
        h_ ^= c;
        h_ *= kFnvPrime;
    }
    uint64_t value() const { return mix64(h_ + 0x9e3779b97f4a7c15ULL); }

    static constexpr uint64_t kFnvPrime = 0x100000001b3ULL;
    static constexpr uint64_t kBasis = 0x84222325cbf29ce4ULL;

private:
    uint64_t h_ = kBasis;
};

} // namespace morgue
