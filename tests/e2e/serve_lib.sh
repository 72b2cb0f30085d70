# Starting morgue-query serve for a test: source after lib.sh, then
# start_server [OPTIONS...] runs it on a free loopback port (--port 0, the
# port it prints), waits until it answers and sets $BASE
# (http://127.0.0.1:PORT). The server is killed when the test exits.

SERVER_PID=""
stop_server() {
    if [ -n "$SERVER_PID" ]; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
        SERVER_PID=""
    fi
}
trap 'stop_server; rm -rf "$TMP"' EXIT

start_server() {
    # Created here, not by the background job's redirection, which may come
    # after the first look for the port.
    : >"$TMP/server.out"
    : >"$TMP/server.err"
    "$MORGUE_QUERY" serve --db "$DB" --port 0 "$@" >"$TMP/server.out" 2>"$TMP/server.err" &
    SERVER_PID=$!
    local port=""
    for _ in $(seq 1 100); do
        # The shell may not have created server.out yet: no file, no port yet.
        port=$(sed -n 's|^morgue-query: serving .* at http://[^ ]*:\([0-9][0-9]*\)/$|\1|p' "$TMP/server.out" 2>/dev/null || true)
        [ -n "$port" ] && break
        kill -0 "$SERVER_PID" 2>/dev/null || fail "the server did not start: $(cat "$TMP/server.err")"
        sleep 0.1
    done
    [ -n "$port" ] || fail "the server printed no port: $(cat "$TMP/server.out" "$TMP/server.err")"
    BASE="http://127.0.0.1:$port"
    python3 - "$BASE" <<'PY' || fail "the server does not answer at $BASE: $(cat "$TMP/server.err")"
import sys, time, urllib.request
for _ in range(100):
    try:
        urllib.request.urlopen(sys.argv[1] + "/api/stats", timeout=2).read()
        sys.exit(0)
    except OSError:
        time.sleep(0.1)
sys.exit(1)
PY
}

# add_hostile_article: writes $HOSTILE, one JSON Lines article with markup,
# quotes and a script URL in every field a page shows (the only invented data
# in the tests: it exists to be escaped), into $CORPUS.
HOSTILE=$CORPUS/hostile.jsonl
add_hostile_article() {
    python3 - "$HOSTILE" <<'PY'
import json, sys
article = {
    "id": "hostile/1 \"<x>\"?#",
    "outlet": "<script>window.__pwned=1</script>",
    "date": "1987-03-15",
    "dateline": "<b>Nowhere</b>",
    "section": "<i onmouseover=\"window.__pwned=1\">ops</i>",
    "title": "Zyxquonk <img src=x onerror=\"window.__pwned=1\"> 'quoted' \"double\" \\back",
    "url": "javascript:window.__pwned=1",
    "text": "The zyxquonk report <script>window.__pwned=1</script> was filed &amp; printed.\n\n"
            "<img src=x onerror=\"window.__pwned=1\"> A second paragraph about zyxquonk.",
}
open(sys.argv[1], "w").write(json.dumps(article) + "\n")
PY
}
