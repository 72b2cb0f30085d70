#!/usr/bin/env python3
"""The API's dates (months, years, ranges), share histogram, streamed export
and page hits, each compared with the CLI on the same database.

Usage: serve_dates_export.py BASE DB MORGUE_QUERY MAX_EXPORT_ROWS
The server runs with --max-export-rows MAX_EXPORT_ROWS.
"""
import csv
import http.client
import io
import json
import os
import subprocess
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checks import check, finish  # noqa: E402

BASE, DB, QUERY, MAX_ROWS = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
HOST, PORT = urllib.parse.urlsplit(BASE).hostname, urllib.parse.urlsplit(BASE).port


def get(path, **params):
    """(status, headers, body) of GET path?params."""
    c = http.client.HTTPConnection(HOST, PORT, timeout=60)
    c.request("GET", path + ("?" + urllib.parse.urlencode(params, doseq=True) if params else ""))
    r = c.getresponse()
    body = r.read()
    c.close()
    return r.status, {k.lower(): v for k, v in r.getheaders()}, body


def search(**params):
    status, _, body = get("/api/search", **params)
    check(status == 200, f"/api/search {params}: {status} {body[:200]!r}")
    return json.loads(body)


def cli(*args, fmt="json"):
    out = subprocess.run([QUERY, "--db", DB, "--format", fmt, *args], capture_output=True, check=True, text=True).stdout
    return json.loads(out) if fmt == "json" else out


def same(server, local, what):
    a = {k: v for k, v in server.items() if k not in ("elapsed_ms", "query")}
    b = {k: v for k, v in local.items() if k not in ("elapsed_ms", "query")}
    check(a == b, f"{what}: the API and the CLI differ")


def refused(path, what, **params):
    status, headers, body = get(path, **params)
    check(status == 400 and "error" in json.loads(body or b"{}"), f"{what}: {status} {body[:200]!r}")
    return json.loads(body or b"{}").get("error", "")


# Months, years and ranges of them, in since/until and in q.
same(search(q="said", since="1987-03", until="1987-04"), cli("said", "--since", "1987-03", "--until", "1987-04"),
     "since/until months")
r = search(q="said date:2016..2017", facets="date")
same(r, cli("said date:2016..2017", "--facets", "date"), "date: years")
check(r["matches"] > 0, "nothing in 2016-2017")
check(search(q="said", since="2017-09", until="2017-09")["matches"] == search(q="said date:2017-09")["matches"],
      "since/until 2017-09 and date:2017-09")
for bad in ({"since": "1987-13"}, {"until": "87"}, {"q": "date:1987-02-30"}, {"histogram": "ratio"}):
    refused("/api/search", f"bad {bad}", **dict({"q": "said"}, **bad))

# The share histogram, with the zeros between 1987 and 2012.
r = search(q="said", facets="date", interval="year", histogram="share")
same(r, cli("said", "--facets", "date", "--interval", "year", "--histogram", "share"), "histogram=share")
values = r["facets"]["date"]["values"]
check([int(v["value"]) for v in values] == list(range(int(values[0]["value"]), int(values[0]["value"]) + len(values))),
      "the years are not consecutive")
check(any(v["count"] == 0 and v["share"] is None for v in values), "no empty year with a null share")

# Page hits carry their file and what was extracted, as in the CLI.
r = search(q="cyber", kind="article")
same(r, cli("cyber kind:article"), "page hits")
check(any((h["source"]["file"] or "").endswith(".txt") and h["extracted"] for h in r["hits"]), "no page hit with its source")

# The export: the CLI's bytes, chunked, with the match count in a header.
for fmt, ctype in (("csv", "text/csv"), ("jsonl", "application/x-ndjson")):
    status, headers, body = get("/api/export", q="outlet:dw OR outlet:daily8", format=fmt)
    check(status == 200, f"export {fmt}: {status} {body[:200]!r}")
    check(headers.get("content-type", "").startswith(ctype), f"export {fmt}: content type {headers.get('content-type')}")
    check(headers.get("transfer-encoding") == "chunked", f"export {fmt}: not chunked")
    check("attachment" in headers.get("content-disposition", ""), f"export {fmt}: no attachment disposition")
    check(headers.get("content-security-policy", "").startswith("default-src 'none'"), f"export {fmt}: no security headers")
    local = cli("outlet:dw OR outlet:daily8", "--all", fmt=fmt)
    check(body.decode() == local, f"export {fmt}: differs from morgue-query --all")
    rows = len(list(csv.DictReader(io.StringIO(local)))) if fmt == "csv" else len(local.splitlines()) - 1
    check(int(headers.get("x-morgue-matches", -1)) == rows > 3, f"export {fmt}: X-Morgue-Matches {headers.get('x-morgue-matches')} for {rows} rows")

# Filters and dates as parameters, as in /api/search.
status, headers, body = get("/api/export", q="", outlet="Reuters", since="1987-04", until="1987-04")
rows = list(csv.DictReader(io.StringIO(body.decode())))
check(status == 200 and len(rows) == search(outlet="Reuters", since="1987-04", until="1987-04", collapse="false")["matches"] > 10,
      f"export with filters: {status}, {len(rows)} rows")
check(rows and all(r["outlet"] == "Reuters" and r["date"].startswith("1987-04") for r in rows), "export rows outside the filters")

# Refused: search-only parameters, other formats, more matches than the maximum.
for params in ({"limit": "5"}, {"sort": "newest"}, {"format": "json"}, {"facets": "date"}, {"group": "events"}, {"colour": "red"},
               {"q": "date:1987-13"}):
    refused("/api/export", f"export {params}", **dict({"q": "said"}, **params))
said = cli("said", "--no-collapse", "--facets", "none", "--limit", "0")["matches"]
check(said > MAX_ROWS, f"'said' has {said} matches, not over the test's maximum of {MAX_ROWS}")
message = refused("/api/export", "over the maximum", q="said")
check(f"{said} matches, over the export maximum of {MAX_ROWS}" in message, f"message: {message}")

finish()
