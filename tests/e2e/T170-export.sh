#!/usr/bin/env bash
# Export: --format csv|jsonl --all streams every match (copies included)
# with authors, language, wire, copies, cluster and event columns; progress
# only on a terminal; --copies ID honours --format.
source "$(dirname "$0")/lib.sh"
index "$CORPUS"
expect_rc 0

# Every match, once: the same ids as a search listing every copy.
json_query said --no-collapse --limit 1000 --facets none
matches=$(jq_py 'd["matches"]')
jq_py '"\n".join(sorted(h["id"] for h in d["hits"]))' > "$TMP/search-ids"
[ "$matches" -gt 100 ] && [ "$(wc -l < "$TMP/search-ids")" -eq "$matches" ] || fail "the search does not list every match ($matches)"
run "$MORGUE_QUERY" --db "$DB" --format csv --all said
expect_rc 0
printf '%s\n' "$OUT" > "$TMP/said.csv"
expect_eq "$ERR" "" "stderr when it is not a terminal"
python3 - "$TMP/said.csv" "$TMP/search-ids" <<'PY' || fail "CSV export"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
assert list(rows[0]) == ["id", "title", "outlet", "date", "dateline", "section", "authors", "language", "wire", "kind",
                         "url", "source_file", "source_line", "cluster", "copies", "event"], list(rows[0])
assert sorted(r["id"] for r in rows) == open(sys.argv[2]).read().splitlines(), "the export's ids differ from the search's"
assert all(r["event"] == "" for r in rows), "the event column is empty until the index has events"
PY

# Columns from the data: an AllSides article's authors and url, an Arabic
# article's language, a wire copy's copies count (what --copies lists).
python3 - "$TMP/said.csv" "$CORPUS/allsides.jsonl" <<'PY' || fail "CSV columns do not match the corpus"
import csv, json, sys
rows = {r["id"]: r for r in csv.DictReader(open(sys.argv[1], newline=""))}
checked = 0
for line in open(sys.argv[2]):
    a = json.loads(line)
    r = rows.get(a["id"])
    if not r or not a.get("authors"):
        continue
    authors = a["authors"] if isinstance(a["authors"], list) else [x.strip() for x in a["authors"].split(",")]
    assert r["authors"] == "; ".join(authors), (r["authors"], a["authors"])
    assert r["url"] == a.get("url", ""), (r["url"], a.get("url"))
    assert r["language"] == "en" and r["kind"] == "article"
    assert r["source_file"].endswith("allsides.jsonl") and int(r["source_line"]) >= 1
    checked += 1
assert checked >= 10, checked
PY
run "$MORGUE_QUERY" --db "$DB" --format jsonl --all 'subway trains collide'
expect_rc 0
printf '%s\n' "$OUT" > "$TMP/subway.jsonl"
lines=$(wc -l < "$TMP/subway.jsonl")
[ "$lines" -ge 4 ] || fail "the AP subway story and its copies: $lines lines"
id=$(head -1 "$TMP/subway.jsonl" | python3 -c 'import json,sys; print(json.loads(sys.stdin.read())["id"])')
run "$MORGUE_QUERY" --db "$DB" --copies "$id" --format json
expect_rc 0
printf '%s' "$OUT" > "$TMP/copies.json"
python3 - "$TMP/subway.jsonl" "$TMP/copies.json" <<'PY' || fail "JSON Lines export"
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
*rows, summary = lines
assert summary == {"type": "summary", "schema_version": 1, "query": "subway trains collide", "rows": len(rows)}, summary
assert all(r["type"] == "article" and r["event"] is None for r in rows)
copies = json.load(open(sys.argv[2]))
first = rows[0]
assert first["copies"] == len(copies["copies"]) - 1 >= 2, (first["copies"], len(copies["copies"]))
assert {c["id"] for c in copies["copies"]} <= {r["id"] for r in rows}
assert all(r["cluster"] == first["cluster"] for r in rows if r["id"] in {c["id"] for c in copies["copies"]})
PY

# Filters and dates apply; ordering and paging do not, and are refused.
run "$MORGUE_QUERY" --db "$DB" --format csv --all 'outlet:reuters' --since 1987-03 --until 1987-03
expect_rc 0
expect_eq "$(( $(printf '%s\n' "$OUT" | wc -l) - 1 ))" "$(match_count 'outlet:reuters date:1987-03' --no-collapse)" "March 1987 rows"
for bad in "--limit 5" "--offset 10" "--sort newest" "--format text" "--format json" "--facets outlet" \
           "--group events" "--histogram share" "--no-collapse" "--count events" "--facet-limit 3" "--interval month"; do
    # shellcheck disable=SC2086
    run "$MORGUE_QUERY" --db "$DB" --all $bad said
    expect_rc 2 "--all $bad"
done
run "$MORGUE_QUERY" --db "$DB" --all --format csv 'date:1987-13'
expect_rc 2 "a bad query"

# Progress on stderr when it is a terminal (script(1) gives one).
if command -v script >/dev/null; then
    script -qec "'$MORGUE_QUERY' --db '$DB' --format csv --all said >'$TMP/tty.csv'" "$TMP/typescript" >/dev/null
    expect_contains "$(cat "$TMP/typescript")" "exported $matches of $matches" "progress on a terminal"
    cmp -s "$TMP/tty.csv" "$TMP/said.csv" || fail "the export differs on a terminal"
fi

# --copies in every format, the same copies in each.
for f in text json jsonl csv; do
    run "$MORGUE_QUERY" --db "$DB" --copies "$id" --format "$f"
    expect_rc 0 "--copies --format $f"
    printf '%s\n' "$OUT" > "$TMP/copies.$f"
done
python3 - "$TMP" <<'PY' || fail "--copies formats disagree"
import csv, json, sys, re
t = sys.argv[1]
text = re.findall(r"\[([^\]]+)\]", open(t + "/copies.text").read())
js = [c["id"] for c in json.load(open(t + "/copies.json"))["copies"]]
jl = [json.loads(l)["id"] for l in open(t + "/copies.jsonl") if l.strip()]
cs = [r["id"] for r in csv.DictReader(open(t + "/copies.csv", newline=""))]
assert len(text) >= 3 and text == js == jl == cs, (text, js, jl, cs)
PY
