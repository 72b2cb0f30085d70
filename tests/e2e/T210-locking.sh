#!/usr/bin/env bash
# One indexer at a time: a second fails at once (or waits with --wait); a
# killed indexer leaves no lock behind.
source "$(dirname "$0")/lib.sh"
index "$CORPUS/reuters.jsonl"
expect_rc 0

# An indexer blocked reading a pipe holds the lock.
fifo=$TMP/pipe
mkfifo "$fifo"
"$MORGUE_INDEX" --db "$DB" --update "$fifo" 2>"$TMP/first.err" &
holder=$!
exec 3>"$fifo"
sed -n '1,5p' "$CORPUS/reuters.jsonl" >&3
sleep 0.5
start=$(date +%s)
index --update "$CORPUS/bbc.jsonl.gz" 3>&-
expect_rc 1 "second indexer"
expect_contains "$ERR" "another morgue-index is working on"
[ $(( $(date +%s) - start )) -le 2 ] || fail "the second indexer did not fail at once"
run "$MORGUE_INDEX" --db "$DB" --rebuild "$CORPUS/bbc.jsonl.gz" 3>&-
expect_rc 1 "a rebuild while an update runs"

# --wait: the second one finishes after the first.
# (3>&-: children must not hold the pipe open, or the first never sees its end)
"$MORGUE_INDEX" --db "$DB" --update --wait "$CORPUS/bbc.jsonl.gz" 2>"$TMP/waiter.err" 3>&- &
waiter=$!
sleep 0.5
kill -0 "$waiter" 2>/dev/null || fail "--wait did not wait: $(cat "$TMP/waiter.err")"
exec 3>&-    # end of input: the first indexer finishes
wait "$holder" || fail "the first indexer failed: $(cat "$TMP/first.err")"
wait "$waiter" || fail "the waiting indexer failed: $(cat "$TMP/waiter.err")"
grep -q "100 added" "$TMP/waiter.err" || fail "waiter summary: $(cat "$TMP/waiter.err")"

# kill -9 while holding the lock: the next run is not blocked.
exec 3<>"$fifo"
"$MORGUE_INDEX" --db "$DB" --update "$fifo" 2>/dev/null 3>&- &
victim=$!
sleep 0.5
kill -9 "$victim"
wait "$victim" 2>/dev/null || true
exec 3>&-
index --update "$CORPUS/reuters.jsonl"
expect_rc 0 "the run after a killed one"
