#!/usr/bin/env bash
# A database of another schema version is refused, by both binaries, with a
# message that says what to do, and nothing in it is changed.
source "$(dirname "$0")/lib.sh"
need xapian-metadata

index "$CORPUS/reuters.jsonl"
expect_rc 0
expect_eq "$(xapian-metadata get "$DB" morgue.schema_version)" 6 "stamped version"

# Databases of versions 4 (hex hashes, other copy bands) and 5 (articles
# compressed without a dictionary) are refused too: their band and record
# terms would never match this version's, and a version-5 database updated
# by this version would mix its articles with ones it cannot compress alike.
for old in 4 5; do
    xapian-metadata set "$DB" morgue.schema_version $old
    query reuters
    expect_rc 1 "querying a version-$old database"
    expect_contains "$ERR" "uses morgue schema version $old, this morgue reads version 6; rebuild it"
    index "$CORPUS/bbc.jsonl.gz"
    expect_rc 1 "indexing into a version-$old database"
    expect_contains "$ERR" "uses morgue schema version $old"
done
xapian-metadata set "$DB" morgue.schema_version 6

xapian-metadata set "$DB" morgue.schema_version 999
index "$CORPUS/bbc.jsonl.gz"
expect_rc 1 "indexing into a version-999 database"
expect_contains "$ERR" "uses morgue schema version 999"
expect_contains "$ERR" "rebuild it"
expect_eq "$(doc_count)" 300 "documents after the refusal"
query reuters
expect_rc 1 "querying a version-999 database"
expect_contains "$ERR" "schema version 999"

# A Xapian database that is not a morgue database at all.
xapian-metadata set "$DB" morgue.schema_version ""
query reuters
expect_rc 1
expect_contains "$ERR" "not a morgue database"

# Usage errors: exit 2.
run "$MORGUE_INDEX" "$CORPUS"
expect_rc 2 "no --db"
expect_contains "$ERR" "--db"
run "$MORGUE_INDEX" --db "$DB"
expect_rc 2 "no sources"
run "$MORGUE_INDEX" --db "$DB" --no-such-option x
expect_rc 2 "unknown option"
MORGUE_DB=$TMP/envdb run "$MORGUE_INDEX" "$CORPUS/reuters.jsonl"
expect_rc 0 "database named by MORGUE_DB"
expect_eq "$(doc_count "$TMP/envdb")" 300 "documents in the MORGUE_DB database"
