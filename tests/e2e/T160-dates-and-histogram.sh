#!/usr/bin/env bash
# Attention over time: date: and --since/--until take months and years
# (and ranges of them) as all their days; the histogram keeps empty
# intervals as zeros; --histogram share divides by all of an interval's articles.
source "$(dirname "$0")/lib.sh"
index "$CORPUS"
expect_rc 0

# Reuters articles per month and year, counted from the file itself.
reuters_in() { # PREFIX of the ISO date: how many Reuters records start with it
    python3 -c 'import json,sys; print(sum(json.loads(l).get("date", "").startswith(sys.argv[2]) for l in open(sys.argv[1])))' \
        "$CORPUS/reuters.jsonl" "$1"
}
march=$(reuters_in 1987-03)
[ "$march" -gt 10 ] || fail "the sample has too few March 1987 stories to test with ($march)"
expect_eq "$(match_count 'outlet:reuters date:1987-03' --no-collapse)" "$march" "date:1987-03"
expect_eq "$(match_count 'outlet:reuters date:1987' --no-collapse)" "$(reuters_in 1987)" "date:1987"
both=$(( march + $(reuters_in 1987-04) ))
expect_eq "$(match_count 'outlet:reuters date:1987-03..1987-04' --no-collapse)" "$both" "date:1987-03..1987-04"
expect_eq "$(match_count 'outlet:reuters' --no-collapse --since 1987-03 --until 1987-04)" "$both" "--since/--until months"
# A month means all its days: the same as the days written out.
expect_eq "$(match_count 'said date:1987-03')" "$(match_count 'said date:1987-03-01..1987-03-31')" "month = its days"
expect_eq "$(match_count 'said date:2016..2017')" "$(match_count 'said date:2016-01-01..2017-12-31')" "years = their days"
expect_eq "$(match_count said --until 1987-02)" "$(match_count 'said date:..1987-02-28')" "--until a month runs to its end"
[ "$(match_count 'said date:2016..2017')" -gt 0 ] || fail "nothing in 2016-2017 to compare"

# Refused with a message (exit 2): a 13th month, a two-digit year, slashes.
for bad in 'date:1987-13' 'date:87' 'date:03/1987' 'date:1988..1987'; do
    query "$bad"
    expect_rc 2 "$bad"
    expect_contains "$ERR" "date" "message for $bad"
done
query --since 1987-3 said
expect_rc 2 "--since 1987-3"
expect_contains "$ERR" "use an ISO day, month or year"

# Gaps: the histogram has one bucket per month from the first to the last,
# zeros included, and the buckets add up to the stories.
json_query 'said date:1000..2999' --facets none
dated=$(jq_py 'd["stories"]')
json_query said --interval year --facets date
years=$(jq_py '" ".join(v["value"] for v in d["facets"]["date"]["values"])')
expect_eq "$(jq_py '[int(v["value"]) for v in d["facets"]["date"]["values"]] == list(range(1987, 1987 + len(d["facets"]["date"]["values"])))')" \
    True "consecutive years: $years"
[ "$(jq_py 'sum(v["count"] == 0 for v in d["facets"]["date"]["values"])')" -gt 5 ] || fail "no empty years between 1987 and AllSides' 2012: $years"
expect_eq "$(jq_py 'sum(v["count"] for v in d["facets"]["date"]["values"])')" "$dated" "buckets add up to the dated stories"
json_query 'outlet:reuters' --interval day --facets date --since 1987-03 --until 1987-03
expect_eq "$(jq_py 'len(d["facets"]["date"]["values"])')" 30 "March 1987 day by day (2nd to 31st: the first story is on the 2nd)"
expect_eq "$(jq_py '[v["value"] for v in d["facets"]["date"]["values"] if v["count"] == 0][0]')" 1987-03-08 "a Sunday without stories"

# Share: each bucket's articles are what date: finds for it, its share the
# matching articles over them.
json_query said --facets date --interval year --histogram share
printf '%s' "$OUT" > "$TMP/share.json"
python3 "$(dirname "$0")/check_json_schema.py" "$MORGUE_SOURCE_DIR/docs/json-output.schema.json" < "$TMP/share.json" ||
    fail "the share histogram breaks the schema"
python3 - "$TMP/share.json" "$MORGUE_QUERY" "$DB" <<'PY' || fail "shares do not agree with date: queries"
import json, subprocess, sys
d = json.load(open(sys.argv[1]))
def matches(q):
    out = subprocess.run([sys.argv[2], "--db", sys.argv[3], "--format", "json", "--facets", "none", "--limit", "0", q],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)["matches"]
checked = 0
for v in d["facets"]["date"]["values"]:
    if checked == 4:  # each check is two searches; four buckets say enough
        break
    assert set(v) == {"value", "count", "articles", "share"}, v
    if v["articles"] == 0:
        assert v["count"] == 0 and v["share"] is None, v
        continue
    articles = matches("date:" + v["value"])
    assert v["articles"] == articles, (v, articles)
    share = matches("said date:" + v["value"]) / articles
    assert abs(v["share"] - share) < 1e-9, (v, share)
    checked += 1
assert checked == 4, checked
PY
query said --facets date --interval year --histogram share
expect_rc 0
expect_contains "$OUT" "1988 (0)" "an empty year in the text histogram"
expect_contains "$OUT" "% of $(reuters_in 1987))" "1987's share of its articles"
query said --histogram ratio
expect_rc 2 "--histogram ratio"
