#!/usr/bin/env bash
# The stored articles' zstd dictionary (schema.h, "Metadata"): trained when a
# database is created, kept by --update, replaced by --rebuild, the same in
# every shard (read alone, behind a stub, or served by xapian-progsrv and
# xapian-tcpsrv); articles read alike with and without one; a damaged or
# missing dictionary is a clear error.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/shards_lib.sh"
need xapian-metadata
key=morgue.article_dictionary
dict_sum() { xapian-metadata get "$1" "$key" | sha256sum | cut -c1-16; }
dict_len() { xapian-metadata get "$1" "$key" | head -c -1 | wc -c; }
empty_sum=$(printf '\n' | sha256sum | cut -c1-16)
# A search whose hits carry snippets, so that articles are decompressed.
search_json() { run "$MORGUE_QUERY" --db "$1" --format json --limit 100 --facets outlet said; expect_rc 0 "search of $1"; }

# A new database trains one on its first articles.
index "$CORPUS/reuters.jsonl"
expect_rc 0
[ "$(dict_len "$DB")" -gt 10000 ] || fail "no dictionary in a new database of 300 articles"
first=$(dict_sum "$DB")
search_json "$DB"
with_dict=$OUT

# Articles read the same compressed without one: a first run too small to
# train on (under 100 articles) stores none, and its updates keep it so.
head -n 50 "$CORPUS/reuters.jsonl" > "$TMP/first50.jsonl"
run "$MORGUE_INDEX" --db "$TMP/plain" "$TMP/first50.jsonl"
expect_rc 0
run "$MORGUE_INDEX" --db "$TMP/plain" --update "$CORPUS/reuters.jsonl"
expect_rc 0
expect_contains "$ERR" "250 added"
expect_eq "$(dict_sum "$TMP/plain")" "$empty_sum" "dictionary of a database begun with 50 articles"
search_json "$TMP/plain"
# What is read from the stored articles (event ids, assigned run by run,
# may differ between one run and two).
python3 - "$with_dict" "$OUT" <<'PY' || fail "articles read differently with and without a dictionary"
import json, sys
fields = ("id", "title", "outlet", "date", "dateline", "section", "authors", "language", "kind", "url",
          "snippet", "highlights")
a, b = ([{k: h[k] for k in fields} for h in json.loads(x)["hits"]] for x in sys.argv[1:3])
assert len(a) == 100 and a == b, (len(a), [x for x, y in zip(a, b) if x != y][:1])
PY

# --update keeps the database's dictionary, and what it adds reads.
index --update "$CORPUS/bbc.jsonl.gz"
expect_rc 0
expect_eq "$(dict_sum "$DB")" "$first" "dictionary after --update"
query --limit 1 "outlet:\"bbc news\""
expect_rc 0
expect_contains "$OUT" "BBC News"

# --rebuild makes a new database with a new dictionary (trained on its own
# first articles, AllSides'), and an --update after it uses that one.
index --rebuild "$CORPUS/allsides.jsonl" "$CORPUS/reuters.jsonl"
expect_rc 0
gen=$TMP/$(awk '{print $2}' "$DB")
rebuilt=$(dict_sum "$gen")
[ "$rebuilt" != "$first" ] && [ "$rebuilt" != "$empty_sum" ] || fail "--rebuild kept the old dictionary, or has none"
index --update "$CORPUS/bbc.jsonl.gz"
expect_rc 0
expect_contains "$ERR" "added"
expect_eq "$(dict_sum "$gen")" "$rebuilt" "dictionary after an --update of the rebuilt database"
for q in "outlet:\"bbc news\" said" "outlet:reuters said" "trump"; do
    query --limit 20 "$q"
    expect_rc 0 "'$q' after the rebuild and update"
    expect_contains "$OUT" "1. " "hits of '$q'"
done

# Kept shards: one dictionary in every shard, trained once; each shard
# reads alone, and the stub reads through local, xapian-progsrv and
# xapian-tcpsrv shards alike, also after an --update into the shards.
run "$MORGUE_INDEX" --db "$TMP/kept" --rebuild --shards 3 --keep-shards "$CORPUS"
expect_rc 0
kept=$TMP/$(awk '{print $2}' "$TMP/kept")
sum0=$(dict_sum "$kept/shard-0")
[ "$sum0" != "$empty_sum" ] || fail "no dictionary in shard 0"
for i in 1 2; do expect_eq "$(dict_sum "$kept/shard-$i")" "$sum0" "dictionary of shard $i"; done
for i in 0 1 2; do search_json "$kept/shard-$i"; done
search_json "$TMP/kept"
local_out=$OUT
for i in 0 1 2; do echo "remote :xapian-progsrv $kept/shard-$i"; done > "$TMP/progsrv.stub"
search_json "$TMP/progsrv.stub"
same_json "$local_out" "$OUT" "kept shards through xapian-progsrv"
for i in 0 1 2; do
    start_tcpsrv "$kept/shard-$i"
    echo "remote 127.0.0.1:$PORT"
done > "$TMP/tcpsrv.stub"
search_json "$TMP/tcpsrv.stub"
same_json "$local_out" "$OUT" "kept shards through xapian-tcpsrv"
zqxnew_records > "$TMP/new.jsonl"
run "$MORGUE_INDEX" --db "$TMP/kept" --update "$TMP/new.jsonl"
expect_rc 0
expect_contains "$ERR" "30 added"
for i in 0 1 2; do expect_eq "$(dict_sum "$kept/shard-$i")" "$sum0" "dictionary of shard $i after --update"; done
for db in "$TMP/kept" "$TMP/progsrv.stub" "$TMP/tcpsrv.stub"; do
    run "$MORGUE_QUERY" --db "$db" --limit 100 zqxnew
    expect_rc 0 "the updated articles through $db"
    expect_contains "$OUT" "30 matches"
done

# The shards merged by compaction keep the one dictionary.
run "$MORGUE_INDEX" --db "$TMP/merged" --rebuild --shards 3 "$CORPUS"
expect_rc 0
merged=$TMP/$(awk '{print $2}' "$TMP/merged")
expect_eq "$(dict_sum "$merged")" "$sum0" "dictionary of the merged shards"
search_json "$TMP/merged"

# A damaged dictionary, or none where articles need one: a clear error, exit 1.
cp -r "$merged" "$TMP/damaged"
xapian-metadata set "$TMP/damaged" "$key" "not a dictionary"
run "$MORGUE_QUERY" --db "$TMP/damaged" said
expect_rc 1 "querying with a damaged dictionary"
expect_contains "$ERR" "is not a zstd dictionary"
run "$MORGUE_INDEX" --db "$TMP/damaged" --update "$CORPUS/reuters.jsonl"
expect_rc 1 "updating with a damaged dictionary"
expect_contains "$ERR" "is not a zstd dictionary"
xapian-metadata set "$TMP/damaged" "$key" ""
run "$MORGUE_QUERY" --db "$TMP/damaged" said
expect_rc 1 "querying without the dictionary"
expect_contains "$ERR" "needs zstd dictionary"
expect_contains "$ERR" "rebuild the database"
