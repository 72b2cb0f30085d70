#!/usr/bin/env bash
# People keep searching while the nightly job runs: every query succeeds
# during --update and --rebuild.
source "$(dirname "$0")/lib.sh"
index --rebuild "$CORPUS/reuters.jsonl" "$CORPUS/bbc.jsonl.gz"
expect_rc 0

: > "$TMP/running"
(
    ok=0; bad=0
    while [ -e "$TMP/running" ]; do
        if "$MORGUE_QUERY" --db "$DB" --format json 'said' >/dev/null 2>>"$TMP/reader.err"; then ok=$((ok + 1)); else bad=$((bad + 1)); fi
    done
    echo "$ok $bad" > "$TMP/reader.result"
) &
reader=$!

index --update --batch 20 "$CORPUS"
expect_rc 0 "update while reading"
index --rebuild "$CORPUS"
expect_rc 0 "rebuild while reading"
index --update --batch 20 "$CORPUS/reuters.jsonl"
expect_rc 0 "update of the rebuilt database while reading"
index --rebuild "$CORPUS"
expect_rc 0 "second rebuild while reading"
rm "$TMP/running"
wait "$reader"
read -r ok bad < "$TMP/reader.result"
[ "$bad" -eq 0 ] || fail "$bad of $((ok + bad)) queries failed during reindexing: $(head -5 "$TMP/reader.err")"
[ "$ok" -ge 5 ] || fail "only $ok queries ran: the test did not test much"
