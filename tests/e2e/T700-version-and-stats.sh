#!/usr/bin/env bash
# --version of both binaries names the release set in CMake and the database
# schema version; morgue-query --stats prints what morgue-index --stats does.
source "$(dirname "$0")/lib.sh"
release=$(sed -n 's/^project(morgue VERSION \([0-9.]*\).*/\1/p' "$MORGUE_SOURCE_DIR/CMakeLists.txt")
schema=$(sed -n 's/^inline constexpr int kVersion = \([0-9]*\);/\1/p' "$MORGUE_SOURCE_DIR/common/schema.h")
[ -n "$release" ] && [ -n "$schema" ] || fail "cannot read the release or schema version from the sources"

for cmd in "$MORGUE_INDEX" "$MORGUE_QUERY" "$MORGUE_QUERY serve"; do
    run $cmd --version
    expect_rc 0 "$cmd --version"
    name=$(basename "${cmd%% *}")
    expect_eq "$(head -1 <<<"$OUT")" "$name (morgue) $release" "first line of $cmd --version"
    expect_contains "$OUT" "database schema version $schema," "$cmd --version"
done

index "$CORPUS/reuters.jsonl"   # one file is enough here, and quick under the sanitizers
expect_rc 0
for form in "" --json; do
    run "$MORGUE_INDEX" --db "$DB" --stats $form
    expect_rc 0 "morgue-index --stats $form"
    from_index=$OUT
    query --stats $form
    expect_rc 0 "morgue-query --stats $form"
    expect_eq "$OUT" "$from_index" "morgue-query --stats $form"
done
query --stats --format json
expect_rc 0 "morgue-query --stats --format json"
expect_eq "$OUT" "$from_index" "morgue-query --stats --format json"
# The figures are the database's, not a fixed text.
expect_eq "$(jq_py 'd["documents"]')" "$(doc_count)" "documents in --stats --json"
expect_eq "$(jq_py 'd["schema_version"]')" "$schema" "schema version in --stats --json"

MORGUE_DB=$DB run "$MORGUE_QUERY" --stats
expect_rc 0 "--stats with \$MORGUE_DB"
expect_contains "$OUT" "documents: $(doc_count)"
run "$MORGUE_QUERY" --stats
expect_rc 2 "--stats without a database"
expect_contains "$ERR" "morgue-query: no database named"
run "$MORGUE_QUERY" --db "$TMP/missing" --stats
expect_rc 1 "--stats of a missing database"
