#!/usr/bin/env bash
# One bad file does not stop the archive from being rebuilt: --rebuild
# switches in the rest and names the bad file (--strict keeps the old
# database instead); the nightly job fails the night a file first fails,
# then reports it without failing every night.
source "$(dirname "$0")/lib.sh"
job=$MORGUE_SOURCE_DIR/scripts/nightly-reindex
export MORGUE_INDEX

# The Reuters and AllSides files of the sample keep the many runs quick.
src=$TMP/src
mkdir "$src"
cp "$CORPUS/reuters.jsonl" "$CORPUS/allsides.jsonl" "$src/"
good=$(cat "$src"/*.jsonl | grep -c .)
index --rebuild "$CORPUS/reuters.jsonl"
expect_rc 0
expect_eq "$(doc_count)" 300

: > "$TMP/empty.jsonl"
index --rebuild "$src" "$TMP/empty.jsonl"
expect_rc 1 "a rebuild with one empty file"
expect_contains "$ERR" "empty.jsonl: error: empty file"
expect_contains "$ERR" "the rest was switched in"
expect_contains "$ERR" "morgue-index: failed input: $TMP/empty.jsonl"
expect_eq "$(doc_count)" "$good" "documents after the rebuild with a bad file"

# --strict: nothing switched in, not even the new good article.
sed -n 1p "$CORPUS/reuters.jsonl" | sed 's/"id": *"[^"]*"/"id": "strict-extra"/' > "$TMP/extra.jsonl"
index --rebuild --strict "$src" "$TMP/extra.jsonl" "$TMP/empty.jsonl"
expect_rc 1 "a strict rebuild with one empty file"
expect_contains "$ERR" "the live database is unchanged (--strict)"
expect_eq "$(match_count id:strict-extra)" 0 "the strict rebuild's new article"
expect_eq "$(doc_count)" "$good"

# Nothing good at all: never switch an empty database in.
index --rebuild "$TMP/empty.jsonl"
expect_rc 1 "a rebuild of nothing but bad input"
expect_contains "$ERR" "the live database is unchanged (nothing was indexed)"
expect_eq "$(doc_count)" "$good"

index --rebuild --update "$src"
expect_rc 2 "--rebuild --update"
index --strict "$src"
expect_rc 2 "--strict without --rebuild"

# The nightly job: loud the first night, quiet after, loud for a new one.
logs=$TMP/logs
run "$job" --db "$DB" --log-dir "$logs" "$src" "$TMP/empty.jsonl"
expect_rc 1 "the night the empty file appears"
expect_contains "$ERR" "nightly-reindex: FAILED"
expect_contains "$ERR" "failed input: $TMP/empty.jsonl"
grep -qx "$TMP/empty.jsonl" "$logs/morgue-reindex.known-bad" || fail "the bad file is not in the known-bad list"
for night in 2 3; do
    sleep 1
    run "$job" --db "$DB" --log-dir "$logs" "$src" "$TMP/empty.jsonl"
    expect_rc 0 "night $night with the same known-bad file"
    expect_eq "$OUT$ERR" "" "output of night $night"
done
grep -q "failed input: $TMP/empty.jsonl (known bad)" "$(ls -1t "$logs"/*.log | head -1)" ||
    fail "the log does not report the known-bad file"
sleep 1
run "$job" -v --rebuild --db "$DB" --log-dir "$logs" "$src" "$TMP/empty.jsonl"
expect_rc 0 "a rebuild with the known-bad file"
expect_contains "$OUT" "1 known-bad input(s) still fail"
sleep 1
printf 'not json\n' > "$TMP/new-bad.jsonl"
run "$job" --db "$DB" --log-dir "$logs" "$src" "$TMP/empty.jsonl" "$TMP/new-bad.jsonl"
expect_rc 1 "a new bad file"
expect_contains "$ERR" "new-bad.jsonl:1: error: invalid JSON"
# Repaired, a file leaves the list after the next clean run.
cp "$TMP/extra.jsonl" "$TMP/empty.jsonl"
cp "$TMP/extra.jsonl" "$TMP/new-bad.jsonl"
sleep 1
run "$job" --db "$DB" --log-dir "$logs" "$src" "$TMP/empty.jsonl" "$TMP/new-bad.jsonl"
expect_rc 0 "the night the files are repaired"
expect_eq "$(match_count id:strict-extra)" 1 "the article of the repaired file"
grep -q "^/" "$logs/morgue-reindex.known-bad" && fail "repaired files still listed: $(cat "$logs/morgue-reindex.known-bad")"
true
