#!/usr/bin/env bash
# scripts/demo deletes and rebuilds its sample database, and only that: an
# archive named by $MORGUE_DB (as the README suggests exporting) survives.
# The demo runs in a copy of the tree whose install and build steps are
# no-ops and whose build/ holds the binaries under test.
source "$(dirname "$0")/lib.sh"

repo=$TMP/repo
mkdir -p "$repo/scripts" "$repo/build/indexer" "$repo/build/query" "$TMP/bin"
cp "$MORGUE_SOURCE_DIR/scripts/demo" "$repo/scripts/"
printf '#!/bin/sh\nexit 0\n' > "$repo/scripts/install-deps"
printf '#!/bin/sh\nexit 0\n' > "$TMP/bin/cmake"
chmod +x "$repo/scripts/install-deps" "$TMP/bin/cmake"
ln -s "$CORPUS" "$repo/sample_corpus"
ln -s "$MORGUE_INDEX" "$repo/build/indexer/morgue-index"
ln -s "$MORGUE_QUERY" "$repo/build/query/morgue-query"

# The user's archive.
index "$CORPUS/reuters.jsonl"
expect_rc 0
before=$(doc_count)

MORGUE_DB=$DB PATH=$TMP/bin:$PATH run "$repo/scripts/demo" oil
expect_rc 0 "the demo"
expect_contains "$OUT" "match" "the demo's query"
[ -d "$DB" ] || fail "the demo deleted \$MORGUE_DB ($DB)"
expect_eq "$(doc_count)" "$before" "documents in the archive after the demo"
[ -d "$repo/build/sample.db" ] || fail "the demo did not build its own database under build/"
