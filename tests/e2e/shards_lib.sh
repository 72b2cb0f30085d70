# Shards for a test: source after lib.sh.
#   make_shards N     indexes $CORPUS into $DB and splits it into N shards
#                     $TMP/shards/shard0.. with the same document ids
#                     (morgue-split-shards), so that searching them must
#                     answer exactly as $DB does.
#   start_tcpsrv DB...  serves the databases with one xapian-tcpsrv on a free
#                     127.0.0.1 port; sets $PORT. Stopped when the test exits.
#   stop_tcpsrv PORT  stops the one serving PORT (SIGKILL: a crash), with the
#                     children it forked for each connection (its process
#                     group: setsid gives each its own).
#   same_json A B WHAT  fails unless two morgue-query JSON outputs are equal
#                     apart from the time taken.
: "${MORGUE_SPLIT:?set MORGUE_SPLIT to the morgue-split-shards binary}"
need xapian-tcpsrv
need xapian-progsrv

declare -A TCPSRV_PIDS=()
stop_all_tcpsrv() {
    local port
    for port in "${!TCPSRV_PIDS[@]}"; do
        kill -9 -- "-${TCPSRV_PIDS[$port]}" 2>/dev/null || true
        wait "${TCPSRV_PIDS[$port]}" 2>/dev/null || true
    done
    TCPSRV_PIDS=()
}
trap 'stop_all_tcpsrv; [ "$(type -t stop_server)" = function ] && stop_server; rm -rf "$TMP"' EXIT

make_shards() {
    index --quiet "$CORPUS"
    expect_rc 0 "indexing the corpus"
    mkdir -p "$TMP/shards"
    "$MORGUE_SPLIT" "$DB" "$1" "$TMP/shards" || fail "splitting $DB into $1 shards"
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# start_tcpsrv [--port P] DB...
start_tcpsrv() {
    local want=""
    if [ "$1" = --port ]; then want=$2; shift 2; fi
    local attempt
    for attempt in 1 2 3 4 5; do
        PORT=${want:-$(free_port)}
        setsid xapian-tcpsrv --interface 127.0.0.1 --port "$PORT" --quiet "$@" >"$TMP/tcpsrv.$PORT.log" 2>&1 &
        local pid=$!
        if python3 - "$PORT" <<'PY'; then
import socket, sys, time
for _ in range(100):
    try:
        socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=1).close()
        sys.exit(0)
    except OSError:
        time.sleep(0.05)
sys.exit(1)
PY
            kill -0 "$pid" 2>/dev/null || { sleep 0.2; continue; } # another process had the port
            TCPSRV_PIDS[$PORT]=$pid
            return 0
        fi
        kill -9 -- "-$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
        [ -n "$want" ] && sleep 0.5 # the port may still be closing
    done
    fail "xapian-tcpsrv did not start: $(cat "$TMP/tcpsrv.$PORT.log")"
}

stop_tcpsrv() {
    kill -9 -- "-${TCPSRV_PIDS[$1]}" 2>/dev/null || true
    wait "${TCPSRV_PIDS[$1]}" 2>/dev/null || true
    unset "TCPSRV_PIDS[$1]"
}

same_json() {
    python3 - "$1" "$2" "$3" <<'PY' || fail "$3: results differ"
import json, sys
a, b = (json.loads(x) for x in sys.argv[1:3])
for d in (a, b):
    d.pop("elapsed_ms", None)
if a != b:
    for k in sorted(set(a) | set(b)):
        if a.get(k) != b.get(k):
            print(f"{sys.argv[3]}: '{k}' differs:\n  {json.dumps(a.get(k))[:600]}\n  {json.dumps(b.get(k))[:600]}", file=sys.stderr)
    sys.exit(1)
PY
}

# zqxnew_records [WORD]: the first 30 Reuters records of the sample as new
# articles (ids and titles marked WORD, by default "zqxnew", a word in no
# real article), for an --update whose arrival a search for WORD shows.
zqxnew_records() {
    python3 - "$CORPUS/reuters.jsonl" "${1:-zqxnew}" <<'PY'
import json, sys
word = sys.argv[2]
for line in open(sys.argv[1], encoding="utf-8").read().splitlines()[:30]:
    r = json.loads(line)
    r["id"] += "-" + word
    r["title"] += " " + word
    print(json.dumps(r))
PY
}
