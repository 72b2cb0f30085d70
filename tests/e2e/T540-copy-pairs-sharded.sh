#!/usr/bin/env bash
# Copy detection stays exact across shards: the labelled pairs of
# tests/data/copy-pairs indexed as one database and as 4 shards get the same
# copy clusters, and those clusters call pairs copies with precision >= 0.98
# against the labels, and find at least 90% of the labelled copies (0.915
# with 6 LSH bands of 2 rows; 8 bands of 4 rows found 0.89): a pair is only
# compared when a band brings it up as a candidate.
source "$(dirname "$0")/lib.sh"
pairs=$TEST_DATA/copy-pairs

clusters() { # DB OUT: every document's id and cluster as JSON
    run "$MORGUE_QUERY" --db "$1" --format json --no-collapse --limit 1000 --facets none 'NOT zzzqqqxyz'
    expect_rc 0 "listing $1"
    printf '%s' "$OUT" > "$2"
}

run "$MORGUE_INDEX" --db "$TMP/one" "$pairs/texts.jsonl.zst"
expect_rc 0 "single database"
run "$MORGUE_INDEX" --db "$TMP/four" --shards 4 "$pairs/texts.jsonl.zst"
expect_rc 0 "4 shards"
clusters "$TMP/one" "$TMP/one.json"
clusters "$TMP/four" "$TMP/four.json"

python3 - "$TMP/one.json" "$TMP/four.json" "$pairs/pairs.tsv" <<'PY' || fail "copy clusters differ or miss the labels"
import json, sys
one, four = ({h["id"]: h["cluster"] for h in json.load(open(p))["hits"]} for p in sys.argv[1:3])
assert len(one) >= 700, len(one)
assert one == four, [i for i in one if one[i] != four.get(i)][:10]
tp = fp = fn = tn = 0
for line in open(sys.argv[3]):
    a, b, label = line.split("\t")[:3]
    same = four[a] is not None and four[a] == four[b]
    copy = label == "copy"
    if same and copy: tp += 1
    elif same: fp += 1
    elif copy: fn += 1
    else: tn += 1
precision, recall = tp / (tp + fp), tp / (tp + fn)
print(f"pairs {tp + fp + fn + tn}: tp {tp} fp {fp} fn {fn} tn {tn}; precision {precision:.3f} recall {recall:.3f}")
assert precision >= 0.98 and recall >= 0.9, (precision, recall)
PY
