#!/usr/bin/env bash
# Scraped pages: furniture is not searchable in the main articles, related-
# story teasers are their own documents, metadata comes out of the page.
source "$(dirname "$0")/lib.sh"
index --crawl-time 2025-06-01T12:00:00Z "$CORPUS/seeds"
expect_rc 0
expect_contains "$ERR" "17 added" "5 pages + 12 teasers"

for phrase in "Try Our AI Features" "Explore what Daily8 AI can do for you" "No comments yet" \
              "Related Articles" "DOWNLOAD THE APP" "Get Started Now" "Updated 55 minutes ago" "logo"; do
    expect_eq "$(match_count "\"$phrase\" kind:article")" 0 "main articles matching \"$phrase\""
done
# The same phrases are in the raw pages: the test would pass vacuously otherwise.
grep -q "Try Our AI Features" "$CORPUS/seeds/000_00b5048718a20154.txt" || fail "seed 000 changed"

# Hegseth appears only in teasers, never in a main article about the cyberattack.
[ "$(match_count 'Hegseth kind:teaser')" -ge 2 ] || fail "Hegseth teasers not found"
expect_eq "$(match_count 'Hegseth kind:article')" 0 "main articles mentioning Hegseth"
expect_eq "$(match_count '"Bulgarian" kind:article')" 0 "main articles mentioning the Bulgarian teaser"

# Facets come from the extracted metadata.
json_query 'cyberattack OR cyber' kind:article --facets outlet,dateline,wire,author
expect_eq "$(jq_py '",".join(sorted(v["value"] for v in d["facets"]["outlet"]["values"]))')" "Associated Press,DW,Daily8" "outlets"
expect_eq "$(jq_py '",".join(v["value"] for v in d["facets"]["dateline"]["values"])')" "Prague" "datelines"
expect_eq "$(match_count 'dateline:prague kind:article')" 2 "articles datelined Prague (000, 001)"
expect_eq "$(match_count 'author:"karel janicek"')" 1 "Karel Janicek's article"
expect_eq "$(match_count 'wire:ap kind:article')" 2 "AP wire copies"
json_query 'outlet:dw kind:article' --facets none
expect_eq "$(jq_py 'd["hits"][0]["date"]')" "2025-05-28" "DW article's date"
expect_eq "$(match_count 'outlet:yahoo kind:teaser')" 4 "Yahoo teasers (1 on 000, 3 on 004)"

# --explain shows fields with how they were found, and needs no database.
run "$MORGUE_INDEX" --db "$TMP/explain-db" --explain --crawl-time 2025-06-01T12:00:00Z "$CORPUS/seeds/002_fb80ee87445bb8cf.txt"
expect_rc 0
expect_contains "$OUT" "outlet: DW    <- masthead"
expect_contains "$OUT" "editor: Zac Crellin"
expect_contains "$OUT" "date: 2025-05-28T00:00:00Z    <- masthead"
expect_contains "$OUT" "== teaser"
[ ! -e "$TMP/explain-db" ] || fail "--explain created a database"

# JSON datelines are normalised to places as well ("NEW YORK, Feb 26" and
# "New York, April 3" are both New York).
index "$CORPUS/reuters.jsonl"
expect_rc 0
n=$(python3 -c 'import json,sys; print(sum(json.loads(l).get("dateline", "").upper().startswith("NEW YORK,") for l in open(sys.argv[1])))' "$CORPUS/reuters.jsonl")
expect_eq "$(match_count 'dateline:"new york" outlet:reuters')" "$n" "Reuters stories datelined New York"
