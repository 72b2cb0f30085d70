#!/usr/bin/env bash
# Replication on loopback with Xapian's own tools: the indexer keeps
# changesets (XAPIAN_MAX_CHANGESETS), xapian-replicate-server serves the
# indexing host's folder, xapian-replicate copies the database to a query
# host's replica. The replica answers as the master does after the first
# (whole) copy, after an --update (sent as changesets) and after a --rebuild
# (a new database: sent whole, the replica switches to the new copy), and
# morgue-query serve on the replica sees each of them without a restart.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/serve_lib.sh"
source "$(dirname "$0")/shards_lib.sh"
need xapian-replicate
need xapian-replicate-server

export XAPIAN_MAX_CHANGESETS=10
MASTER=$TMP/master
REPLICA=$TMP/replica
mkdir -p "$MASTER"
DB=$MASTER/morgue.db
index --quiet "$CORPUS/reuters.jsonl"
expect_rc 0 "first indexing"

PORT=$(free_port)
setsid xapian-replicate-server "$MASTER" --port "$PORT" >"$TMP/replicate-server.log" 2>&1 &
REPL_PID=$!
trap 'kill -9 -- "-$REPL_PID" 2>/dev/null || true; stop_all_tcpsrv; stop_server; rm -rf "$TMP"' EXIT
replicate() {
    local i
    for i in $(seq 1 50); do # the server may still be starting
        if timeout 60 xapian-replicate -h 127.0.0.1 -p "$PORT" -m morgue.db -o "$REPLICA" >"$TMP/replicate.log" 2>&1; then
            return 0
        fi
        sleep 0.1
    done
    fail "xapian-replicate failed: $(cat "$TMP/replicate.log" "$TMP/replicate-server.log")"
}
# same_answers WHAT: the replica answers a few queries as the master does.
same_answers() {
    local q
    for q in 'oil prices' 'said' 'fuel subsidies' 'lang:ar النفط'; do
        json_query "$q" --facets all
        local master=$OUT
        run "$MORGUE_QUERY" --db "$REPLICA" --format json --facets all "$q"
        expect_rc 0 "replica: $q"
        same_json "$master" "$OUT" "$1: $q"
    done
}
# served_matches QUERY: the match count morgue-query serve reports.
served_matches() {
    python3 - "$BASE" "$1" <<'PY'
import json, sys, urllib.parse, urllib.request
print(json.load(urllib.request.urlopen(sys.argv[1] + "/api/search?" + urllib.parse.urlencode({"q": sys.argv[2]}), timeout=30))["matches"])
PY
}

replicate
[ -f "$REPLICA/XAPIANDB" ] || fail "no replica at $REPLICA"
same_answers "after the first copy"
DB_MASTER=$DB
DB=$REPLICA start_server
DB=$DB_MASTER
expect_eq "$(served_matches 'fuel subsidies')" 0 "serve on the replica before the update"

# --update: the BBC articles arrive as a changeset.
index --update --quiet "$CORPUS/reuters.jsonl" "$CORPUS/bbc.jsonl.gz"
expect_rc 0 "update"
ls "$MASTER"/morgue.db/changes* >/dev/null 2>&1 || fail "the indexer kept no changesets in $MASTER/morgue.db"
replicate
same_answers "after an update"
json_query 'fuel subsidies'
want=$(jq_py 'd["matches"]')
[ "$want" -gt 0 ] || fail "the update should bring matches for 'fuel subsidies'"
expect_eq "$(served_matches 'fuel subsidies')" "$want" "serve on the replica after the update"

# --rebuild: a new database, copied whole; the replica's stub switches copies.
before=$(cat "$REPLICA/XAPIANDB")
index --rebuild --quiet "$CORPUS/reuters.jsonl" "$CORPUS/bbc.jsonl.gz" "$CORPUS/allsides.jsonl"
expect_rc 0 "rebuild"
replicate
[ "$(cat "$REPLICA/XAPIANDB")" != "$before" ] || fail "a rebuild should make the replica switch to a new copy"
same_answers "after a rebuild"
json_query 'lang:en trump'
want=$(jq_py 'd["matches"]')
[ "$want" -gt 0 ] || fail "the rebuild should bring matches for 'trump'"
expect_eq "$(served_matches 'lang:en trump')" "$want" "serve on the replica after the rebuild"
echo "ok: the replica answers as the master after a copy, an update and a rebuild; serve follows it"
