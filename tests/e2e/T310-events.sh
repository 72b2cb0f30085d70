#!/usr/bin/env bash
# Events: articles of different outlets about one event share an event id
# (checked against the news-please cluster labels the sample carries);
# --group events, --count events and --related on the CLI and the API;
# an article indexed in a later run joins an earlier run's event; the
# window (30 days by default, --event-window-days) bounds who joins.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/serve_lib.sh"
index --crawl-time 2025-06-01T12:00:00Z "$CORPUS"
expect_rc 0

# Against the labels: no two labelled events share an id, and most pairs of
# one labelled event reported within the window (7 days) do.
json_query 'kind:article' --no-collapse --limit 1000 --facets none
printf '%s' "$OUT" > "$TMP/all.json"
python3 - "$TMP/all.json" "$CORPUS/news-please" <<'PY' || fail "events disagree with the news-please labels"
import datetime, glob, itertools, json, os, sys
event = {h["id"]: h["event"] for h in json.load(open(sys.argv[1]))["hits"]}
rows = []
for f in glob.glob(os.path.join(sys.argv[2], "*.json")):
    d = json.load(open(f, encoding="utf-8"))
    day = d["date_publish"] and datetime.date.fromisoformat(d["date_publish"][:10])
    rows.append((d["url"], d["newsCluster"]["EventId"], day))
same = grouped = 0
for (u1, e1, d1), (u2, e2, d2) in itertools.combinations(rows, 2):
    together = event[u1] is not None and event[u1] == event[u2]
    if e1 != e2:
        assert not together, ("different labelled events share an id", u1, u2)
    elif d1 and d2 and abs((d1 - d2).days) <= 7:
        same += 1
        grouped += together
assert same >= 5 and grouped >= 0.8 * same, (grouped, same)
PY

# The seed pages: one AP story (000, 001) and DW, AFP and Epoch Times reports
# of the same event: two stories or more, one event.
json_query 'APT31 kind:article' --no-collapse --facets none
expect_eq "$(jq_py 'len({h["event"] for h in d["hits"]}), len(d["hits"])')" "1 5" "events and articles about APT31"
expect_eq "$(jq_py 'd["stories"] > 1, d["events"]')" "True 1" "stories and events counted"
json_query 'APT31 kind:article' --group events --facets none
expect_eq "$(jq_py 'len(d["hits"]), d["hits"][0]["event_reports"], len(d["hits"][0]["reports"]), d["grouped_by"]')" "1 5 5 events" "grouped by event"
jq_py 'd["hits"][0]["reports"]' > "$TMP/reports"
python3 - "$TMP/reports" <<'PY' || fail "an event's reports are not earliest first"
import ast, sys
dates = [r["date"] for r in ast.literal_eval(open(sys.argv[1]).read())]
dated = [x for x in dates if x]
assert dated == sorted(dated) and dates[:len(dated)] == dated, dates
assert len(set(dated)) > 1, dates
PY
expect_contains "$(jq_py 'sorted({r["outlet"] for r in d["hits"][0]["reports"]})')" "'Associated Press'" "outlets of the event"
expect_contains "$(jq_py 'sorted({r["outlet"] for r in d["hits"][0]["reports"]})')" "'DW'" "outlets of the event"
query --group events 'APT31 kind:article'
expect_rc 0
expect_contains "$OUT" "event reported 5 times, earliest first:"

# Facets count events: each outlet's count is its distinct events.
json_query said --no-collapse --limit 1000 --facets none
printf '%s' "$OUT" > "$TMP/said.json"
json_query said --count events --facets outlet --facet-limit 1000
printf '%s' "$OUT" > "$TMP/facets.json"
python3 - "$TMP/said.json" "$TMP/facets.json" <<'PY' || fail "facet counts by event differ from distinct events"
import json, sys, collections
hits = json.load(open(sys.argv[1]))["hits"]
f = json.load(open(sys.argv[2]))
by_outlet = collections.defaultdict(set)
for h in hits:
    by_outlet[h["outlet"]].add(h["event"] or h["id"])
events = {h["event"] or h["id"] for h in hits}
assert f["facets_count"] == "events" and f["events"] == len(events), (f["events"], len(events))
for v in f["facets"]["outlet"]["values"]:
    assert v["count"] == len(by_outlet[v["value"]]), (v, len(by_outlet[v["value"]]))
assert f["events"] < f["stories"], "the sample has events of several stories among 'said' matches"
PY
json_query said --group events --limit 1000 --facets none
expect_eq "$(jq_py 'len(d["hits"]) == d["events"] == len({h["event"] or h["id"] for h in d["hits"]})')" True "one hit per event"

# --related: other outlets' reports near the article, not its copies or outlet.
json_query '"costa rica" plane crash' --facets none
wp=$(jq_py '[h["id"] for h in d["hits"] if h["outlet"] == "washingtonpost.com"][0]')
cd_id=$(jq_py '[h["id"] for h in d["hits"] if h["outlet"] == "chinadaily.com.cn"][0]')
run "$MORGUE_QUERY" --db "$DB" --related "$wp" --format json
expect_rc 0
expect_eq "$(jq_py '[(r["id"], r["same_event"]) for r in d["related"]][0]')" "('$cd_id', True)" "the other outlet's report, first"
expect_eq "$(jq_py 'all(r["outlet"] != "washingtonpost.com" for r in d["related"]) and len(d["terms"]) > 5')" True "other outlets only"
printf '%s' "$OUT" > "$TMP/related.json"
run "$MORGUE_QUERY" --db "$DB" --related "$wp" --related-window-days 1 --format json
expect_eq "$(jq_py '"'"$cd_id"'" in [r["id"] for r in d["related"]]')" False "a report 2 days away, outside a 1-day window"
run "$MORGUE_QUERY" --db "$DB" --related "$wp"
expect_rc 0
expect_contains "$OUT" "Costa Rica investigates after 10 US citizens die in plane disaster"
# The AP subway story's copies on two other sites are not related coverage.
json_query '"work trains collide"' --no-collapse --facets none
sub=$(jq_py 'd["hits"][0]["id"]')
jq_py '[h["id"] for h in d["hits"]]' > "$TMP/copies"
run "$MORGUE_QUERY" --db "$DB" --related "$sub" --related-window-days 30 --related-per-outlet 1 --limit 50 --format json
expect_rc 0
python3 - "$TMP/copies" <<PY || fail "related coverage lists a copy or repeats an outlet"
import ast, json
copies = set(ast.literal_eval(open("$TMP/copies").read()))
related = json.loads('''$OUT''')["related"]
assert related and not copies & {r["id"] for r in related}, related
outlets = [r["outlet"] for r in related if r["outlet"]]
assert len(outlets) == len(set(outlets)), outlets
PY
run "$MORGUE_QUERY" --db "$DB" --related no-such-id
expect_rc 2 "unknown id"
run "$MORGUE_QUERY" --db "$DB" --group sideways x
expect_rc 2 "bad --group"

# The API answers as the CLI does.
start_server
python3 - "$BASE" "$wp" "$TMP/related.json" "$MORGUE_QUERY" "$DB" <<'PY' || fail "API checks failed"
import json, subprocess, sys, urllib.error, urllib.parse, urllib.request
base, wp, related, query, db = sys.argv[1:6]
def get(path):
    try:
        with urllib.request.urlopen(base + path, timeout=30) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read())
status, body = get("/api/article/" + urllib.parse.quote(wp, safe="") + "/related")
assert status == 200 and body == json.load(open(related)), body
status, body = get("/api/article/" + urllib.parse.quote(wp, safe="") + "/related?window_days=1&limit=5&per_outlet=1")
assert status == 200 and body["window_days"] == 1 and body["per_outlet"] == 1, body
assert get("/api/article/no-such-id/related")[0] == 404
assert get("/api/article/" + urllib.parse.quote(wp, safe="") + "/related?sideways=1")[0] == 400
assert get("/api/article/" + urllib.parse.quote(wp, safe="") + "/related?window_days=-1")[0] == 400
status, api = get("/api/search?q=APT31+kind%3Aarticle&group=events&count=events&facets=outlet")
cli = json.loads(subprocess.run([query, "--db", db, "--format", "json", "--group", "events", "--count", "events",
                                 "--facets", "outlet", "APT31", "kind:article"], capture_output=True, check=True).stdout)
assert status == 200 and api["hits"] == cli["hits"] and api["facets"] == cli["facets"], (api, cli)
assert api["grouped_by"] == "events" and api["facets_count"] == "events" and api["events"] == 1
assert get("/api/search?q=x&group=sideways")[0] == 400
PY
stop_server

# A later run's article joins the event an earlier run indexed (through the
# database, not this run's memory); with --no-events nothing is grouped.
rm -rf "$DB"
index --crawl-time 2025-06-01T12:00:00Z "$CORPUS"/seeds/002_*.txt
index --crawl-time 2025-06-01T12:00:00Z "$CORPUS"/seeds/001_*.txt
json_query 'APT31 kind:article' --no-collapse --facets none
expect_eq "$(jq_py 'len(d["hits"]), len({h["event"] for h in d["hits"]})')" "2 1" "two runs, one event"
rm -rf "$DB"
index --no-events "$CORPUS"/seeds
json_query 'APT31 kind:article' --group events --facets none
expect_eq "$(jq_py 'len(d["hits"]), {h["event"] for h in d["hits"]}')" "5 {None}" "no events without event grouping"

# The window: a follow-up report 20 days later joins (its similarity
# decays, but a close report keeps enough of it); 40 days later, beyond the
# 30-day window, it does not, nor 20 days later with a 7-day window.
python3 - "$CORPUS/news-please" "$TMP/later.jsonl" <<'PY'
import glob, json, sys
d = json.load(open(sorted(glob.glob(sys.argv[1] + "/*.json"))[0], encoding="utf-8"))
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for i, (outlet, day) in enumerate((("first.example", "2020-01-01"), ("after20.example", "2020-01-21"),
                                       ("after40.example", "2020-02-10"))):
        out.write(json.dumps({"id": f"window-{i}", "outlet": outlet, "date": day, "title": d["title"],
                              "text": d["text"], "language": "en"}) + "\n")
PY
for window in default 7; do
    rm -rf "$DB"
    if [ "$window" = default ]; then index "$TMP/later.jsonl"; else index --event-window-days 7 "$TMP/later.jsonl"; fi
    expect_rc 0
    json_query 'date:2020' --no-collapse --sort oldest --facets none
    expect_eq "$(jq_py '[h["event"] is not None for h in d["hits"]]')" "[True, True, True]" "every report has an event"
    got=$(jq_py '[h["event"] == d["hits"][0]["event"] for h in d["hits"]]')
    if [ "$window" = default ]; then
        expect_eq "$got" "[True, True, False]" "20 days later joins, 40 days later does not"
    else
        expect_eq "$got" "[True, False, False]" "with a 7-day window, 20 days later does not join"
    fi
done
