#!/usr/bin/env bash
# Each kind of bad input gets one message naming its file (and line), counts
# as failed, and costs no good article.
source "$(dirname "$0")/lib.sh"
need zstd

bad=$TMP/bad
mkdir "$bad"
# A JSON Lines file whose line 3 is cut short and line 5 is not JSON at all.
head -n 6 "$CORPUS/reuters.jsonl" > "$bad/broken.jsonl"
python3 - "$bad/broken.jsonl" <<'PY'
import sys
p = sys.argv[1]
lines = open(p, encoding="utf-8").read().split("\n")
lines[2] = lines[2][:40]
lines[4] = "this is not json"
open(p, "w", encoding="utf-8").write("\n".join(lines))
PY
# A binary file, an empty file and the two empty files news-please shipped.
printf 'ELF\0\0\0\1\2\3binary' > "$bad/program.json"
: > "$bad/empty.jsonl"
cp "$TEST_DATA"/news-please-broken/*.json "$bad/"
# A truncated zstd archive: the first half of the SaudiNewsNet slice.
size=$(stat -c %s "$CORPUS/saudinewsnet.jsonl.zst")
head -c $((size / 2)) "$CORPUS/saudinewsnet.jsonl.zst" > "$bad/truncated.jsonl.zst"
# A 50 MB line between two good ones, and a good article with invalid UTF-8.
python3 - "$bad/huge.jsonl" "$CORPUS/reuters.jsonl" <<'PY'
import sys, json
good = open(sys.argv[2], encoding="utf-8").read().split("\n")
with open(sys.argv[1], "wb") as f:
    f.write(good[10].encode() + b"\n")
    f.write(b'{"id":"huge","title":"huge","text":"' + b"x" * (50 << 20) + b'"}\n')
    rec = json.loads(good[11]); rec["id"] = "latin1-article"; rec["title"] = "Invalid byte PLACEHOLDER here"
    f.write(json.dumps(rec).encode().replace(b"PLACEHOLDER", b"caf\xe9") + b"\n")
PY

index "$bad"
expect_rc 1 "some input failed"
expect_contains "$ERR" "broken.jsonl:3: error: invalid JSON"
expect_contains "$ERR" "broken.jsonl:5: error: invalid JSON"
expect_contains "$ERR" "program.json: error: binary file"
expect_contains "$ERR" "empty.jsonl: error: empty file"
expect_contains "$ERR" "1560c1741eebf6dee0a84ff4b3f5af98b5c67ca43d745db377089bd6.json: error: empty file"
expect_contains "$ERR" "truncated.jsonl.zst:"
expect_contains "$ERR" "truncated zstd data"
expect_contains "$ERR" "huge.jsonl:2: error: record longer than the limit"
expect_contains "$ERR" "huge.jsonl:3: warning: 1 invalid UTF-8 byte(s) replaced"
# 2 JSON + binary + 3 empty + truncated + huge = 8 failures.
expect_contains "$ERR" " 8 failed" "summary"

# Every good article is in: 4 from broken.jsonl, the ones before the cut in
# the truncated archive, and both good lines around the huge one.
expect_eq "$(match_count 'id:latin1-article')" 1 "the article with invalid UTF-8"
run "$MORGUE_QUERY" --db "$DB" 'id:latin1-article'
expect_contains "$OUT" "Invalid byte caf� here"
id1=$(sed -n 1p "$bad/broken.jsonl" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
expect_eq "$(match_count "id:$id1")" 1 "a good line of broken.jsonl"
arabic=$(doc_count)
[ "$arabic" -gt 10 ] || fail "too few articles indexed: $arabic"

# A 50 MB line must not cost 50 MB: compare the indexer's peak memory on the
# file with the huge line against the same file without it.
peak_kb() { # peak resident memory (KB) of one indexing run into a fresh db
    rm -rf "$TMP/memdb"
    python3 -c 'import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)' "$MORGUE_INDEX" --db "$TMP/memdb" --max-article-size 1 "$1"
}
grep -v '"id":"huge"' "$bad/huge.jsonl" > "$TMP/small.jsonl"
small=$(peak_kb "$TMP/small.jsonl")
huge=$(peak_kb "$bad/huge.jsonl")
[ $((huge - small)) -lt 20000 ] || fail "the 50 MB line cost $((huge - small)) KB of memory (peak $huge KB vs $small KB)"
rm -rf "$DB"
index --max-article-size 1 "$bad/huge.jsonl"
expect_rc 1 "huge line with a 1 MB limit"
expect_contains "$ERR" "2 added, 0 replaced, 0 unchanged, 0 deleted, 1 failed"
