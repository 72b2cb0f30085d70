#!/usr/bin/env bash
# --update skips unchanged articles, replaces changed ones, adds new ones;
# --prune deletes what left its source, and nothing that merely moved.
source "$(dirname "$0")/lib.sh"
src=$TMP/src
mkdir "$src"
head -n 200 "$CORPUS/reuters.jsonl" > "$src/a.jsonl"
sed -n '201,300p' "$CORPUS/reuters.jsonl" > "$src/b.jsonl"
cp "$CORPUS/bbc.jsonl.gz" "$src/"

index "$src"
expect_rc 0
expect_contains "$ERR" "400 added"
index --update "$src"
expect_rc 0
expect_contains "$ERR" "0 added, 0 replaced, 400 unchanged, 0 deleted" "unchanged input"

# The same story on a line written differently (JSON spacing) is unchanged,
# the first time it is read so (parsed, same content) and the next (skipped).
python3 - "$src/b.jsonl" <<'PY'
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
respaced = json.dumps(json.loads(lines[2]), separators=(",", ":"), ensure_ascii=False)
assert respaced != lines[2]
lines[2] = respaced
open(sys.argv[1], "w", encoding="utf-8").write("\n".join(lines) + "\n")
PY
for pass in first second; do
    index --update --prune "$src"
    expect_rc 0
    expect_contains "$ERR" "0 added, 0 replaced, 400 unchanged, 0 deleted" "re-spaced line, $pass update"
done

# Change one story's title, add one new story (from the corpus), move one
# story from a.jsonl to b.jsonl, and drop two stories from a.jsonl.
python3 - "$src" "$CORPUS/allsides.jsonl" <<'PY'
import json, sys
src, allsides = sys.argv[1], sys.argv[2]
a = open(f"{src}/a.jsonl", encoding="utf-8").read().splitlines()
rec = json.loads(a[0]); rec["title"] = rec["title"] + " (revised by zqxmarker)"; a[0] = json.dumps(rec)
moved = a.pop(1)
del a[1:3]
open(f"{src}/a.jsonl", "w", encoding="utf-8").write("\n".join(a) + "\n")
with open(f"{src}/b.jsonl", "a", encoding="utf-8") as f:
    f.write(moved + "\n" + open(allsides, encoding="utf-8").readline())
PY
index --update --prune "$src"
expect_rc 0
expect_contains "$ERR" "1 added, 2 replaced, 396 unchanged, 2 deleted" "update with prune (the moved story is re-filed)"
expect_eq "$(doc_count)" 399 "documents after pruning"
expect_eq "$(match_count title:zqxmarker)" 1 "the changed story"
# The moved story now belongs to b.jsonl: pruning a.jsonl alone keeps it.
index --update --prune "$src/a.jsonl"
expect_rc 0
expect_contains "$ERR" "0 added, 0 replaced, 197 unchanged, 0 deleted" "prune of the file a story moved out of"
expect_eq "$(doc_count)" 399 "documents after pruning the old file of a moved story"

# A file that vanished from a directory source: its articles go.
rm "$src/bbc.jsonl.gz"
index --update --prune "$src"
expect_rc 0
expect_contains "$ERR" "100 deleted"
expect_eq "$(match_count 'outlet:"bbc news"')" 0 "BBC stories after their file was removed"
# Without --prune nothing is deleted.
head -n 10 "$CORPUS/reuters.jsonl" > "$src/a.jsonl"
index --update "$src"
expect_contains "$ERR" "0 deleted"
run "$MORGUE_INDEX" --db "$DB" --prune "$src"
expect_rc 2 "--prune without --update"

# Standard input is a source of its own: pruning it deletes what the last
# run's standard input held and this one does not; pruning a file leaves it.
sdb=$TMP/stdin-db
head -n 20 "$CORPUS/reuters.jsonl" | "$MORGUE_INDEX" --db "$sdb" --quiet - 2>/dev/null
head_update() { # N: the first N stories on standard input, with --update --prune
    run sh -c 'head -n "$1" "$2" | "$3" --db "$4" --update --prune -' _ "$1" "$CORPUS/reuters.jsonl" "$MORGUE_INDEX" "$sdb"
}
head_update 15
expect_rc 0
expect_contains "$ERR" "0 added, 0 replaced, 15 unchanged, 5 deleted" "prune of standard input"
sed -n '21,25p' "$CORPUS/reuters.jsonl" > "$TMP/more.jsonl"
run "$MORGUE_INDEX" --db "$sdb" --update --prune "$TMP/more.jsonl"
expect_rc 0
expect_contains "$ERR" "5 added, 0 replaced, 0 unchanged, 0 deleted" "prune of a file beside standard input"
expect_eq "$(doc_count "$sdb")" 20 "documents from standard input and a file"

# A line holding an array of stories is never skipped as a whole: one of its
# stories may have gone from the database meanwhile (here: it moved to g.jsonl,
# was pruned there), and the next update must bring it back.
adb=$TMP/array-db
python3 - "$CORPUS/reuters.jsonl" "$TMP" <<'PY'
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
a, b, c = (json.loads(l) for l in lines[:3])
open(f"{sys.argv[2]}/f.jsonl", "w", encoding="utf-8").write(json.dumps([a, b]) + "\n")
open(f"{sys.argv[2]}/g.jsonl", "w", encoding="utf-8").write(json.dumps(b) + "\n")
open(f"{sys.argv[2]}/g2.jsonl", "w", encoding="utf-8").write(json.dumps(c) + "\n")
PY
"$MORGUE_INDEX" --db "$adb" --quiet "$TMP/f.jsonl" 2>/dev/null
"$MORGUE_INDEX" --db "$adb" --quiet --update "$TMP/g.jsonl" 2>/dev/null
mv "$TMP/g2.jsonl" "$TMP/g.jsonl"
run "$MORGUE_INDEX" --db "$adb" --update --prune "$TMP/g.jsonl"
expect_contains "$ERR" "1 added, 0 replaced, 0 unchanged, 1 deleted" "the moved story pruned from g.jsonl"
run "$MORGUE_INDEX" --db "$adb" --update --prune "$TMP/f.jsonl"
expect_rc 0
expect_contains "$ERR" "1 added, 0 replaced, 1 unchanged, 0 deleted" "the array line read again"
expect_eq "$(doc_count "$adb")" 3 "every story of f.jsonl and g.jsonl"
