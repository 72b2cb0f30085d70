#!/usr/bin/env bash
# A subdirectory the indexer cannot read is reported (and the run exits 1),
# not skipped in silence: its articles would be missing from the archive
# with nothing said. Root reads everything, so the indexer runs as nobody.
source "$(dirname "$0")/lib.sh"
command -v setpriv >/dev/null || { echo "SKIP: setpriv not installed"; exit 77; }
[ "$(id -u)" -eq 0 ] || { echo "SKIP: needs root to run the indexer as another user"; exit 77; }
id nobody >/dev/null 2>&1 || { echo "SKIP: no user nobody"; exit 77; }
as_nobody() { setpriv --reuid=nobody --regid="$(id -g nobody)" --clear-groups "$@"; }
as_nobody test -x "$MORGUE_INDEX" || { echo "SKIP: nobody cannot run $MORGUE_INDEX"; exit 77; }

chmod 755 "$TMP"
mkdir "$CORPUS/locked"
cp "$CORPUS/reuters.jsonl" "$CORPUS/locked/hidden.jsonl"
chmod 000 "$CORPUS/locked"
mkdir "$TMP/out"
chown nobody "$TMP/out"
DB=$TMP/out/db

run as_nobody "$MORGUE_INDEX" --db "$DB" "$CORPUS"
expect_rc 1 "a walk with an unreadable directory"
expect_contains "$ERR" "error: $CORPUS/locked: cannot read directory: Permission denied"
expect_contains "$ERR" "failed input: $CORPUS/locked"
# Everything readable went in (the corpus once, without the locked copy).
expect_eq "$(doc_count)" 737 "documents from the readable files"
