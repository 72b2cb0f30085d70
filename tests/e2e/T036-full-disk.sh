#!/usr/bin/env bash
# A disk that fills up during a commit: a clear message, exit status 1, the
# articles of earlier commits intact, and once there is room the next run
# completes. The disk is a small tmpfs, which needs root to mount. Depending
# on where the space runs out, Xapian 1.4.22 reports an ordinary error or
# terminates from inside commit() (an exception while unwinding another, or
# one out of a noexcept function); the sizes below reach each case.
source "$(dirname "$0")/lib.sh"

mnt=$TMP/mnt
mkdir "$mnt"
if [ "$(id -u)" -ne 0 ] || ! mount -t tmpfs -o size=64m morgue-test "$mnt" 2>/dev/null; then
    echo "SKIP: cannot mount a tmpfs (needs root)"
    exit 77
fi
trap 'umount "$mnt"; rm -rf "$TMP"' EXIT
DB=$mnt/db

expect_clean_failure() { # WHAT
    expect_rc 1 "$1"
    expect_not_contains "$ERR" "terminate called" "stderr"
    expect_contains "$ERR" "No space left on device" "stderr ($1)"
    xapian-check "$DB" >/dev/null 2>&1 || fail "the database is damaged ($1): $(xapian-check "$DB" 2>&1 | tail -3)"
}

# 300 articles committed, then the disk all but full for the rest.
index "$CORPUS/reuters.jsonl"
expect_rc 0 "the first 300 articles"
used=$(df -k --output=used "$mnt" | tail -1)
mount -o remount,size=$((used + 600))k "$mnt"
index --batch 100 "$CORPUS"
expect_clean_failure "indexing onto a full disk"
# Xapian reports the full disk at the commit (an error, then the summary),
# while writing a document (glass writes a changed B-tree block out before
# the commit when its cache needs room: an error naming the article, then the
# summary) or, when it flushes on its own while writing, by terminating:
# either way the message names what was being done.
case "$ERR" in
    *"morgue-index: committing to $DB: DatabaseError:"*) expect_contains "$ERR" " added, " "the summary line" ;;
    *"morgue-index: indexing $CORPUS/"*": DatabaseError: Error writing block"*) expect_contains "$ERR" " added, " "the summary line" ;;
    *"morgue-index: fatal: while writing to $DB: "*) ;;
    *) fail "no message naming the commit or the write: $ERR" ;;
esac
expect_eq "$(match_count outlet:reuters)" 300 "Reuters articles after the full disk"

# Fresh databases on disks of a few sizes, committing every 20 articles.
for kb in 1600 2000 3200; do
    rm -rf "$DB" "$DB.lock"
    mount -o remount,size=64m "$mnt"
    mount -o remount,size=${kb}k "$mnt"
    index --batch 20 "$CORPUS"
    expect_clean_failure "a fresh database on a $kb KB disk"
    n=$(doc_count)
    [ "$n" -ge 20 ] && [ $((n % 20)) -eq 0 ] || fail "$n documents on the $kb KB disk: not whole commits of 20"
done

mount -o remount,size=64m "$mnt"
index "$CORPUS"
expect_rc 0 "the run after room was made"
expect_eq "$(doc_count)" 737 "documents once the disk has room"
