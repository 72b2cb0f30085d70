#!/usr/bin/env bash
# One of the shard hosts fails while searches run: killed (the connection
# is refused or cut) or stalled (SIGSTOP: it accepts but never answers).
# Searches fail fast with a message naming the shard (exit 1; HTTP 503 from
# serve), never hang past --remote-timeout; once the shard is back, the same
# CLI command and the same running server answer as before.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/serve_lib.sh"
source "$(dirname "$0")/shards_lib.sh"

make_shards 3
S=$TMP/shards
start_tcpsrv "$S/shard0"; P0=$PORT
start_tcpsrv "$S/shard1"; P1=$PORT
start_tcpsrv "$S/shard2"; P2=$PORT
STUB=$S/tcpsrv.stub
printf 'remote 127.0.0.1:%s\nremote 127.0.0.1:%s\nremote 127.0.0.1:%s\n' "$P0" "$P1" "$P2" > "$STUB"

json_query 'oil prices'
expected=$OUT

# timed_query ARGS...: morgue-query over the stub; sets $RC, $OUT, $ERR, $SECS.
timed_query() {
    local t0=$(date +%s.%N)
    run "$MORGUE_QUERY" --db "$STUB" --remote-timeout 2 --format json "$@"
    SECS=$(python3 -c "print($(date +%s.%N) - $t0)")
}
# api_status QUERY: HTTP status of /api/search, and the seconds it took.
api_status() {
    python3 - "$BASE" "$1" <<'PY'
import sys, time, urllib.error, urllib.parse, urllib.request
t0 = time.monotonic()
try:
    code = urllib.request.urlopen(sys.argv[1] + "/api/search?" + urllib.parse.urlencode({"q": sys.argv[2]}), timeout=60).status
except urllib.error.HTTPError as e:
    code = e.code
print(code, round(time.monotonic() - t0, 2))
PY
}
within() { # SECONDS LIMIT WHAT
    python3 -c "import sys; sys.exit(0 if $1 < $2 else 1)" || fail "$3 took $1 s (limit $2 s)"
}

DB="$STUB" start_server --remote-timeout 2 --threads 2
read -r code _ <<< "$(api_status 'oil prices')"
expect_eq "$code" 200 "serve before the failure"

# Killed in the middle of a stream of searches.
( for _ in $(seq 1 20); do "$MORGUE_QUERY" --db "$STUB" --remote-timeout 2 --format json said >/dev/null 2>&1 || true; done ) &
load=$!
sleep 0.3
stop_tcpsrv "$P1"
wait "$load"
timed_query 'oil prices'
expect_rc 1 "a search with a shard down"
expect_contains "$ERR" "remote shard did not answer" "the message"
expect_contains "$ERR" "127.0.0.1:$P1" "the message names the shard"
within "$SECS" 5 "a search with a killed shard"
for _ in 1 2 3; do
    read -r code secs <<< "$(api_status 'oil prices')"
    expect_eq "$code" 503 "serve with a shard down"
    within "$secs" 5 "an API search with a killed shard"
done
expect_contains "$(cat "$TMP/server.err")" "127.0.0.1:$P1" "the server's log"

# Back on its port: the CLI and the running server answer as before.
start_tcpsrv --port "$P1" "$S/shard1"
timed_query 'oil prices'
expect_rc 0 "a search after the shard came back"
same_json "$expected" "$OUT" "after the restart"
for _ in 1 2 3; do # every worker thread reconnects
    read -r code _ <<< "$(api_status 'oil prices')"
    expect_eq "$code" 200 "serve after the shard came back"
done

# Stalled: connections are accepted, nothing is answered. The timeout ends it.
kill -STOP -- "-${TCPSRV_PIDS[$P2]}"
timed_query 'oil prices'
kill -CONT -- "-${TCPSRV_PIDS[$P2]}"
expect_rc 1 "a search with a stalled shard"
expect_contains "$ERR" "127.0.0.1:$P2" "the message names the stalled shard"
within "$SECS" 8 "a search with a stalled shard (--remote-timeout 2)"
timed_query 'oil prices'
expect_rc 0 "a search once the shard answers again"
same_json "$expected" "$OUT" "after the stall"
echo "ok: a dead or stalled shard fails searches within the timeout; they recover when it is back"
