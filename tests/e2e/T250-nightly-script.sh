#!/usr/bin/env bash
# scripts/nightly-reindex: silent on success, a log per run, loud and
# non-zero on failure.
source "$(dirname "$0")/lib.sh"
job=$MORGUE_SOURCE_DIR/scripts/nightly-reindex
export MORGUE_INDEX
logs=$TMP/logs

run "$job" --db "$DB" --log-dir "$logs" "$CORPUS"
expect_rc 0 "first run"
expect_eq "$OUT$ERR" "" "output of a successful run"
[ "$(ls "$logs"/*.log | wc -l)" -eq 1 ] || fail "expected one log"
grep -q "737 added" "$logs"/*.log || fail "log lacks the summary: $(cat "$logs"/*.log)"
sleep 1
run "$job" -v --db "$DB" --log-dir "$logs" "$CORPUS"
expect_rc 0 "second run"
expect_contains "$OUT" "nightly-reindex: ok: 0 added, 0 replaced, 737 unchanged"
run "$job" --rebuild --db "$DB" --log-dir "$logs" "$CORPUS"
expect_rc 0 "rebuild"
[ -f "$DB" ] || fail "after --rebuild the database path is not a stub file"
expect_eq "$(match_count kind:teaser)" 12 "teasers after the rebuild"

printf 'not json\n' > "$TMP/bad.jsonl"
run "$job" --db "$DB" --log-dir "$logs" "$CORPUS" "$TMP/bad.jsonl"
expect_rc 1 "a run with bad input"
expect_contains "$ERR" "nightly-reindex: FAILED"
expect_contains "$ERR" "bad.jsonl:1: error: invalid JSON"
run "$job" --log-dir "$logs" "$CORPUS"
expect_rc 2 "no database"
