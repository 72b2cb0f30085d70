#!/usr/bin/env bash
# A hit from a scraped page names its source file and says how its outlet
# and date were found on the page, or why none was; JSON Lines hits name
# their file and line and have nothing extracted.
source "$(dirname "$0")/lib.sh"
index --crawl-time 2025-06-01T12:00:00Z "$CORPUS/seeds" "$CORPUS/reuters.jsonl"
expect_rc 0

for page in "$CORPUS"/seeds/*.txt; do
    "$MORGUE_INDEX" --db "$TMP/explain-db" --explain --crawl-time 2025-06-01T12:00:00Z "$page"
done > "$TMP/explain.txt"

json_query 'cyber OR cyberattack OR hackers' kind:article --limit 20
printf '%s' "$OUT" > "$TMP/pages.json"
python3 "$(dirname "$0")/check_json_schema.py" "$MORGUE_SOURCE_DIR/docs/json-output.schema.json" < "$TMP/pages.json" ||
    fail "page hits break the schema"
python3 - "$TMP/pages.json" "$TMP/explain.txt" "$CORPUS" <<'PY' || fail "page hits do not say where they came from"
import json, re, sys
d = json.load(open(sys.argv[1]))
explained = {}  # id -> {field: how}, from morgue-index --explain
current = None
for line in open(sys.argv[2]):
    m = re.match(r"== (\S+) (\S+)  \(", line)
    if m:
        current = explained.setdefault(m.group(2), {})
        continue
    m = re.match(r"  (outlet|date): .*    <- (.*)$", line.rstrip("\n"))
    if m and current is not None:
        current[m.group(1)] = m.group(2)
pages = [h for h in d["hits"] if (h["source"]["file"] or "").endswith(".txt")]
assert len(pages) >= 4, [h["source"] for h in d["hits"]]
none_dates = 0
for h in pages:
    assert h["source"]["file"].startswith(sys.argv[3] + "/seeds/") and h["source"]["line"] is None, h["source"]
    ex = h["extracted"]
    assert ex is not None, h["id"]
    for field in ("outlet", "date"):
        if h[field] is None:  # none found: the reason is given
            assert ex[field].startswith("none found: "), (h["id"], field, ex[field])
            none_dates += field == "date"
        else:  # found: as --explain says
            assert ex[field] == explained[h["id"]][field], (h["id"], field, ex[field], explained[h["id"]])
assert none_dates >= 1, "no page without a date in the sample to show the reason"
assert any(h["date"] for h in pages), "no page with a date"
PY

# Text: the file and the outlet/date line; the undated page says why.
query 'cyber OR cyberattack OR hackers' kind:article --limit 20
expect_rc 0
expect_contains "$OUT" "   from $CORPUS/seeds/00" "source file line"
expect_contains "$OUT" "| outlet: DW (masthead) | date: 2025-05-28 (masthead)" "DW page's outlet and date"
expect_contains "$OUT" "| date: none found: " "a page without a date says why"

# JSON Lines input: file and line, nothing extracted, no "from" line in text.
json_query 'outlet:reuters oil' --limit 3
expect_eq "$(jq_py 'all(h["extracted"] is None and h["source"]["file"].endswith("reuters.jsonl") and h["source"]["line"] >= 1 for h in d["hits"])')" \
    True "JSON Lines hits"
query 'outlet:reuters oil' --limit 3
expect_not_contains "$OUT" "   from " "text of JSON Lines hits"
