#!/usr/bin/env bash
# JSON validates against the documented schema; highlights point at the
# matched words; JSON Lines and CSV parse; no raw HTML comes through.
source "$(dirname "$0")/lib.sh"
index "$CORPUS"
expect_rc 0
schema=$MORGUE_SOURCE_DIR/docs/json-output.schema.json

for q in 'oil prices' 'china trade' 'cyber*' 'lang:ar' 'zzzzqqqq' '"foreign ministry"'; do
    json_query "$q" --facets all
    printf '%s' "$OUT" | python3 "$(dirname "$0")/check_json_schema.py" "$schema" || fail "JSON for '$q' breaks the schema"
done

# The validator itself rejects what breaks the schema.
echo '{"schema_version": 1}' | python3 "$(dirname "$0")/check_json_schema.py" "$schema" 2>/dev/null && fail "validator accepted an incomplete document"

# Highlights: each [start, end) of the snippet (in code points) is a match.
json_query 'oil prices' --limit 20
jq_py '"\n".join(h["snippet"][a:b].lower() for h in d["hits"] for a, b in h["highlights"])' > "$TMP/marked"
[ -s "$TMP/marked" ] || fail "no highlights"
if grep -v -E '^(oil|oils|price|prices|priced|pricing)$' "$TMP/marked"; then fail "a highlight is not a match"; fi

# Arabic: offsets count code points, not bytes.
word=$(zstdcat "$CORPUS/saudinewsnet.jsonl.zst" | python3 -c '
import sys, json, collections
c = collections.Counter(w for l in sys.stdin for w in json.loads(l).get("title", "").split() if len(w) >= 5 and w.isalpha())
print(c.most_common(1)[0][0])')
json_query "$word"
[ "$(jq_py 'd["matches"]')" -ge 1 ] || fail "Arabic query found nothing"
expect_eq "$(jq_py 'all(h["language"] == "ar" for h in d["hits"])')" True "Arabic hits"
expect_eq "$(jq_py "all('$word'.replace('ال', '') in h['snippet'][a:b] or h['snippet'][a:b] in '$word' for h in d['hits'] for a, b in h['highlights'])")" True "Arabic highlight offsets"

# JSON Lines: hits then a summary, every line its own JSON object.
run "$MORGUE_QUERY" --db "$DB" --format jsonl 'oil prices' --limit 5
expect_rc 0
expect_eq "$(printf '%s\n' "$OUT" | python3 -c 'import sys,json; print(",".join(json.loads(l)["type"] for l in sys.stdin))')" \
    "hit,hit,hit,hit,hit,summary" "jsonl line types"

# CSV: a header and one row per hit, parsed by a real CSV reader.
run "$MORGUE_QUERY" --db "$DB" --format csv 'oil prices' --limit 5
expect_rc 0
expect_eq "$(printf '%s\n' "$OUT" | python3 -c 'import sys,csv; r=list(csv.DictReader(sys.stdin)); print(len(r), r[0]["rank"], r[0]["outlet"])')" "5 1 Reuters" "csv rows"

# Markup in an article is text, never HTML: index one whose title and body
# carry tags and entities, and check the JSON snippet keeps them literally.
printf '%s\n' '{"id":"markup","title":"Tags <b>bold</b> & more","text":"The <script>alert(1)</script> payload & the word zebra."}' > "$TMP/markup.jsonl"
index "$TMP/markup.jsonl"
expect_rc 0
json_query zebra
expect_eq "$(jq_py 'd["hits"][0]["snippet"]')" "The <script>alert(1)</script> payload & the word zebra." "snippet text"
expect_eq "$(jq_py 'd["hits"][0]["title"]')" "Tags <b>bold</b> & more" "title text"
