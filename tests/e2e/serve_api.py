#!/usr/bin/env python3
"""Checks morgue-query serve's JSON API against the CLI on the same database.

Usage: serve_api.py BASE DB MORGUE_QUERY SCHEMA_JSON HOSTILE_JSONL
Every check compares the server with the CLI or with the data; a failure
prints what differed and exits 1. HOSTILE_JSONL is the one article with
markup and quotes in every field that the test added to the corpus.
"""
import http.client
import json
import os
import subprocess
import sys
import threading
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checks import check, finish  # noqa: E402

BASE, DB, QUERY, SCHEMA, HOSTILE = sys.argv[1:6]
CHECK_SCHEMA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "check_json_schema.py")
HOST, PORT = urllib.parse.urlsplit(BASE).hostname, urllib.parse.urlsplit(BASE).port


def request(path, method="GET", headers=None):
    """Sends `path` exactly as given (no normalisation): (status, headers, body)."""
    c = http.client.HTTPConnection(HOST, PORT, timeout=30)
    c.putrequest(method, path, skip_accept_encoding=True)
    for k, v in (headers or {}).items():
        c.putheader(k, v)
    c.endheaders()
    r = c.getresponse()
    body = r.read()
    c.close()
    return r.status, {k.lower(): v for k, v in r.getheaders()}, body


def api(path, expect=200):
    status, headers, body = request(path)
    check(status == expect, f"{path}: status {status}, expected {expect}: {body[:300]!r}")
    check(headers.get("content-type", "").startswith("application/json"), f"{path}: content type {headers.get('content-type')}")
    return json.loads(body)


def search(**params):
    return api("/api/search?" + urllib.parse.urlencode(params, doseq=True))


def cli(*args):
    out = subprocess.run([QUERY, "--db", DB, "--format", "json", *args], capture_output=True, check=True, text=True)
    return json.loads(out.stdout)


def same_result(server, cli_json, what, ignore=("elapsed_ms",)):
    a = {k: v for k, v in server.items() if k not in ignore}
    b = {k: v for k, v in cli_json.items() if k not in ignore}
    for k in sorted(set(a) | set(b)):
        check(a.get(k) == b.get(k), f"{what}: '{k}' differs: server {str(a.get(k))[:200]} cli {str(b.get(k))[:200]}")


# --- /api/search is the CLI's JSON -------------------------------------------
for q in ["oil prices", '"interest rates"', "cocoa OR coffee", "النفط"]:
    same_result(search(q=q), cli(q), f"q={q}")
raw = request("/api/search?q=oil+prices")[2]
schema_check = subprocess.run([sys.executable, CHECK_SCHEMA, SCHEMA],
                              input=raw, capture_output=True)
check(schema_check.returncode == 0, f"/api/search breaks docs/json-output.schema.json: {schema_check.stdout[:500]!r}")

# Filters, dates, paging, sorting and collapsing map onto the CLI's.
same_result(search(q="said", outlet="Reuters", since="1987-03-01", until="1987-03-31"),
            cli("said", "outlet:Reuters", "--since", "1987-03-01", "--until", "1987-03-31"), "filters and dates", ("elapsed_ms", "query"))
same_result(search(q="said", outlet=["Reuters", "BBC News"]), cli("said", 'outlet:"reuters"', 'outlet:"bbc news"'),
            "two outlets OR", ("elapsed_ms", "query"))
same_result(search(q="said", section="business", lang="en"), cli("said", "section:business", "lang:en"),
            "section AND language", ("elapsed_ms", "query"))
same_result(search(outlet="Reuters"), cli("outlet:reuters"), "filter without words", ("elapsed_ms", "query"))
same_result(search(q="said", offset=10, limit=5, sort="newest"), cli("said", "--offset", "10", "--limit", "5", "--sort", "newest"), "paging")
same_result(search(q="said", collapse="false", count="copies"), cli("said", "--no-collapse", "--count", "copies"), "no collapse")
same_result(search(q="said", facets="outlet,date", interval="year", facet_limit=3),
            cli("said", "--facets", "outlet,date", "--interval", "year", "--facet-limit", "3"), "facets")
d = search(q="said", offset=10, limit=5)
check([h["rank"] for h in d["hits"]] == [11, 12, 13, 14, 15], f"ranks of page 3: {[h['rank'] for h in d['hits']]}")
d = search(q="said", sort="newest", limit=20)
dates = [h["date"] for h in d["hits"] if h["date"]]
check(dates == sorted(dates, reverse=True) and len(dates) > 10, f"newest first: {dates}")

# Each facet count is what filtering by that value finds.
d = search(q="said", count="copies", collapse="false")
checked = 0
for field in ["outlet", "section", "dateline"]:
    for v in d["facets"][field]["values"][:3]:
        n = search(q="said", count="copies", collapse="false", **{field: v["value"]})["matches"]
        check(n == v["count"], f"facet {field}={v['value']}: count {v['count']}, filtered search {n}")
        checked += 1
check(checked >= 6, f"only {checked} facet values to check")

# --- /api/article/ID ----------------------------------------------------------
hit = search(q="oil prices")["hits"][0]
a = api("/api/article/" + urllib.parse.quote(hit["id"], safe=""))
for k in ["id", "title", "outlet", "date", "dateline", "section", "authors", "language", "kind", "url", "cluster"]:
    check(a[k] == hit[k], f"article {hit['id']}: {k} {a[k]!r} != hit's {hit[k]!r}")
words = hit["snippet"].strip("…").split()
middle = " ".join(words[len(words) // 3: len(words) // 3 + 5])
check(middle and middle in " ".join(a["text"].split()), f"article text lacks the snippet's '{middle}'")
check(len(a["text"]) > len(hit["snippet"]), "the article text is not longer than its snippet")
# A story carried by several outlets lists its copies.
copied = [h for h in search(q="said", limit=100)["hits"] if h["copies"] > 0]
check(copied, "no syndicated story among the hits for 'said'")
if copied:
    h = copied[0]
    a = api("/api/article/" + urllib.parse.quote(h["id"], safe=""))
    check(len(a["copies"]) == h["copies"], f"article {h['id']}: {len(a['copies'])} copies listed, the hit says {h['copies']}")
    check(h["id"] not in [c["id"] for c in a["copies"]], "an article is listed among its own copies")
err = api("/api/article/" + urllib.parse.quote("no such id", safe=""), 404)
check("error" in err, "unknown id: no error message")

# --- /api/stats -----------------------------------------------------------------
s = api("/api/stats")
delve = subprocess.run(["xapian-delve", DB], capture_output=True, text=True, check=True).stdout
docs = int([l for l in delve.splitlines() if l.startswith("number of documents")][0].split("=")[1])
check(s["documents"] == docs, f"stats: {s['documents']} documents, xapian-delve says {docs}")
check("database" not in s, "stats tells the client the database's path")

# --- errors are JSON with the right status ------------------------------------------
for path, status, words in [
    ("/api/search?q=%28oil", 400, "unbalanced"),
    ("/api/search?q=nosuchfield%3Aoil", 400, "unknown field"),
    ("/api/search?q=", 400, "empty query"),
    ("/api/search", 400, "empty query"),
    ("/api/search?q=oil&sort=best", 400, "sort"),
    ("/api/search?q=oil&since=05%2F06%2F1987", 400, "ISO"),
    ("/api/search?q=oil&since=1987-04-01&until=1987-03-01", 400, "after"),
    ("/api/search?q=oil&limit=101", 400, "limit"),
    ("/api/search?q=oil&limit=99999999999999", 400, "limit"),
    ("/api/search?q=oil&limit=-1", 400, "limit"),
    ("/api/search?q=oil&limit=ten", 400, "limit"),
    ("/api/search?q=oil&offset=10001", 400, "offset"),
    ("/api/search?q=oil&collapse=maybe", 400, "collapse"),
    ("/api/search?q=oil&facets=colour", 400, "facet"),
    ("/api/search?q=oil&q=gas", 400, "more than once"),
    ("/api/search?q=oil&colour=red", 400, "unknown parameter"),
    ("/api/search?q=" + "oil+" * 250 + "x", 400, "too long"),
]:
    st, headers, body = request(path)
    check(st == status, f"{path[:80]}: status {st}, expected {status}")
    try:
        msg = json.loads(body)["error"]
    except (ValueError, KeyError):
        msg = None
    check(msg is not None and words in msg, f"{path[:80]}: error {body[:200]!r} does not mention '{words}'")
# The bounds are the documented ones, not lower.
check(search(q="oil", limit=100)["limit"] == 100, "limit=100 refused")
check(len(search(q=("oil " * 250)[:1000])["hits"]) >= 0, "a 1000-byte query refused")
st, _, body = request("/api/search?q=" + "a" * 20000)
check(st in (400, 414) and b"error" in body, f"a 20 kB URI: status {st}")

# --- markup in articles and queries is data: JSON carries it exactly -------------------
hostile = json.loads(open(HOSTILE).read())
st, headers, body = request("/api/search?" + urllib.parse.urlencode({"q": "zyxquonk", "collapse": "false"}))
check(st == 200 and headers.get("content-type") == "application/json; charset=utf-8", f"hostile search: {st} {headers}")
d = json.loads(body)
check(len(d["hits"]) == 1, f"hostile article: {len(d['hits'])} hits")
if d["hits"]:
    h = d["hits"][0]
    for k in ["id", "title", "outlet", "dateline", "section", "url"]:
        check(h[k] == hostile[k], f"hostile {k}: {h[k]!r} != {hostile[k]!r}")
    check(b'\\"' in body and b"\\\\" in body, "quotes and backslashes are not escaped in the JSON")
    a = api("/api/article/" + urllib.parse.quote(hostile["id"], safe=""))
    check(a["title"] == hostile["title"] and a["text"] == hostile["text"], "hostile article text changed on the way")
    check(a["outlet"] == hostile["outlet"], "hostile outlet changed on the way")
q = '<script>alert(1)</script> "'
d = api("/api/search?" + urllib.parse.urlencode({"q": q}), 400)
check("error" in d, "a query with markup and an open quote: no error")
d = search(q="<b>oil</b>")
check(d["query"] == "<b>oil</b>", f"query echoed as {d['query']!r}")

# --- only GET and HEAD -----------------------------------------------------------
for path in ["/", "/api/search?q=oil", "/api/stats", "/app.js", "/nope"]:
    for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"]:
        st, headers, body = request(path, method)
        check(st == 405, f"{method} {path}: status {st}")
        check(headers.get("allow") == "GET, HEAD", f"{method} {path}: Allow {headers.get('allow')}")
        check(b'"error"' in body, f"{method} {path}: no JSON error")
st, headers, body = request("/", "HEAD")
check(st == 200 and body == b"" and headers.get("content-type", "").startswith("text/html"), f"HEAD /: {st} {headers}")
st, headers, body = request("/api/search?q=oil", "HEAD")
check(st == 200 and body == b"", f"HEAD /api/search: {st}")

# --- the page's files, and nothing else ---------------------------------------------
for path, ctype, needle in [("/", "text/html", b'<script src="/app.js"'), ("/app.js", "text/javascript", b"textContent"),
                            ("/app.css", "text/css", b"@media"), ("/favicon.svg", "image/svg+xml", b"<svg")]:
    st, headers, body = request(path)
    check(st == 200 and headers.get("content-type", "").startswith(ctype), f"{path}: {st} {headers.get('content-type')}")
    check(needle in body, f"{path}: lacks {needle!r}")
    check("default-src 'none'" in headers.get("content-security-policy", ""), f"{path}: no Content-Security-Policy")
    check(headers.get("x-content-type-options") == "nosniff", f"{path}: no nosniff")
    st2, _, body2 = request(path, headers={"If-None-Match": headers.get("etag", "")})
    check(st2 == 304 and body2 == b"", f"{path} with its ETag: {st2}")
html = request("/")[2]
check(b"http://" not in html.replace(b"http://www.w3.org", b"") and b"https://" not in html, "the page fetches from another site")
for path in ["/nope", "/api", "/api/", "/api/nope", "/api/search/more", "/index.htm", "/app.js.bak", "/API/stats"]:
    st, _, body = request(path)
    check(st == 404 and b'"error"' in body, f"{path}: status {st}")
for path in ["/../etc/passwd", "/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2f..%2fetc%2fpasswd",
             "/etc/passwd", "//etc/passwd", "/app.js/../../../../etc/passwd", "/%2e%2e%2fCMakeLists.txt",
             "/query/web/app.js", "/web/index.html", "/proc/self/environ", "/api/article/..%2f..%2f..%2fetc%2fpasswd",
             "/.%00./etc/passwd"]:
    st, _, body = request(path)
    check(st in (400, 404) and b"root:" not in body and b"PATH=" not in body, f"{path}: status {st} {body[:100]!r}")

# --- many at once: every worker thread answers the same --------------------------------
# (Enough requests in parallel to have caught a shared Xapian object whose
# reference count two threads changed at once.)
burst = ["/api/search?q=oil+prices", "/api/search?outlet=Reuters&limit=3", "/api/search?q=said&section=business",
         "/api/search?q=cocoa&since=1987-03-01&until=1987-03-31", "/api/article/" + urllib.parse.quote(hit["id"], safe="")]
expected = {}
for path in burst:
    st, _, body = request(path)
    expected[path] = {k: v for k, v in json.loads(body).items() if k != "elapsed_ms"}
results = []


def worker(n):
    for i in range(40):
        path = burst[(n + i) % len(burst)]
        st, _, body = request(path)
        results.append((path, st, {k: v for k, v in json.loads(body).items() if k != "elapsed_ms"}))


threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
check(len(results) == 320, f"{len(results)} of 320 concurrent requests answered")
bad = [(p, st) for p, st, r in results if st != 200 or r != expected[p]]
check(not bad, f"concurrent requests failed or differed: {bad[:5]}")

# --- loopback only by default: the listening socket is 127.0.0.1 ------------------------
listening = []
for line in open("/proc/net/tcp").read().splitlines()[1:]:
    local, state = line.split()[1], line.split()[3]
    addr, port = local.split(":")
    if state == "0A" and int(port, 16) == PORT:
        listening.append(addr)
check(listening == ["0100007F"], f"the server listens on {listening}, not only on 127.0.0.1")

finish()
