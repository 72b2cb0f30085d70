#!/usr/bin/env bash
# Every field has one canonical name and may have aliases, accepted wherever
# a name is typed: the language field is language: and lang: in a query
# (one field: its values OR), --facets language or lang; --help and the
# messages list the fields the table has.
source "$(dirname "$0")/lib.sh"
index "$CORPUS"
expect_rc 0

en=$(match_count lang:en)
ar=$(match_count lang:ar)
[ "$en" -gt 0 ] || fail "lang:en found nothing"
[ "$ar" -gt 0 ] || fail "lang:ar found nothing"
expect_eq "$(match_count language:en)" "$en" "language:en"
expect_eq "$(match_count lang:en language:ar)" $((en + ar)) "lang: and language: OR as one field"
expect_eq "$(match_count said lang:en outlet:reuters)" "$(match_count said language:en outlet:reuters)" "with another field"

# --facets lang is the language facet, under its canonical name.
json_query said --facets language
by_name=$(jq_py 'd["facets"]["language"]')
json_query said --facets lang
expect_eq "$(jq_py 'sorted(d["facets"])')" "['language']" "facet names for --facets lang"
expect_eq "$(jq_py 'd["facets"]["language"]')" "$by_name" "--facets lang counts"

# The help and the messages name every field, aliases included.
run "$MORGUE_QUERY" --help
expect_rc 0
for field in outlet: section: dateline: author: language: wire: kind: date: site: id: title:; do
    expect_contains "$OUT" "  ${field}" "--help"
done
expect_contains "$OUT" "also lang:" "--help"
expect_contains "$(printf '%s' "$OUT" | tr -s ' \n' '  ')" "(outlet, section, dateline, author, language (lang), wire, kind, date)" "--facets help"
query said colour:red
expect_rc 2
expect_contains "$ERR" "known fields: outlet, section, dateline, author, language (lang), wire, kind, date, site, id, title)"
query said --facets colour
expect_rc 2
expect_contains "$ERR" "(facets: outlet, section, dateline, author, language (lang), wire, kind, date, or all, or none)"
