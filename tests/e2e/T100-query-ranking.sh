#!/usr/bin/env bash
# A phrase taken from an article finds that article first.
source "$(dirname "$0")/lib.sh"
index "$CORPUS"
expect_rc 0

# From a seed page (AFP's version, 003): a phrase only it contains.
json_query '"high degree of certainty about the responsible actor"'
expect_eq "$(jq_py 'd["matches"]')" 1 "matches for the AFP phrase"
expect_eq "$(jq_py 'd["hits"][0]["title"]')" "Czech foreign minister summons Chinese ambassador over cyberattack"

# From ten Reuters stories: six words from the middle of each body.
python3 - "$CORPUS/reuters.jsonl" > "$TMP/phrases" <<'PY'
import json, sys, re
recs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
out = 0
for r in recs[5::7]:
    words = r.get("text", "").split()
    if len(words) > 40 and out < 10:
        # six consecutive plain words from the middle on
        for i in range(len(words) // 2, len(words) - 6):
            if all(re.fullmatch(r"[A-Za-z]+", w) for w in words[i:i + 6]):
                print(r["id"] + "\t" + " ".join(words[i:i + 6]))
                out += 1
                break
PY
[ "$(wc -l < "$TMP/phrases")" -eq 10 ] || fail "could not pick 10 phrases"
while IFS=$'\t' read -r id phrase; do
    json_query "\"$phrase\""
    expect_eq "$(jq_py 'd["hits"][0]["id"]')" "$id" "first hit for \"$phrase\""
done < "$TMP/phrases"

# The headline outweighs the body: a word in one story's title and in other
# stories' bodies ranks the title story first.
json_query 'cyberattacks' --limit 3
expect_contains "$(jq_py 'd["hits"][0]["title"]')" "cyberattacks" "top hit's title"
