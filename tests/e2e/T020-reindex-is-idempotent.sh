#!/usr/bin/env bash
# Indexing the same input twice replaces articles instead of adding copies.
source "$(dirname "$0")/lib.sh"

index "$CORPUS"
expect_rc 0
first=$(doc_count)
index "$CORPUS"
expect_rc 0 "second run"
expect_contains "$ERR" "0 added, $first replaced, 0 unchanged, 0 deleted, 0 failed" "summary of the second run"
expect_eq "$(doc_count)" "$first" "document count after reindexing"

# The same articles through standard input, decompressed by the indexer.
run bash -c "cat '$CORPUS/bbc.jsonl.gz' | '$MORGUE_INDEX' --db '$DB' -"
expect_rc 0 "reading gzip from stdin"
expect_contains "$ERR" "0 added, 100 replaced" "stdin run"
expect_eq "$(doc_count)" "$first" "document count after the stdin run"
