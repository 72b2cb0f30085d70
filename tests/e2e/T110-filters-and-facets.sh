#!/usr/bin/env bash
# Filters narrow the results, and every facet count equals the number of
# matches of the corresponding filtered query (facets are exact).
source "$(dirname "$0")/lib.sh"
index "$CORPUS"
expect_rc 0

all=$(match_count said)
for filter in outlet:reuters 'outlet:"bbc news"' section:business lang:ar dateline:'"new york"'; do
    n=$(match_count said "$filter")
    [ "$n" -le "$all" ] || fail "$filter widened the results: $n > $all"
done
[ "$(match_count said outlet:reuters)" -lt "$all" ] || fail "outlet:reuters did not narrow"
# Filters are case-insensitive.
expect_eq "$(match_count said outlet:REUTERS)" "$(match_count said outlet:reuters)" "outlet case"
# Two values of one field OR; two fields AND.
a=$(match_count said outlet:reuters); b=$(match_count said 'outlet:"BBC News"')
expect_eq "$(match_count said outlet:reuters 'outlet:"BBC News"')" $((a + b)) "outlet OR outlet"
expect_eq "$(match_count said outlet:reuters 'section:business')" 0 "outlet AND section (Reuters has no sections)"
# Ids keep their case: id: finds an article whose id has capitals, and only it.
expect_eq "$(match_count 'id:allsides-0J53KvnPoH6q5gQx')" 1 "id: with capitals"
expect_eq "$(match_count 'id:allsides-0j53kvnpoh6q5gqx')" 0 "id: is exact"

# Facet counts (of copies; counting stories is checked in T300) against
# filtered queries, for every value shown.
json_query said --count copies --facet-limit 5 --facets outlet,section,language,author,date --interval month
printf '%s' "$OUT" > "$TMP/facets.json"
python3 - "$TMP/facets.json" > "$TMP/checks" <<'PY'
import json, sys, calendar
d = json.load(open(sys.argv[1]))
field = {"outlet": "outlet", "section": "section", "language": "lang", "author": "author"}
for name, f in field.items():
    for v in d["facets"][name]["values"]:
        value = v["value"].replace('"', '')  # as a person would type it
        print(f'{v["count"]}\t{f}:"{value}"')
for v in d["facets"]["date"]["values"]:
    y, m = map(int, v["value"].split("-"))
    last = calendar.monthrange(y, m)[1]
    print(f'{v["count"]}\tdate:{y:04d}-{m:02d}-01..{y:04d}-{m:02d}-{last:02d}')
PY
[ "$(wc -l < "$TMP/checks")" -ge 15 ] || fail "too few facet values to check: $(cat "$TMP/checks")"
while IFS=$'\t' read -r count filter; do
    expect_eq "$(match_count said "$filter")" "$count" "facet count for $filter"
done < "$TMP/checks"
# The histogram covers every dated match.
dated=$(jq_py 'sum(v["count"] for v in d["facets"]["date"]["values"])')
undated=$(match_count said NOT date:1900-01-01..2100-12-31)
expect_eq $((dated + undated)) "$all" "dated + undated matches"

# --since/--until equal the date: filter.
expect_eq "$(match_count oil --since 1987-03-01 --until 1987-03-31)" "$(match_count oil date:1987-03-01..1987-03-31)" "--since/--until"
