#!/usr/bin/env bash
# Costly queries: a wildcard that expands to too many words, or too many
# wildcards, is refused (exit 2, HTTP 400) with a message saying so; every
# search has a time limit, and one that runs out gives a marked partial answer.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/serve_lib.sh"
index "$CORPUS"
expect_rc 0

# How many index terms start with "s": far over the limit of 1000, read
# with Xapian's own tool rather than assumed.
s_terms=$(xapian-delve -a "$DB" | tr ' ' '\n' | grep -c '^s' || true)
[ "$s_terms" -gt 1000 ] || fail "the sample has only $s_terms terms starting with s"
query 's*'
expect_rc 2 "a wildcard over the limit"
expect_contains "$ERR" "wildcard matches too many words"
query 'oil s*'
expect_rc 2 "a wildcard over the limit, with another word"
# A narrow wildcard still works.
query 'petrol*'
expect_rc 0 "a narrow wildcard"
expect_not_contains "$OUT" "0 matches"
query 'oil* OR gas* OR pri* OR cru* OR bar* OR opec* OR saud* OR expo* OR impo*'
expect_rc 2 "nine wildcards"
expect_contains "$ERR" "9 wildcards (at most 8)"

# The time limit: a budget too small for anything marks the answer partial
# (snippets left out), still exit 0; the default answer is not partial.
json_query oil
expect_eq "$(jq_py 'd["partial"], d["partial_reason"], d["matches_exact"]')" "False None True" "normal search"
full_matches=$(jq_py 'd["matches"]')
json_query --time-limit 0.000001 oil
expect_eq "$(jq_py 'd["partial"]')" "True" "partial with a tiny time limit"
expect_contains "$(jq_py 'd["partial_reason"]')" "the time limit of 1e-06 s ran out"
expect_eq "$(jq_py 'all(h["snippet"] == "" for h in d["hits"])')" "True" "no snippets after the deadline"
expect_eq "$(jq_py 'len(d["hits"]) > 0')" "True" "hits are still given"
printf '%s' "$OUT" | python3 "$MORGUE_SOURCE_DIR/tests/e2e/check_json_schema.py" "$MORGUE_SOURCE_DIR/docs/json-output.schema.json" \
    || fail "partial answer does not match the schema"
query --time-limit 0.000001 oil
expect_rc 0
expect_contains "$OUT" "Partial answer: the time limit"
query --time-limit 0 oil
expect_rc 0 "no time limit"
expect_not_contains "$OUT" "Partial answer"
expect_eq "$(match_count oil)" "$full_matches" "match count without a limit"
query --time-limit -1 oil
expect_rc 2 "a negative time limit"

# The server: 400 with the message; its --time-limit marks answers partial.
start_server --time-limit 0.000001
python3 - "$BASE" <<'PY' || fail "server checks failed"
import json, sys, urllib.error, urllib.request
base = sys.argv[1]
try:
    urllib.request.urlopen(base + "/api/search?q=s*", timeout=10)
    sys.exit("s* was answered")
except urllib.error.HTTPError as e:
    body = json.load(e)
    assert e.code == 400, e.code
    assert "wildcard matches too many words" in body["error"], body
    assert "/" not in body["error"], body  # no server path in the message
d = json.load(urllib.request.urlopen(base + "/api/search?q=oil", timeout=10))
assert d["partial"] is True and d["partial_reason"], d
PY
