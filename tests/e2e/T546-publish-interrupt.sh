#!/usr/bin/env bash
# Ctrl-C (SIGINT) during --publish: exit status 1 (as an interrupted
# indexing run), a message naming the master, the previous publication
# still live and answering as before, and no half-built generation left.
# On a terminal a publish draws its progress bar; --quiet draws nothing.
source "$(dirname "$0")/lib.sh"
need script
need xapian-compact

index --crawl-time 2025-06-01T12:00:00Z "$CORPUS"
expect_rc 0 "master"
PUB=$TMP/pub
run "$MORGUE_INDEX" --db "$DB" --publish "$PUB"
expect_rc 0 "first publication"
# answer: every match of a query on the publication, with no timing in it.
answer() {
    run "$MORGUE_QUERY" --db "$PUB" --all --format csv oil
    expect_rc 0 "query of the publication"
    printf '%s\n' "$OUT"
}
live() { echo "$TMP/$(awk '{print $2}' "$PUB")"; }
generations() { ls -d "$PUB".gen-* 2>/dev/null || true; }

# The sample publishes in about half a second, most of it copying. A
# master holding it twice (xapian-compact merges two copies of it under
# new docids) copies for over a second here, and the copy checks for a
# stop before each article. The signal is sent once the generation's
# building folder exists, when the stop handler is installed. Were the
# whole copy over before the signal lands, the run publishes and exits 0;
# that run is checked as a full publication and the next one interrupted.
# A publish that never stops (no handler, or the stop not checked) fails
# after 3 runs.
BIG=$TMP/big
xapian-compact "$DB" "$DB" "$BIG" >/dev/null || fail "xapian-compact could not merge two copies of $DB"
articles=$(doc_count "$BIG")
expect_eq "$articles" "$(( $(doc_count) * 2 ))" "articles of the doubled master"
for attempt in 1 2 3; do
    before=$(answer)
    was_live=$(live)
    "$MORGUE_INDEX" --db "$BIG" --publish "$PUB" >"$TMP/out" 2>"$TMP/err" &
    pid=$!
    while kill -0 "$pid" 2>/dev/null && [ -z "$(compgen -G "$PUB.gen-*.building")" ]; do sleep 0.01; done
    kill -INT "$pid" 2>/dev/null || true
    set +e; wait "$pid"; rc=$?; set -e
    [ "$rc" -eq 0 ] || break
    grep -q "published $articles articles of $BIG to $PUB" "$TMP/err" || fail "exit 0 without publishing: $(cat "$TMP/err")"
    expect_eq "$(doc_count "$PUB")" "$articles" "articles of a publish the signal came too late for"
    echo "run $attempt copied everything before SIGINT; again"
done
[ "$rc" -ne 0 ] || fail "3 publishes ran to the end despite SIGINT"
expect_eq "$rc" 1 "exit status of an interrupted publish ($(cat "$TMP/err"))"
expect_contains "$(cat "$TMP/err")" "interrupted; $BIG was not published"
expect_eq "$(answer)" "$before" "the previous publication after the interrupted one"
expect_eq "$(live)" "$was_live" "the generation the publication names"
expect_eq "$(generations)" "$was_live" "generations beside the publication"
[ ! -e "$PUB.stub.tmp" ] || fail "a stub for the interrupted generation was left"

# The next publish completes, on a terminal with its progress bar (redrawn
# at each commit of the copy, erased before the summary).
on_tty "$MORGUE_INDEX" --db "$BIG" --publish "$PUB"
expect_rc 0 "publish on a terminal"
expect_contains "$OUT" $'\r[#' "a publish on a terminal"
expect_contains "$OUT" " articles/s" "a publish on a terminal"
expect_contains "$OUT" $'\r\033[Kmorgue-index: published '"$articles articles of $BIG" "a publish on a terminal"
expect_eq "$(doc_count "$PUB")" "$articles" "articles of the publication"
on_tty "$MORGUE_INDEX" --db "$BIG" --publish "$PUB" --quiet
expect_rc 0 "--quiet publish on a terminal"
expect_eq "$OUT" "" "a --quiet publish on a terminal"
expect_eq "$(generations | wc -l)" 2 "generations after two publishes (the live one and the one before)"
