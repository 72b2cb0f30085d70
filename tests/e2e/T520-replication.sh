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
# replicate [NAME]: copies the master folder's database NAME (morgue.db) to $REPLICA.
replicate() {
    local i name=${1:-morgue.db}
    for i in $(seq 1 50); do # the server may still be starting
        if timeout 60 xapian-replicate -h 127.0.0.1 -p "$PORT" -m "$name" -o "$REPLICA" >"$TMP/replicate.log" 2>&1; then
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

# A publication (--publish) is copied to a query host with
# scripts/fetch-publication: xapian-replicate cannot (its replica client
# opens the database for writing, which needs the termlist table a
# publication lacks). The copy answers as the master does, and serve on it
# follows the next publication without a restart.
command -v rsync >/dev/null || fail "rsync is not installed (scripts/install-deps installs it)"
FETCH=$(dirname "$0")/../../scripts/fetch-publication
run "$MORGUE_INDEX" --db "$DB" --publish "$MASTER/published.db"
expect_rc 0 "publish"
QUERY_HOST=$TMP/query-host
run "$FETCH" "$MASTER/published.db" "$QUERY_HOST"
expect_rc 0 "fetch-publication"
REPLICA=$QUERY_HOST/published.db
[ -f "$REPLICA" ] || fail "no publication at $REPLICA"
[ -z "$(find "$QUERY_HOST" -name 'termlist.glass')" ] || fail "the copied publication has a termlist table"
same_answers "a copied publication"
stop_server
DB=$REPLICA start_server
DB=$DB_MASTER
expect_eq "$(served_matches zqxnew)" 0 "serve on the copied publication before the update"
zqxnew_records > "$TMP/new.jsonl"
index --update --quiet "$TMP/new.jsonl"
expect_rc 0 "update before the second publication"
before=$(cat "$REPLICA")
run "$MORGUE_INDEX" --db "$DB" --publish "$MASTER/published.db"
expect_rc 0 "second publish"
run "$FETCH" "$MASTER/published.db" "$QUERY_HOST"
expect_rc 0 "fetch-publication of the second publication"
[ "$(cat "$REPLICA")" != "$before" ] || fail "the copy should switch to the new publication"
expect_eq "$(ls -d "$QUERY_HOST"/published.db.gen-* | wc -l)" "$(ls -d "$MASTER"/published.db.gen-* | wc -l)" \
    "generations on the query host (older ones removed)"
same_answers "the second copied publication"
expect_eq "$(served_matches zqxnew)" 30 "serve on the copied publication after the second publication"
run "$FETCH" "$MASTER/no-such.db" "$QUERY_HOST"
expect_rc 1 "fetch-publication of a missing publication"
expect_contains "$ERR" "no-such.db"
expect_eq "$(cat "$REPLICA")" "$(cat "$MASTER/published.db")" "the copy after a failed fetch"
echo "ok: the replica answers as the master after a copy, an update and a rebuild, and copied publications too; serve follows them"
