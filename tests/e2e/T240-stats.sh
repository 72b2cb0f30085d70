#!/usr/bin/env bash
# --stats tells what a database holds, as text and as JSON.
source "$(dirname "$0")/lib.sh"
index --crawl-time 2025-06-01T12:00:00Z "$CORPUS"
expect_rc 0
run "$MORGUE_INDEX" --db "$DB" --stats --json
expect_rc 0
stats=$OUT
get() { printf '%s' "$stats" | python3 -c "import json,sys; print(json.load(sys.stdin)[sys.argv[1]])" "$1"; }
expect_eq "$(get documents)" "$(doc_count)" "documents"
expect_eq "$(get teasers)" 12 "teasers"
expect_eq "$(get articles)" $(( $(doc_count) - 12 )) "articles"
expect_eq "$(get first_date)" 1987-02-26 "first date"
expect_eq "$(get last_date)" 2025-06-01 "last date (the seeds' crawl day)"
expect_eq "$(get languages)" "['ar', 'en']" "languages"
[ "$(get size_bytes)" -gt 100000 ] || fail "size"
[ -n "$(get last_update)" ] || fail "no last update"
run "$MORGUE_INDEX" --db "$DB" --stats
expect_rc 0
expect_contains "$OUT" "outlets: $(get outlets)"
