#!/usr/bin/env bash
# The first --rebuild of a plain database replaces a directory by a stub
# file: the path must hold a whole database at every instant. The indexer is
# killed (test-only hook MORGUE_TEST_CRASH_AT, which raises SIGKILL at a named
# point of the switch) right before and right after it; and a run that finds
# the path missing beside generations (a crash of an older morgue-index
# between its two renames) completes that switch or refuses loudly, never
# starting an empty database there.
source "$(dirname "$0")/lib.sh"
# One file of the sample keeps the many runs quick (sanitizer builds too).
src=$CORPUS/reuters.jsonl
full=300

count_or_fail() { # the database opens and answers; prints the document count
    run "$MORGUE_QUERY" --db "$DB" --facets none --limit 1 'NOT zzzqqq'
    [ "$RC" -eq 0 ] || fail "the database does not open: $ERR"
    echo "$OUT" | sed -n 's/^\([0-9]*\) match.*/\1/p'
}

for point in before-switch after-switch; do
    rm -rf "$TMP"/db*
    index "$src"
    expect_rc 0
    [ -d "$DB" ] || fail "a plain index is not a directory"
    MORGUE_TEST_CRASH_AT=$point run "$MORGUE_INDEX" --db "$DB" --rebuild "$src"
    expect_eq "$RC" 137 "exit status of the indexer killed at $point"
    expect_eq "$(count_or_fail)" "$full" "documents after a kill at $point"
    index --update "$src"
    expect_rc 0 "the run after a kill at $point"
    expect_eq "$(count_or_fail)" "$full" "documents after the next run"
    [ ! -e "$TMP/db.stub.tmp" ] || fail "the next run left db.stub.tmp after a kill at $point"
done
# The kill after the switch left the old database beside the stub; the next
# run put it aside as a generation.
[ -f "$DB" ] || fail "after the switch the path is not a stub"
ls -d "$TMP"/db.gen-legacy-* >/dev/null 2>&1 || fail "the old database was not kept as a generation"

# An older indexer's crash between its two renames: DB gone, the old
# database at DB.gen-legacy-*, the new stub at DB.stub.tmp.
rm -rf "$TMP"/db*
index "$src"
mv "$DB" "$TMP/db.gen-legacy-1"
xapian-compact "$TMP/db.gen-legacy-1" "$TMP/db.gen-2" >/dev/null
echo "auto db.gen-2" > "$TMP/db.stub.tmp"
index --update "$src"
expect_rc 0 "the run after the interrupted switch"
expect_contains "$ERR" "completed its switch to db.gen-2"
expect_eq "$(count_or_fail)" "$full" "documents after the recovery"

# The path missing beside generations, with no stub to finish: refused.
rm -f "$DB"
rm -f "$TMP/db.stub.tmp"
for mode in "" --rebuild; do
    index $mode "$src"
    expect_rc 1 "indexing ${mode:-plainly} into a missing database beside generations"
    expect_contains "$ERR" "$DB is missing, but database generations are beside it"
    [ ! -e "$DB" ] || fail "a new database was started at $DB"
done
