#!/usr/bin/env bash
# A disk that fills up during a commit: a clear message, exit status 1, the
# articles of earlier commits intact, and once there is room the next run
# completes. The disk is a 3 MB tmpfs, which needs root to mount.
source "$(dirname "$0")/lib.sh"

mnt=$TMP/mnt
mkdir "$mnt"
if [ "$(id -u)" -ne 0 ] || ! mount -t tmpfs -o size=3m morgue-test "$mnt" 2>/dev/null; then
    echo "SKIP: cannot mount a tmpfs (needs root)"
    exit 77
fi
trap 'umount "$mnt"; rm -rf "$TMP"' EXIT
DB=$mnt/db

index "$CORPUS/reuters.jsonl"
expect_rc 0 "the first 300 articles fit"
expect_eq "$(doc_count)" 300

index --batch 100 "$CORPUS"
expect_rc 1 "indexing onto a full disk"
expect_not_contains "$ERR" "terminate" "stderr"
expect_contains "$ERR" "morgue-index: committing to $DB: DatabaseError:"
expect_contains "$ERR" "(No space left on device)"
expect_contains "$ERR" " added, " "the summary line"
xapian-check "$DB" >/dev/null 2>&1 || fail "the database is damaged after the full disk: $(xapian-check "$DB" 2>&1 | tail -3)"
n=$(doc_count)
[ "$n" -ge 300 ] || fail "committed articles lost: $n documents left of 300"
expect_eq "$(match_count outlet:reuters)" 300 "Reuters articles after the full disk"

mount -o remount,size=64m "$mnt"
index "$CORPUS"
expect_rc 0 "the run after room was made"
expect_eq "$(doc_count)" 737 "documents once the disk has room"
