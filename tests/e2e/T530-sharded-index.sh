#!/usr/bin/env bash
# --shards: the sample indexed as one database and as 4 shards (written
# behind a stub, rebuilt and merged, rebuilt and kept) answers a table of
# queries alike; --update replaces an article in the shard that holds it; a
# sharded rebuild killed half-way leaves the old database serving.
source "$(dirname "$0")/lib.sh"
ct=(--crawl-time 2025-06-01T12:00:00Z)

run "$MORGUE_INDEX" --db "$TMP/one" "${ct[@]}" "$CORPUS"
expect_rc 0 "single database"
run "$MORGUE_INDEX" --db "$TMP/four" --shards 4 "${ct[@]}" "$CORPUS"
expect_rc 0 "4 shards"
run "$MORGUE_INDEX" --db "$TMP/merged" --rebuild --shards 4 "${ct[@]}" "$CORPUS"
expect_rc 0 "rebuild of 4 shards, merged"
run "$MORGUE_INDEX" --db "$TMP/kept" --rebuild --shards 4 --keep-shards "${ct[@]}" "$CORPUS"
expect_rc 0 "rebuild of 4 shards, kept"

# The layouts schema.h describes, checked with Xapian's own tools.
expect_eq "$(cat "$TMP/four/XAPIANDB")" "$(printf 'auto shard-%d\n' 0 1 2 3)" "stub of the sharded database"
kept_gen=$TMP/$(awk '{print $2}' "$TMP/kept")
expect_eq "$(cat "$kept_gen/XAPIANDB")" "$(printf 'auto shard-%d\n' 0 1 2 3)" "stub of the kept shards"
merged_gen=$TMP/$(awk '{print $2}' "$TMP/merged")
[ -f "$merged_gen/iamglass" ] || fail "the merged rebuild is not one glass database"
total=$(doc_count "$TMP/one")
[ "$total" -gt 700 ] || fail "only $total documents in the single database"
for db in four merged kept; do expect_eq "$(doc_count "$TMP/$db")" "$total" "documents in $db"; done
sum=0
for i in 0 1 2 3; do
    n=$(doc_count "$TMP/four/shard-$i")
    [ "$n" -ge $((total / 4)) ] && [ "$n" -le $((total / 4 + 1)) ] || fail "shard $i holds $n of $total documents"
    sum=$((sum + n))
done
expect_eq "$sum" "$total" "documents over the shards"
xapian-check "$TMP/four/shard-2" >/dev/null || fail "xapian-check finds shard 2 damaged"

# Every query of the table answers alike. The merged rebuild: hits (ids,
# scores, clusters, copies, snippets), match and story counts and facets
# (merging renumbers documents, so hits of equal score may come in another
# order). The shards behind a stub keep the single database's docids, so
# everything is identical, order included: story counts and facets too, since
# morgue-query counts facets over any sharded database with Xapian's
# ValueCountMatchSpy (its own spy would be handed shard-local docids).
queries=(
    'said'
    'oil prices'
    '"Czech Republic blames China for cyberattacks"'
    'outlet:reuters'
    'lang:ar'
    'china OR russia NOT oil'
    'date:1987-03-01..1987-03-31 trade'
    'kind:teaser'
)
k=0
for q in "${queries[@]}"; do
    for opts in "" "--no-collapse --sort newest --count copies"; do
        k=$((k + 1))
        printf '%s %s\n' "$q" "$opts" > "$TMP/q$k.what"
        for db in one four kept merged; do
            # shellcheck disable=SC2086
            run "$MORGUE_QUERY" --db "$TMP/$db" --format json --limit 50 --facet-limit 100 $opts "$q"
            expect_rc 0 "query '$q' $opts on $db"
            printf '%s' "$OUT" > "$TMP/q$k.$db.json"
        done
    done
done
python3 - "$TMP" "$k" <<'PY' || fail "a database of shards answers differently from the single database"
import json, sys
tmp, n = sys.argv[1], int(sys.argv[2])

def load(k, db):
    d = json.load(open(f"{tmp}/q{k}.{db}.json"))
    d.pop("elapsed_ms")
    return d

def same_hits(a, b, what):  # the stub: identical, counts and facets included
    assert a == b, (what, json.dumps(a)[:1500], json.dumps(b)[:1500])

def same_but_ties(a, b, what):  # merged: equal scores (or dates) may swap
    key = (lambda h: h["date"]) if "newest" in what else (lambda h: round(h["score"], 6))
    a, b = dict(a), dict(b)
    ha, hb = a.pop("hits"), b.pop("hits")
    assert a == b, (what, a, b)
    assert [key(h) for h in ha] == [key(h) for h in hb], what
    def groups(hits):
        out = {}
        for h in hits:
            h = dict(h)
            h.pop("rank")
            out.setdefault(key(h), []).append(json.dumps(h, sort_keys=True))
        return {g: sorted(v) for g, v in out.items()}
    ga, gb = groups(ha), groups(hb)
    last = key(ha[-1]) if ha else None
    for g in ga:  # the last group may be cut by --limit
        if g != last or len(ha) < 50:
            assert ga[g] == gb[g], (what, g)

for k in range(1, n + 1):
    what = open(f"{tmp}/q{k}.what").read().strip()
    one = load(k, "one")
    assert one["matches"] > 0, (what, "matches nothing: the comparison would show little")
    same_hits(one, load(k, "four"), what)
    same_hits(one, load(k, "kept"), what)
    same_but_ties(one, load(k, "merged"), what)
print(f"{n} queries compared")
PY

# Spelling suggestions (from the headlines, in shard 0) come through the stub.
for db in one four merged; do
    run "$MORGUE_QUERY" --db "$TMP/$db" --format json 'cyberatack goverment'
    expect_rc 0
    expect_eq "$(jq_py 'd["suggestion"]')" "cyberattack government" "spelling suggestion from $db"
done
run "$MORGUE_INDEX" --db "$TMP/four" --stats --json
expect_rc 0 "stats of the sharded database"
printf '%s' "$OUT" > "$TMP/stats.json"
python3 - "$TMP/stats.json" "$total" <<'PY' || fail "stats of the sharded database: $OUT"
import json, sys
s = json.load(open(sys.argv[1]))
assert s["documents"] == int(sys.argv[2]), s
assert s["last_update"], s
assert s["size_bytes"] > 1000000, s
PY

# --update on the sharded database: a changed article is replaced in place,
# in the shard that holds it; a new one is added once; nothing doubles.
id=$(python3 -c 'import json,sys; print(json.loads(open(sys.argv[1]).readline())["id"])' "$CORPUS/reuters.jsonl")
home() { for i in 0 1 2 3; do if xapian-delve -t "Q$id" "$TMP/four/shard-$i" 2>/dev/null | grep -q 'termfreq 1'; then echo "$i"; fi; done; }
before=$(home)
[ -n "$before" ] && [ "$(echo "$before" | wc -l)" -eq 1 ] || fail "article $id is not in exactly one shard: '$before'"
python3 - "$CORPUS/reuters.jsonl" <<'PY'
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
first = json.loads(lines[0])
first["text"] += " Zanzibarian quokkas were also mentioned."
new = dict(first, id="shard-test-new", title="Quokka census", text="A census of zanzibarian quokkas, new today.")
lines[0] = json.dumps(first)
lines.append(json.dumps(new))
open(sys.argv[1], "w", encoding="utf-8").write("\n".join(lines) + "\n")
PY
DB=$TMP/four
index --update "${ct[@]}" "$CORPUS"
expect_rc 0 "update of the sharded database"
expect_contains "$ERR" "1 added, 1 replaced" "update summary"
expect_eq "$(doc_count "$TMP/four")" $((total + 1)) "documents after the update"
expect_eq "$(home)" "$before" "the shard holding the changed article"
expect_eq "$(match_count zanzibarian --no-collapse)" 2 "the changed and the new article"
expect_eq "$(match_count "id:$id" --no-collapse)" 1 "copies of the changed article"
index --update "${ct[@]}" "$CORPUS"
expect_rc 0
expect_contains "$ERR" "0 added, 0 replaced" "a second update finds nothing new"
grep -v '"shard-test-new"' "$CORPUS/reuters.jsonl" > "$TMP/r.jsonl" && mv "$TMP/r.jsonl" "$CORPUS/reuters.jsonl"
index --update --prune "${ct[@]}" "$CORPUS"
expect_rc 0 "update --prune of the sharded database"
expect_contains "$ERR" "0 added, 0 replaced, $total unchanged, 1 deleted" "prune summary"
expect_eq "$(doc_count "$TMP/four")" "$total" "documents after the prune"
expect_eq "$(match_count zanzibarian --no-collapse)" 1 "the pruned article is gone"
for i in 0 1 2 3; do
    xapian-check "$TMP/four/shard-$i" >/dev/null || fail "xapian-check finds shard $i damaged after the updates"
done

# A sharded rebuild killed half-way: the old database keeps serving, the next
# rebuild completes and leaves no half-built generation. The input comes
# through a pipe held open, so the kill lands while the shards are open.
DB=$TMP/merged
said_one=$(DB=$TMP/one match_count said)
expect_eq "$(match_count said)" "$said_one" "before the killed rebuild"
live=$(cat "$TMP/merged")
fifo=$TMP/feed
mkfifo "$fifo"
"$MORGUE_INDEX" --db "$TMP/merged" --rebuild --shards 4 - <"$fifo" >/dev/null 2>&1 &
pid=$!
exec 3>"$fifo"
cat "$CORPUS/reuters.jsonl" >&3
for _ in $(seq 100); do
    [ -n "$(find "$TMP" -maxdepth 2 -path '*merged.gen-*.building/shard-3' -print -quit)" ] && break
    sleep 0.1
done
[ -n "$(find "$TMP" -maxdepth 2 -path '*merged.gen-*.building/shard-3' -print -quit)" ] || fail "no shards under construction"
kill -9 "$pid"
wait "$pid" 2>/dev/null || true
exec 3>&-
expect_eq "$(cat "$TMP/merged")" "$live" "the live stub after the kill"
expect_eq "$(doc_count "$TMP/merged")" "$total" "documents served after the kill"
expect_eq "$(match_count said)" "$said_one" "answers after the kill"
run "$MORGUE_INDEX" --db "$TMP/merged" --rebuild --shards 4 "${ct[@]}" "$CORPUS"
expect_rc 0 "the rebuild after the kill"
expect_eq "$(find "$TMP" -maxdepth 1 -name 'merged.gen-*.building' | wc -l)" 0 "half-built generations left"
expect_eq "$(doc_count "$TMP/merged")" "$total" "documents after the next rebuild"

# Usage errors.
run "$MORGUE_INDEX" --db "$TMP/four" --shards 2 "$CORPUS"
expect_rc 2 "--shards on an existing database"
run "$MORGUE_INDEX" --db "$TMP/x" --shards 2 --update "$CORPUS"
expect_rc 2 "--shards with --update"
run "$MORGUE_INDEX" --db "$TMP/x" --keep-shards "$CORPUS"
expect_rc 2 "--keep-shards without --rebuild"
