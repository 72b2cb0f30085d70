#!/usr/bin/env bash
# morgue-query serve: the JSON API answers as the CLI does (the same search,
# the same documented JSON), errors are JSON with the right status, only GET
# and HEAD, only the embedded files, loopback by default, markup stays data.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/serve_lib.sh"
add_hostile_article
index "$CORPUS"
expect_rc 0

# Usage errors and a missing database stop it at once.
run "$MORGUE_QUERY" serve --db "$TMP/none" --port 0
expect_rc 1 "no database"
expect_contains "$ERR" "no database"
run "$MORGUE_QUERY" serve --db "$DB" --port 70000
expect_rc 2 "bad port"
run "$MORGUE_QUERY" serve --help
expect_rc 0
expect_contains "$OUT" "/api/search"

start_server
expect_contains "$(cat "$TMP/server.out")" "at http://127.0.0.1:" "default address"
python3 "$(dirname "$0")/serve_api.py" "$BASE" "$DB" "$MORGUE_QUERY" \
    "$MORGUE_SOURCE_DIR/docs/json-output.schema.json" "$HOSTILE" || fail "API checks failed"

# SIGTERM stops it cleanly (exit status 0).
kill "$SERVER_PID"
set +e; wait "$SERVER_PID"; rc=$?; set -e
SERVER_PID=""
expect_eq "$rc" 0 "exit status after SIGTERM"
