#!/usr/bin/env bash
# A name typed without its accents finds every version of the seeds' story:
# the AP story (its aggregator copy writes "Lipavský"; the two copies make one
# hit), DW, AFP and the Epoch Times. The accented and the decomposed (NFD)
# spellings find the same, and the snippet highlights the word as written.
source "$(dirname "$0")/lib.sh"

index "$CORPUS/seeds"
expect_rc 0
seeds=$CORPUS/seeds
ap_title=$(head -1 "$seeds/000_00b5048718a20154.txt")
afp_title=$(head -1 "$seeds/003_e246ace5f4723135.txt")
epoch_title=$(head -1 "$seeds/004_3ccde37a0bc374bf.txt")
dw_title=$(grep -m1 ' – DW – ' "$seeds/002_fb80ee87445bb8cf.txt" | sed 's/ – DW – .*//')
grep -q 'Lipavský' "$seeds/000_00b5048718a20154.txt" || fail "the aggregator's AP copy no longer writes Lipavský"

stories() { # QUERY -> one line per hit: title TAB outlet and the outlets also carrying it
    query --format json "$1"
    expect_rc 0 "query $1"
    echo "$OUT" | python3 -c '
import json, sys
for h in json.load(sys.stdin)["hits"]:
    print(h["title"] + "\t" + " ".join(sorted([h["outlet"]] + h["also_carried_by"])))'
}

for q in Lipavsky Lipavský "Lipavsky$(printf '\xcc\x81')"; do
    hits=$(stories "$q")
    expect_eq "$(echo "$hits" | wc -l)" 4 "stories found by '$q'"
    expect_contains "$hits" "$ap_title	Associated Press Daily8" "the AP story, one hit carried by AP and Daily8 ($q)"
    expect_contains "$hits" "$dw_title	" "DW's version ($q)"
    expect_contains "$hits" "$afp_title	" "AFP's version ($q)"
    expect_contains "$hits" "$epoch_title	" "the Epoch Times version ($q)"
done

# Both AP copies match on their own, and the aggregator's is highlighted on
# the accented word of its text.
run "$MORGUE_QUERY" --db "$DB" --no-collapse Lipavsky
expect_rc 0
expect_contains "$OUT" "5 matches"
expect_contains "$OUT" "[Lipavský]" "highlight on the accented word"
