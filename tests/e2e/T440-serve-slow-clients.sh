#!/usr/bin/env bash
# morgue-query serve keeps answering while 200 clients hold connections open
# doing nothing or sending a request one byte at a time (they wait in the
# gate's waiting room, not on worker threads), and a request that does not
# arrive within --request-timeout is answered 408 and closed.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/serve_lib.sh"
index "$CORPUS"
expect_rc 0

run "$MORGUE_QUERY" serve --db "$DB" --request-timeout 0
expect_rc 2 "--request-timeout 0"

start_server --request-timeout 4 --threads 4
python3 - "$BASE" <<'PY' || fail "slow clients starved the server"
import http.client, socket, sys, time, urllib.parse
u = urllib.parse.urlsplit(sys.argv[1])
addr = (u.hostname, u.port)
request = b"GET /api/search?q=oil HTTP/1.1\r\nHost: x\r\n\r\n"
idle, slow = [], []
for i in range(200):
    s = socket.create_connection(addr, timeout=5)
    (slow if i % 2 else idle).append(s)
start = time.monotonic()
sent = 0
def trickle():
    """One more byte on every slow connection (never the whole request)."""
    global sent
    if sent < len(request) - 4:
        for s in slow:
            s.send(request[sent:sent + 1])
        sent += 1
trickle()
# While all 200 are open, a normal client is answered, on new connections
# and on one kept alive, each within 2 s (with 4 worker threads).
keep = http.client.HTTPConnection(*addr, timeout=2)
answered = 0
while time.monotonic() - start < 2.5:
    for c in (http.client.HTTPConnection(*addr, timeout=2), keep):
        c.request("GET", "/api/search?q=oil+prices&limit=3")
        r = c.getresponse()
        assert r.status == 200, r.status
        r.read()
        answered += 1
    trickle()
    time.sleep(0.1)
print(f"{answered} answers while 200 connections were idle or slow")
assert answered >= 10, answered
# After --request-timeout (4 s) every one of them has been closed; the slow
# ones were told why (408).
time.sleep(max(0, start + 5.5 - time.monotonic()))
timeouts = 0
for s in idle + slow:
    s.settimeout(2)
    try:
        data = s.recv(4096)
    except ConnectionResetError:
        data = b""
    except socket.timeout:
        sys.exit(f"a connection was still open after the request timeout")
    if s in slow and data.startswith(b"HTTP/1.1 408"):
        timeouts += 1
    s.close()
print(f"{timeouts} of {len(slow)} slow clients got 408")
assert timeouts >= len(slow) // 2, timeouts
PY
