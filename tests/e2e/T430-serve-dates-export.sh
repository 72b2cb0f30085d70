#!/usr/bin/env bash
# The API's side of dates, the share histogram, the export and page hits:
# each answer compared with the CLI's on the same database.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/serve_lib.sh"
index --crawl-time 2025-06-01T12:00:00Z "$CORPUS"
expect_rc 0
start_server --max-export-rows 100
python3 "$(dirname "$0")/serve_dates_export.py" "$BASE" "$DB" "$MORGUE_QUERY" 100 || fail "API checks failed"
run "$MORGUE_QUERY" serve --db "$DB" --max-export-rows x
expect_rc 2 "--max-export-rows x"
