#!/usr/bin/env bash
# morgue-query serve sees the nightly job's work without a restart: a
# --rebuild that switches the database, then an --update; searches running
# meanwhile all succeed; a database that vanishes is a 503, and its return
# is seen.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/serve_lib.sh"
index --rebuild "$CORPUS/reuters.jsonl"
expect_rc 0
start_server --threads 1 # one worker: each request meets the same database handle

# api PATH PYTHON-EXPR: evaluates the expression over the JSON answer (d).
api() {
    python3 - "$BASE$1" "$2" <<'PY'
import json, sys, urllib.request, urllib.error
try:
    r = urllib.request.urlopen(sys.argv[1], timeout=30)
    status, body = r.status, r.read()
except urllib.error.HTTPError as e:
    status, body = e.code, e.read()
d = json.loads(body)
print(eval(sys.argv[2]))
PY
}
stats_docs() { api /api/stats 'd["documents"]'; }
bbc() { api '/api/search?outlet=BBC+News&limit=0' 'd["matches"]'; }

expect_eq "$(stats_docs)" "$(doc_count)" "documents before the rebuild"
expect_eq "$(bbc)" 0 "BBC articles before the rebuild"

# Searches keep running while the rebuild switches the database under them.
: > "$TMP/running"
python3 - "$BASE" "$TMP/running" > "$TMP/during" <<'PY' &
import os, sys, urllib.request, urllib.error
ok = bad = 0
while os.path.exists(sys.argv[2]) or ok < 5:
    try:
        urllib.request.urlopen(sys.argv[1] + "/api/search?q=said&limit=3", timeout=30).read()
        ok += 1
    except (urllib.error.URLError, OSError) as e:
        bad += 1
        print("error:", e, file=sys.stderr)
print(ok, bad)
PY
searcher=$!
index --rebuild "$CORPUS"
expect_rc 0 "rebuild"
rm "$TMP/running"
wait "$searcher"
read -r ok bad < "$TMP/during"
expect_eq "$bad" 0 "failed searches during the rebuild ($ok succeeded)"

expect_eq "$(stats_docs)" "$(doc_count)" "documents after the rebuild, same server"
expected=$(match_count 'outlet:"bbc news"')
[ "$expected" -gt 0 ] || fail "the sample has no BBC News articles"
expect_eq "$(bbc)" "$expected" "BBC articles after the rebuild, same server"

# An --update of the rebuilt database is seen too.
cp "$CORPUS/reuters.jsonl" "$TMP/more.jsonl"
sed -i 's/"id": "reuters21578-/"id": "again-/' "$TMP/more.jsonl"
index --update "$TMP/more.jsonl"
expect_rc 0 "update"
expect_eq "$(stats_docs)" "$(doc_count)" "documents after the update, same server"

# No database: 503 with a JSON error (no path in it); back again: answers.
mv "$DB" "$DB.away"
expect_eq "$(api '/api/search?q=said' 'status, "error" in d, "/" not in d["error"]')" "(503, True, True)" "search without a database"
mv "$DB.away" "$DB"
expect_eq "$(api '/api/search?q=said' 'status')" 200 "search once the database is back"
kill -0 "$SERVER_PID" || fail "the server died"
