#!/usr/bin/env bash
# Inputs that used to kill the whole run: each now costs its own record (or
# page) only, with one message naming file and line; the good records of the
# same batch are committed, and an --update rerun completes.
source "$(dirname "$0")/lib.sh"

bad=$TMP/bad
mkdir "$bad"
# A page with one 51 kB line (std::regex overflowed its stack on it), and
# one whose relative time is spelt with a capital ("An hour ago").
python3 -c "import sys; open(sys.argv[1],'w').write('Long line page\n'+'alpha beta gamma '*3000+'\n')" "$bad/long-line.txt"
printf 'Capitalised time page\nAn hour ago\nThe kestrel story body goes here.\n' > "$bad/an-hour.txt"
# JSON numbers out of double range between good lines, in one batch.
sed -n 1,3p "$CORPUS/reuters.jsonl" > "$bad/numbers.jsonl"
echo '{"id":"over","title":"over","text":"x","score":1e400}' >> "$bad/numbers.jsonl"
echo '{"id":"under","title":"under","text":"x","score":-1e309}' >> "$bad/numbers.jsonl"
sed -n 4,5p "$CORPUS/reuters.jsonl" >> "$bad/numbers.jsonl"
# A raw NUL on line 2 of a JSON Lines file (inside its first 64 KiB).
sed -n 6,7p "$CORPUS/reuters.jsonl" > "$bad/nul.jsonl"
printf '{"id":"nul","title":"a\0b","text":"x"}\n' >> "$bad/nul.jsonl"
sed -n 8,9p "$CORPUS/reuters.jsonl" >> "$bad/nul.jsonl"
python3 - "$bad/nul.jsonl" <<'PY'
import sys
p = sys.argv[1]
lines = open(p, "rb").read().split(b"\n")
lines[1], lines[2] = lines[2], lines[1]   # the NUL line second
open(p, "wb").write(b"\n".join(lines))
PY

index --batch 1000 "$bad"
expect_rc 1 "bad records"
expect_not_contains "$ERR" "terminate" "stderr"
expect_contains "$ERR" "numbers.jsonl:4: error: invalid JSON (number overflow parsing '1e400')"
expect_contains "$ERR" "numbers.jsonl:5: error: invalid JSON (number overflow parsing '-1e309')"
expect_contains "$ERR" "nul.jsonl:2: error: invalid JSON"
expect_not_contains "$ERR" "binary file" "stderr"
expect_contains "$ERR" " 3 failed" "summary"
expect_contains "$ERR" "failed input: $bad/numbers.jsonl"
expect_contains "$ERR" "failed input: $bad/nul.jsonl"
# Every good record went in: 5 + 4 JSON lines and both pages.
expect_eq "$(doc_count)" 11 "documents committed"
expect_eq "$(match_count 'kestrel')" 1 "the page with 'An hour ago'"
expect_eq "$(match_count 'gamma')" 1 "the page with the long line"
for n in 4 5; do
    id=$(sed -n "${n}p" "$CORPUS/reuters.jsonl" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
    expect_eq "$(match_count "id:$id")" 1 "good line after the bad numbers ($id)"
done

# The nightly --update completes every time: same failures, nothing lost.
for _ in 1 2; do
    index --update "$bad"
    expect_rc 1 "update rerun"
    expect_contains "$ERR" "numbers.jsonl:4: error: invalid JSON"
    expect_contains "$ERR" "0 added, 0 replaced, 11 unchanged, 0 deleted, 3 failed"
done

# Control characters in a label: U+001E and U+001F separate the fields of
# the packed facet value, so an outlet holding one used to push the section
# into the outlet's place ("Daily" outlet, "News" section) and split authors.
DB=$TMP/labels.db
printf '%s\n' '{"id":"c1","title":"Kestrel sighted","text":"A kestrel was seen.","outlet":"Daily\u001eNews","section":"nature","authors":["Jane\u001fDoe"]}' > "$TMP/labels.jsonl"
index "$TMP/labels.jsonl"
expect_rc 0 "labels with control characters"
json_query kestrel --facets outlet,section,author
expect_eq "$(jq_py '[v["value"] for v in d["facets"]["outlet"]["values"]]')" "['Daily News']" "outlet facet"
expect_eq "$(jq_py '[v["value"] for v in d["facets"]["section"]["values"]]')" "['nature']" "section facet"
expect_eq "$(jq_py '[v["value"] for v in d["facets"]["author"]["values"]]')" "['Jane Doe']" "author facet"
expect_eq "$(match_count 'outlet:"Daily News"')" 1 "outlet filter"
