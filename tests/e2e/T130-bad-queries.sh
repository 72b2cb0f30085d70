#!/usr/bin/env bash
# Every bad query gets a clear message and exit status 2; a missing
# database is a runtime failure (1). Never a crash, never a silent empty result.
source "$(dirname "$0")/lib.sh"
index "$CORPUS/reuters.jsonl"
expect_rc 0

check_bad() { # MESSAGE QUERY-ARGS...
    local msg=$1; shift
    query "$@"
    expect_rc 2 "query: $*"
    expect_contains "$ERR" "$msg" "stderr for: $*"
    [ -z "$OUT" ] || fail "output for a bad query: $OUT"
}
check_bad "unbalanced '\"'" '"oil prices'
check_bad "unbalanced '('" '(oil OR gas'
check_bad "unbalanced ')'" 'oil)'
check_bad "unknown field 'colour:'" 'colour:red'
check_bad "ambiguous" 'oil date:05/06/1987'
check_bad "bad date" 'oil date:1987-02-30'
check_bad "empty query" ''
check_bad "empty query" '   '
check_bad "--since" oil --since 26/02/1987
check_bad "--limit" oil --limit 5000
check_bad "--sort" oil --sort sideways
check_bad "--format" oil --format xml
check_bad "unknown facet" oil --facets colour

run "$MORGUE_QUERY" --db "$TMP/nothing-here" oil
expect_rc 1 "missing database"
expect_contains "$ERR" "no database at"

# Nothing found is not an error.
query zzzzqqqq
expect_rc 0
expect_contains "$OUT" "0 matches"
