#!/usr/bin/env bash
# Ctrl-C (SIGINT) stops the indexer cleanly: what was read is committed and
# the message says so; running again finishes the job.
source "$(dirname "$0")/lib.sh"

fifo=$TMP/pipe
mkfifo "$fifo"
"$MORGUE_INDEX" --db "$DB" "$fifo" >"$TMP/out" 2>"$TMP/err" &
pid=$!
exec 3>"$fifo"
head -n 50 "$CORPUS/reuters.jsonl" >&3
sleep 1
kill -INT "$pid"
set +e; wait "$pid"; rc=$?; set -e
exec 3>&-
[ "$rc" -eq 1 ] || fail "exit status after SIGINT: $rc ($(cat "$TMP/err"))"
grep -q "interrupted" "$TMP/err" || fail "no 'interrupted' message: $(cat "$TMP/err")"
grep -q "50 added" "$TMP/err" || fail "summary does not count 50 articles: $(cat "$TMP/err")"
expect_eq "$(doc_count)" 50 "articles committed before the stop"

index "$CORPUS/reuters.jsonl"
expect_rc 0 "the next run"
expect_contains "$ERR" "250 added, 50 replaced"
