#!/usr/bin/env bash
# --sort newest/oldest order by date; --offset/--limit page without gaps or
# repeats.
source "$(dirname "$0")/lib.sh"
index "$CORPUS"
expect_rc 0

json_query said outlet:reuters --sort newest --limit 50 --facets none
dates=$(jq_py '"\n".join(h["date"] for h in d["hits"])')
expect_eq "$dates" "$(printf '%s\n' "$dates" | sort -r)" "newest first"
json_query said outlet:reuters --sort oldest --limit 50 --facets none
dates=$(jq_py '"\n".join(h["date"] for h in d["hits"])')
expect_eq "$dates" "$(printf '%s\n' "$dates" | sort)" "oldest first"

json_query said --limit 20 --facets none
whole=$(jq_py '" ".join(h["id"] for h in d["hits"])')
json_query said --limit 10 --facets none
first=$(jq_py '" ".join(h["id"] for h in d["hits"])')
json_query said --offset 10 --limit 10 --facets none
second=$(jq_py '" ".join(h["id"] for h in d["hits"])')
expect_eq "$first $second" "$whole" "two pages = one long page"
expect_eq "$(jq_py 'd["hits"][0]["rank"]')" 11 "rank of the first hit on page 2"
total=$(jq_py 'd["matches"]')
json_query said --offset "$total" --facets none
expect_eq "$(jq_py 'len(d["hits"])')" 0 "hits past the end"
expect_eq "$(jq_py 'd["matches"]')" "$total" "count past the end"
