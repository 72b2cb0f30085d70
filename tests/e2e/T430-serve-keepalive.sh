#!/usr/bin/env bash
# morgue-query serve answers quickly on a keep-alive connection: headers and
# body go out as two writes, and without TCP_NODELAY the second waited for
# the client's delayed ACK (about 40 ms per answer, against 1-2 ms on a new
# connection). Browsers and wrk keep connections alive. Pipelined requests
# are answered too.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/serve_lib.sh"
index "$CORPUS"
expect_rc 0
start_server
python3 - "$BASE" <<'PY' || fail "keep-alive answers are slow"
import http.client, statistics, sys, time, urllib.parse
u = urllib.parse.urlsplit(sys.argv[1])
conn = http.client.HTTPConnection(u.hostname, u.port, timeout=10)
failed = False
def timed(request):
    t = time.perf_counter()
    request()
    return (time.perf_counter() - t) * 1000

def on_keepalive(path):
    conn.request("GET", path)
    r = conn.getresponse()
    body = r.read()
    assert r.status == 200 and body, (path, r.status)
    assert r.getheader("Connection", "").lower() != "close", "the server closed the connection"

def on_new_connection(path):
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=10)
    c.request("GET", path, headers={"Connection": "close"})
    r = c.getresponse()
    assert r.status == 200 and r.read(), (path, r.status)
    c.close()

for path in ["/app.css", "/api/search?q=oil+prices&limit=3"]:
    kept = [timed(lambda: on_keepalive(path)) for _ in range(20)]
    fresh = [timed(lambda: on_new_connection(path)) for _ in range(20)]
    print(f"{path}: keep-alive min {min(kept):.1f} / median {statistics.median(kept):.1f} ms, "
          f"new connections min {min(fresh):.1f} / median {statistics.median(fresh):.1f} ms (20 requests each)")
    # The stall adds ~40 ms to most keep-alive answers, however fast the
    # machine; a loaded machine (or ASan) slows both kinds alike, so the
    # medians are compared with each other rather than with a fixed bound.
    if statistics.median(kept) >= statistics.median(fresh) + 25:
        print(f"FAIL: {path}: keep-alive median {statistics.median(kept):.1f} ms, "
              f"new connections {statistics.median(fresh):.1f} ms", file=sys.stderr)
        failed = True
# Pipelined requests (several sent before any answer) are each answered, in order.
import socket
s = socket.create_connection((u.hostname, u.port), timeout=10)
paths = ["/api/search?q=oil&limit=1", "/app.css", "/api/stats"]
s.sendall(b"".join(f"GET {p} HTTP/1.1\r\nHost: x\r\n\r\n".encode() for p in paths))
got = b""
while got.count(b"HTTP/1.1 200") < len(paths):
    chunk = s.recv(65536)
    if not chunk:
        break
    got += chunk
if got.count(b"HTTP/1.1 200") != len(paths):
    print(f"FAIL: {got.count(b'HTTP/1.1 200')} answers to {len(paths)} pipelined requests", file=sys.stderr)
    failed = True
sys.exit(1 if failed else 0)
PY
