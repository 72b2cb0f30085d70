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

// Two independent 64-bit FNV-1a-style hashes with a final avalanche mix; not
// cryptographic, but stable across builds and machines.
Hash128 hash128(std::string_view data);

} // namespace morgue
