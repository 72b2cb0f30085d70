#!/usr/bin/env bash
# A writer commits when its pending postings reach a volume, or at --batch
# articles, whichever comes first, and where it commits changes nothing in
# the index. Commits are counted by the database's revision (one a commit).
source "$(dirname "$0")/lib.sh"

revision() { xapian-delve "$1" | sed -n 's/^revision = //p'; }
# Every term with its frequency, every document's terms with their wdf.
contents() {
    xapian-delve -a -v "$1" | grep -v '^revision'
    local n; n=$(xapian-delve "$1" | sed -n 's/^highest document id ever used = //p')
    for d in $(seq 1 "$n"); do xapian-delve -r "$d" -v "$1" 2>&1; done
}

docs=$(( $(wc -l < "$CORPUS/reuters.jsonl") ))
one() { # NAME OPTIONS...: indexes reuters.jsonl into $TMP/NAME
    local name=$1; shift
    run "$MORGUE_INDEX" --db "$TMP/$name" "$@" "$CORPUS/reuters.jsonl"
    expect_rc 0 "indexing with $*"
}

# The volume alone: about 100 postings an article, so a few hundred postings
# pending commit every few articles; 100000 make one commit of the file.
one few --batch 100000 --commit-postings 100000
one many --batch 100000 --commit-postings 300
few=$(revision "$TMP/few") many=$(revision "$TMP/many")
[ "$many" -gt $((docs / 10)) ] || fail "300 pending postings: $many commits for $docs articles"
[ "$many" -gt $((few * 10)) ] || fail "$many commits with a small volume, $few with a large one"
# --batch alone, however large the volume.
one counted --batch 20 --commit-postings 100000000
counted=$(revision "$TMP/counted")
[ "$counted" -ge $((docs / 20)) ] || fail "--batch 20: $counted commits for $docs articles"
# The same index whatever the commits.
contents "$TMP/few" > "$TMP/few.txt"
contents "$TMP/many" > "$TMP/many.txt"
cmp -s "$TMP/few.txt" "$TMP/many.txt" || fail "the commits changed the index: $(diff "$TMP/few.txt" "$TMP/many.txt" | head -5)"

# Each shard's writer follows its own volume (and --batch / N articles).
one shards-few --shards 2 --batch 100000 --commit-postings 100000
one shards-many --shards 2 --batch 100000 --commit-postings 300
one shards-counted --shards 2 --batch 40 --commit-postings 100000000
for i in 0 1; do
    few=$(revision "$TMP/shards-few/shard-$i") many=$(revision "$TMP/shards-many/shard-$i")
    counted=$(revision "$TMP/shards-counted/shard-$i")
    [ "$many" -gt $((docs / 20)) ] || fail "shard $i, 300 pending postings: $many commits"
    [ "$many" -gt $((few * 10)) ] || fail "shard $i: $many commits with a small volume, $few with a large one"
    [ "$counted" -ge $((docs / 40)) ] || fail "shard $i, --batch 40: $counted commits"
done
contents "$TMP/shards-many" > "$TMP/shards-many.txt"
cmp -s "$TMP/few.txt" "$TMP/shards-many.txt" || fail "the shards' commits changed the index"
