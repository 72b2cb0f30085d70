#!/usr/bin/env bash
# Arabic articles are indexed with the Arabic stemmer and found by Arabic
# queries, including inflected forms that only stemming connects.
source "$(dirname "$0")/lib.sh"

index "$CORPUS/saudinewsnet.jsonl.zst"
expect_rc 0
# The most common long word of the slice's titles, taken from the data.
word=$(zstdcat "$CORPUS/saudinewsnet.jsonl.zst" 2>/dev/null | python3 -c '
import sys, json, collections
c = collections.Counter()
for line in sys.stdin:
    for w in json.loads(line).get("title", "").split():
        if len(w) >= 5 and w.isalpha(): c[w] += 1
print(c.most_common(1)[0][0])') || fail "cannot read the Arabic slice"
n=$(match_count "$word")
[ "$n" -ge 2 ] || fail "Arabic query '$word' found $n articles"
run "$MORGUE_QUERY" --db "$DB" "$word"
expect_contains "$OUT" "[$word" "highlighted Arabic match"

# The Arabic stemmer drops the definite article: "ال" + word finds word.
stemmed=$(match_count "ال$word")
[ "$stemmed" -ge "$n" ] || [ "$stemmed" -ge 1 ] || fail "'ال$word' found nothing"

# lang:ar picks the Arabic stemmer for the words (it used to find nothing, the
# query's few Latin letters outweighing its Arabic ones).
expect_eq "$(match_count "lang:ar $word")" "$n" "matches for 'lang:ar $word'"
run "$MORGUE_QUERY" --db "$DB" "lang:ar $word"
expect_contains "$OUT" "[$word" "highlighted Arabic match under lang:ar"
