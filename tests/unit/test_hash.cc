// Stored ids, content hashes and copy-band terms are made with these
// hashes: a different value would make every existing database disagree with
// what a new build computes for the same article. The values are pinned
// (hash128's were checked against an independent implementation).
#include "common/hash.h"
#include "common/minhash.h"

#include <doctest/doctest.h>

#include <string>

using namespace morgue;

TEST_CASE("hash: mix64 and hash128 give the values databases hold")
{
    CHECK(mix64(0) == 0u);
    CHECK(mix64(1) == 6238072747940578789u);
    CHECK(mix64(0x0123456789abcdefULL) == 12880392674509918508u);
    CHECK(hash128("").hex() == "f52a15e9a9b5e89b6bc0810cc751a61b");
    CHECK(hash128("Reuters\nOPEC agrees to cut output\n542851200").hex() == "017f126f29b04ee4f893fdadbdc82aec");
}

TEST_CASE("hash: copy signatures and band terms are stable")
{
    auto s = copy_signature("Saudi Arabia and other OPEC members agreed on Sunday to cut oil output "
                            "by a further million barrels a day, the cartel said in Vienna.");
    REQUIRE(s);
    CHECK(s->shingles == 21u);
    CHECK(s->minimums[0] == 422292113u);
    CHECK(s->minimums[kMinHashes - 1] == 220532789u);
    // Schema 5: the band's number and 6 raw bytes (common/minhash.h).
    CHECK(band_keys(*s).front() == std::string("\x00\x14\x5c\xdb\xfc\xd1\xa3", 7));
    CHECK(band_keys(*s).back() == std::string("\x05\x19\x09\xdb\xf0\xa0\xf5", 7));
}
