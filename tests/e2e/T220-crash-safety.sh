#!/usr/bin/env bash
# kill -9 at many points of --update and --rebuild: the database always opens
# with every article of its last commit, and the next run completes.
source "$(dirname "$0")/lib.sh"

index --rebuild "$CORPUS/reuters.jsonl"
expect_rc 0
expect_eq "$(match_count outlet:reuters)" 300 "before the crashes"
full=737

count_or_fail() { # the database opens and answers; prints the document count
    run "$MORGUE_QUERY" --db "$DB" --facets none --limit 1 'NOT zzzqqq'
    [ "$RC" -eq 0 ] || fail "the database does not open after a crash: $ERR"
    echo "$OUT" | sed -n 's/^\([0-9]*\) match.*/\1/p'
}

points=0
previous=300
for delay in 0.05 0.15 0.3 0.45 0.6 0.8 1.0; do
    "$MORGUE_INDEX" --db "$DB" --update --batch 25 "$CORPUS" >/dev/null 2>&1 &
    pid=$!
    sleep "$delay"
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    points=$((points + 1))
    n=$(count_or_fail)
    [ "$n" -ge "$previous" ] || fail "after a kill at ${delay}s: $n documents, fewer than the $previous committed before"
    expect_eq "$(match_count 'outlet:reuters lang:en')" "$(match_count outlet:reuters)" "Reuters stories intact"
    [ "$(match_count outlet:reuters)" -ge 300 ] || fail "committed Reuters stories lost after a kill at ${delay}s"
    previous=$n
done
index --update "$CORPUS"
expect_rc 0 "the update after the crashes"
expect_eq "$(count_or_fail)" "$full" "documents after the update completed"

for delay in 0.1 0.3 0.5 0.8 1.1; do
    "$MORGUE_INDEX" --db "$DB" --rebuild --batch 25 "$CORPUS" >/dev/null 2>&1 &
    pid=$!
    sleep "$delay"
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    points=$((points + 1))
    n=$(count_or_fail)
    # The old database or the complete new one (both hold all 737), never a
    # half-built one, whose count would be lower.
    expect_eq "$n" "$full" "documents after a rebuild killed at ${delay}s"
done
[ "$points" -ge 10 ] || fail "only $points kill points"
index --rebuild "$CORPUS"
expect_rc 0 "the rebuild after the crashes"
expect_eq "$(count_or_fail)" "$full" "documents after the rebuild completed"
leftovers=$(find "$TMP" -maxdepth 1 -name 'db.gen-*.building' | wc -l)
expect_eq "$leftovers" 0 "half-built generations left behind"
