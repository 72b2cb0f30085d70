#!/usr/bin/env bash
# Syndicated copies are detected at index time, folded into one hit, and
# counted once in facets; incremental indexing keeps clusters right.
source "$(dirname "$0")/lib.sh"
seeds=$CORPUS/seeds
index --crawl-time 2025-06-01T12:00:00Z "$CORPUS"
expect_rc 0

# Seeds 000 (Daily8) and 001 (Associated Press) are one AP story: one hit, two outlets.
json_query '"Czech Republic blames China for cyberattacks"' kind:article
expect_eq "$(jq_py 'len(d["hits"])')" 1 "hits for the AP story"
expect_eq "$(jq_py 'd["matches"], d["stories"]')" "2 1" "copies and stories"
expect_eq "$(jq_py 'sorted([d["hits"][0]["outlet"]] + d["hits"][0]["also_carried_by"])')" "['Associated Press', 'Daily8']" "its outlets"
json_query '"Czech Republic blames China for cyberattacks"' kind:article --no-collapse
expect_eq "$(jq_py 'len(d["hits"])')" 2 "hits without collapsing"
ap_id=$(jq_py '[h["id"] for h in d["hits"] if h["outlet"] == "Associated Press"][0]')

# The DW, AFP and Epoch Times versions (002-004) are their own stories.
json_query 'APT31 kind:article' --no-collapse --limit 100
expect_eq "$(jq_py 'len(d["hits"])')" 5 "seed articles about APT31"
expect_eq "$(jq_py 'len({h["cluster"] for h in d["hits"]})')" 4 "distinct stories among the 5 seed articles"

# --copies lists the story's copies, the AP original first.
run "$MORGUE_QUERY" --db "$DB" --copies "$ap_id"
expect_rc 0
expect_eq "$(printf '%s\n' "$OUT" | wc -l)" 2 "copies listed"
expect_contains "$(printf '%s\n' "$OUT" | head -1)" "Associated Press (AP)" "the wire original leads"

# Known copies in the sample (SaudiNewsNet agency texts): every pair sharing
# at least 80% of its text (counted here from the data) is in one cluster.
ids="saudinewsnet-2015-07-21-00635 saudinewsnet-2015-07-21-00930 saudinewsnet-2015-07-21-01397 saudinewsnet-2015-07-21-00697 saudinewsnet-2015-07-21-01025 saudinewsnet-2015-07-22-01593 saudinewsnet-2015-07-21-00920 saudinewsnet-2015-07-21-01240 saudinewsnet-2015-07-21-02032 saudinewsnet-2015-07-22-01639"
q=$(printf 'id:%s OR ' $ids); q=${q% OR }
json_query "$q" --no-collapse --limit 20 --facets none
printf '%s' "$OUT" > "$TMP/sn.json"
zstd -dc "$CORPUS/saudinewsnet.jsonl.zst" > "$TMP/sn.jsonl"
python3 - "$TMP/sn.json" "$TMP/sn.jsonl" <<'PY' || fail "SaudiNewsNet copies not clustered"
import json, re, sys, itertools
hits = {h["id"]: h["cluster"] for h in json.load(open(sys.argv[1]))["hits"]}
texts = {r["id"]: r["text"] for r in map(json.loads, open(sys.argv[2], encoding="utf-8")) if r["id"] in hits}
def sh(t):
    w = re.findall(r"\w+", t.lower())
    return {" ".join(w[i:i + 5]) for i in range(len(w) - 4)}
pairs = 0
for a, b in itertools.combinations(sorted(hits), 2):
    x, y = sh(texts[a]), sh(texts[b])
    if len(x & y) / min(len(x), len(y)) >= 0.8:
        pairs += 1
        assert hits[a] == hits[b], (a, b)
assert pairs >= 4, pairs
PY
json_query '"work trains collide"' --facets none
expect_eq "$(jq_py 'len(d["hits"]), d["hits"][0]["copies"]')" "1 2" "the AP subway story on three sites"

# Facets count stories: each outlet's count equals its distinct clusters.
json_query said --no-collapse --limit 1000 --facets none
printf '%s' "$OUT" > "$TMP/all.json"
json_query said --facets outlet --facet-limit 1000
printf '%s' "$OUT" > "$TMP/facets.json"
python3 - "$TMP/all.json" "$TMP/facets.json" <<'PY' || fail "facet counts by story differ from distinct clusters"
import json, sys, collections
hits = json.load(open(sys.argv[1]))["hits"]
f = json.load(open(sys.argv[2]))
by_outlet = collections.defaultdict(set)
for h in hits:
    by_outlet[h["outlet"]].add(h["cluster"] or h["id"])
stories = {h["cluster"] or h["id"] for h in hits}
assert f["stories"] == len(stories), (f["stories"], len(stories))
assert f["matches"] == len(hits), (f["matches"], len(hits))
for v in f["facets"]["outlet"]["values"]:
    assert v["count"] == len(by_outlet[v["value"]]), (v, len(by_outlet[v["value"]]))
assert f["stories"] < f["matches"], "the sample has copies among 'said' matches"
PY
json_query said --facets outlet --count copies --facet-limit 1000
expect_eq "$(jq_py 'sum(v["count"] for v in d["facets"]["outlet"]["values"]) >= d["stories"]')" True "copies counted"

# Incremental: 001 indexed in a later run joins 000's cluster; a changed 001 leaves it.
rm -rf "$DB"
index --crawl-time 2025-06-01T12:00:00Z "$seeds/000_00b5048718a20154.txt"
json_query '"Czech Republic blames China for cyberattacks" kind:article'
first=$(jq_py 'd["hits"][0]["cluster"]')
index --crawl-time 2025-06-01T12:00:00Z "$seeds/001_c5f4d1deef998ccc.txt"
json_query '"Czech Republic blames China for cyberattacks" kind:article' --no-collapse
expect_eq "$(jq_py '[h["cluster"] for h in d["hits"]]')" "['$first', '$first']" "clusters after the second run (stable id)"
python3 - "$seeds/001_c5f4d1deef998ccc.txt" "$TMP/001_c5f4d1deef998ccc.txt" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read().split("\n")
keep = text[:9] + ["PRAGUE (AP) — A different story entirely: the city council voted on tram fares and bus lanes today, officials said, after a long debate about the budget for next year and the one after."]
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(keep) + "\n")
PY
index --crawl-time 2025-06-01T12:00:00Z "$TMP/001_c5f4d1deef998ccc.txt"
json_query 'Czech kind:article' --no-collapse
expect_eq "$(jq_py 'len({h["cluster"] for h in d["hits"]})')" 2 "clusters after 001 changed"

# Detection can be switched off.
rm -rf "$DB"
index --no-copies "$seeds"
json_query '"Czech Republic blames China for cyberattacks"' kind:article
expect_eq "$(jq_py 'len(d["hits"])')" 2 "hits with detection off"
