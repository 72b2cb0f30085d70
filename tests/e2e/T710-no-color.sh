#!/usr/bin/env bash
# Highlights are bold on a terminal, [bracketed] in a pipe, and bracketed on
# a terminal too when NO_COLOR is set to anything but the empty string.
source "$(dirname "$0")/lib.sh"
need script
index "$CORPUS/reuters.jsonl"   # one file is enough here, and quick under the sanitizers
expect_rc 0
bold=$'\033[1m'

on_tty env -u NO_COLOR "$MORGUE_QUERY" --db "$DB" 'oil prices'
expect_rc 0 "query on a terminal"
expect_contains "$OUT" "$bold" "terminal output without NO_COLOR"
for value in 1 yes; do
    on_tty env NO_COLOR=$value "$MORGUE_QUERY" --db "$DB" 'oil prices'
    expect_rc 0 "query on a terminal with NO_COLOR=$value"
    expect_not_contains "$OUT" $'\033' "terminal output with NO_COLOR=$value"
    expect_contains "$OUT" "[oil]" "terminal output with NO_COLOR=$value"
done
on_tty env NO_COLOR= "$MORGUE_QUERY" --db "$DB" 'oil prices'
expect_contains "$OUT" "$bold" "terminal output with an empty NO_COLOR"

env -u NO_COLOR "$MORGUE_QUERY" --db "$DB" 'oil prices' > "$TMP/piped"
grep -q $'\033' "$TMP/piped" && fail "escape codes in a pipe"
grep -qi '\[oil\]' "$TMP/piped" || fail "no [highlight] in a pipe"
