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
RSYNCD_PID=
trap 'kill -9 -- "-$REPL_PID" 2>/dev/null || true; [ -z "$RSYNCD_PID" ] || kill -9 -- "-$RSYNCD_PID" 2>/dev/null || true
      stop_all_tcpsrv; stop_server; rm -rf "$TMP"' EXIT
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
# follows the next publication without a restart: from a local path, from
# an rsync daemon (rsync://) and through a remote shell (host:NAME, in the
# remote home).
command -v rsync >/dev/null || fail "rsync is not installed (scripts/install-deps installs it)"
FETCH=$(dirname "$0")/../../scripts/fetch-publication
# copied_alike QUERY_HOST WHAT: QUERY_HOST holds the publication as
# $MASTER does, the stub and the files of the generation it names byte for
# byte; sets $REPLICA to it.
copied_alike() {
    local gen
    REPLICA=$1/published.db
    [ -f "$REPLICA" ] || fail "$2: no publication at $REPLICA"
    expect_eq "$(cat "$REPLICA")" "$(cat "$MASTER/published.db")" "$2: the stub"
    gen=$(awk '{print $2}' "$REPLICA")
    diff -r "$MASTER/$gen" "$1/$gen" >/dev/null || fail "$2: $1/$gen differs from $MASTER/$gen"
}
# fetch_follows SOURCE QUERY_HOST WORD: publishes the master to
# $MASTER/published.db, which SOURCE names, and copies it to QUERY_HOST;
# then indexes the 30 articles zqxnew_records marks with WORD, publishes
# and copies again, with serve on the copy; then fails to copy a missing
# publication.
fetch_follows() {
    local source=$1 host=$2 word=$3 before
    run "$MORGUE_INDEX" --db "$DB" --publish "$MASTER/published.db"
    expect_rc 0 "publish"
    run "$FETCH" "$source" "$host"
    expect_rc 0 "fetch-publication $source"
    copied_alike "$host" "a publication copied from $source"
    stop_server
    DB=$REPLICA start_server
    DB=$DB_MASTER
    expect_eq "$(served_matches "$word")" 0 "serve on the copied publication before the update"
    zqxnew_records "$word" > "$TMP/new.jsonl"
    index --update --quiet "$TMP/new.jsonl"
    expect_rc 0 "update before the second publication"
    before=$(cat "$REPLICA")
    run "$MORGUE_INDEX" --db "$DB" --publish "$MASTER/published.db"
    expect_rc 0 "second publish"
    run "$FETCH" "$source" "$host"
    expect_rc 0 "fetch-publication $source of the second publication"
    [ "$(cat "$REPLICA")" != "$before" ] || fail "the copy from $source should switch to the new publication"
    copied_alike "$host" "the second publication copied from $source"
    expect_eq "$(ls -d "$host"/published.db.gen-* | wc -l)" "$(ls -d "$MASTER"/published.db.gen-* | wc -l)" \
        "generations on the query host (older ones removed)"
    same_answers "the second publication copied from $source"
    expect_eq "$(served_matches "$word")" 30 "serve on the copy from $source after the second publication"
    run "$FETCH" "${source%published.db}no-such.db" "$host"
    expect_rc 1 "fetch-publication of a missing publication"
    expect_contains "$ERR" "no-such.db"
    expect_eq "$(cat "$REPLICA")" "$(cat "$MASTER/published.db")" "the copy from $source after a failed fetch"
}
# start_rsyncd DIR: serves DIR read-only as the module "morgue" of an rsync
# daemon on a free 127.0.0.1 port, run as the test's user (so without
# chroot); sets $RSYNC_PORT.
start_rsyncd() {
    local attempt
    printf '%s\n' "use chroot = no" "[morgue]" "path = $1" "read only = yes" >"$TMP/rsyncd.conf"
    for attempt in 1 2 3 4 5; do
        RSYNC_PORT=$(free_port)
        setsid rsync --daemon --no-detach --address=127.0.0.1 --port="$RSYNC_PORT" --config="$TMP/rsyncd.conf" \
            --log-file="$TMP/rsyncd.log" &
        RSYNCD_PID=$!
        for _ in $(seq 1 50); do
            timeout 10 rsync "rsync://127.0.0.1:$RSYNC_PORT/" 2>/dev/null | grep -q '^morgue[[:space:]]' && return 0
            kill -0 "$RSYNCD_PID" 2>/dev/null || break # another process had the port
            sleep 0.1
        done
        kill -9 -- "-$RSYNCD_PID" 2>/dev/null || true
        wait "$RSYNCD_PID" 2>/dev/null || true
    done
    fail "the rsync daemon did not start: $(cat "$TMP/rsyncd.log")"
}

fetch_follows "$MASTER/published.db" "$TMP/query-host" zqxnew
start_rsyncd "$MASTER"
fetch_follows "rsync://127.0.0.1:$RSYNC_PORT/morgue/published.db" "$TMP/query-host-rsyncd" zqxdaemon
# A remote shell source naming the publication in the remote home
# (host:NAME, no folder). rsync runs its remote shell as HOST COMMAND...,
# and ssh would run COMMAND in the remote user's home: here $MASTER.
printf '#!/bin/sh\nshift\ncd %q && exec sh -c "$*"\n' "$MASTER" >"$TMP/remote-shell"
chmod +x "$TMP/remote-shell"
RSYNC_RSH=$TMP/remote-shell run "$FETCH" indexer:published.db "$TMP/query-host-shell"
expect_rc 0 "fetch-publication indexer:published.db"
copied_alike "$TMP/query-host-shell" "a publication copied from indexer:published.db"
echo "ok: the replica answers as the master after a copy, an update and a rebuild, and copied publications too; serve follows them"
