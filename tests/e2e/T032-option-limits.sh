#!/usr/bin/env bash
# Numbers on the command line: out of range is a usage error (exit 2), never
# an abort or a silent wrap-around, and the help prints defaults as written.
source "$(dirname "$0")/lib.sh"

index --threads 100000 "$CORPUS/reuters.jsonl"
expect_rc 2 "--threads 100000"
expect_contains "$ERR" "--threads must be from 1 to 256"
[ ! -e "$DB" ] || fail "a usage error created the database"
index --threads 0 "$CORPUS/reuters.jsonl"
expect_rc 2 "--threads 0"

# program_options reads -1 into an unsigned option as 4294967295: refused.
for opt in --threads --batch --copy-window-days; do
    index "$opt" -1 "$CORPUS/reuters.jsonl"
    expect_rc 2 "morgue-index $opt -1"
    expect_contains "$ERR" "$opt must not be negative"
done
index --threads 2 "$CORPUS/reuters.jsonl"
expect_rc 0 "the same run with sane numbers"
for opt in --offset --limit --facet-limit; do
    query "$opt" -1 oil
    expect_rc 2 "morgue-query $opt -1"
    expect_contains "$ERR" "$opt must not be negative"
done
run "$MORGUE_QUERY" serve --db "$DB" --threads -1
expect_rc 2 "morgue-query serve --threads -1"
expect_contains "$ERR" "--threads must not be negative"
query --offset 1 --limit 1 oil
expect_rc 0 "morgue-query with sane numbers"

run "$MORGUE_INDEX" --help
expect_rc 0
expect_contains "$OUT" "(=0.7)" "help"
expect_not_contains "$OUT" "0.69999" "help"
