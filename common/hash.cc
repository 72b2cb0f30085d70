#include "common/hash.h"

namespace morgue {
namespace {

uint64_t fnv1a(std::string_view data, uint64_t basis)
{
    uint64_t h = basis;
    for (unsigned char c : data) {
        h ^= c;
        h *= Hash128Lo::kFnvPrime;
    }
    return h;
}

} // namespace

Hash128 hash128(std::string_view data)
{
    // mix64 spreads FNV's weak low bits over the whole word.
    Hash128 h;
    h.hi = mix64(fnv1a(data, 0xcbf29ce484222325ULL) ^ data.size());
    Hash128Lo lo;
    for (unsigned char c : data) lo.add(c);
    h.lo = lo.value();
    return h;
}

std::string Hash128::hex() const
{
    static const char digits[] = "0123456789abcdef";
    std::string out(32, '0');
    for (int i = 0; i < 16; ++i) {
        uint64_t word = i < 8 ? hi : lo;
        int shift = 8 * (7 - (i % 8));
        unsigned byte = (word >> shift) & 0xff;
        out[2 * i] = digits[byte >> 4];
        out[2 * i + 1] = digits[byte & 0xf];
    }
    return out;
}

std::string Hash128::bytes() const
{
    std::string out(16, '\0');
    for (int i = 0; i < 16; ++i) {
        uint64_t word = i < 8 ? hi : lo;
        out[i] = static_cast<char>((word >> (8 * (7 - (i % 8)))) & 0xff);
    }
    return out;
}

} // namespace morgue
