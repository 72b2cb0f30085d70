#!/usr/bin/env bash
# The command line and the HTTP API check a request with one validator: a
# reversed date range is refused by both, dates alone are a query for both,
# and each names the parameter at fault as its user writes it (--since on
# the command line, since in the API).
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/serve_lib.sh"
index "$CORPUS"
expect_rc 0
start_server

# api PATH?QUERY: the status in $STATUS and the body in $BODY.
api() {
    local got
    got=$(python3 - "$BASE$1" <<'PY'
import sys, urllib.error, urllib.request
try:
    r = urllib.request.urlopen(sys.argv[1], timeout=60)
    status, body = r.status, r.read()
except urllib.error.HTTPError as e:
    status, body = e.code, e.read()
print(status)
print(body.decode())
PY
)
    STATUS=$(printf '%s\n' "$got" | head -1)
    BODY=$(printf '%s\n' "$got" | tail -n +2)
}
# json_field FIELD: FIELD of the JSON in $BODY.
json_field() { printf '%s' "$BODY" | python3 -c 'import json, sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }

# --- a reversed date range is refused (it matched nothing, exit 0, before) ---
query --since 1987-03-10 --until 1987-03-01 oil
expect_rc 2 "--since after --until"
expect_contains "$ERR" "--since 1987-03-10 is after --until 1987-03-01"
[ -z "$OUT" ] || fail "output for a reversed range: $OUT"
query --format csv --all --since 1987-03 --until 1987-02 oil
expect_rc 2 "--all with --since after --until"
expect_contains "$ERR" "--since 1987-03 is after --until 1987-02"
api "/api/search?q=oil&since=1987-03-10&until=1987-03-01"
expect_eq "$STATUS" 400 "since after until"
expect_eq "$(json_field error)" "since 1987-03-10 is after until 1987-03-01: no day is in between" "the API's message"
api "/api/export?q=oil&since=1987-03-10&until=1987-03-01"
expect_eq "$STATUS" 400 "an export with since after until"
# One day at both ends is a range.
expect_eq "$(match_count oil --since 1987-03-02 --until 1987-03-02)" "$(match_count 'oil date:1987-03-02')" "one day"

# --- dates alone are a query: every article in the range ---
march=$(match_count 'date:1987-03-01..1987-03-31' --no-collapse)
[ "$march" -gt 0 ] || fail "no article in March 1987"
expect_eq "$(match_count --since 1987-03-01 --until 1987-03-31 --no-collapse)" "$march" "--since/--until alone"
expect_eq "$(match_count --until 1987-02 --no-collapse)" "$(match_count 'date:..1987-02-28' --no-collapse)" "--until alone"
api "/api/search?since=1987-03-01&until=1987-03-31&collapse=false&limit=0"
expect_eq "$STATUS" 200 "since/until alone: $BODY"
expect_eq "$(json_field matches)" "$march" "the API's matches for since/until alone"
run "$MORGUE_QUERY" --db "$DB" --format csv --all --since 1987-03 --until 1987-03
expect_rc 0 "--all with dates alone"
expect_eq "$(( $(printf '%s\n' "$OUT" | wc -l) - 1 ))" "$march" "rows exported for March 1987"
# Nothing at all is still no query, and the message says what would be one.
query
expect_rc 2 "no query"
expect_contains "$ERR" "empty query"
expect_contains "$ERR" "(--since, --until)"
api "/api/search?q=+"
expect_eq "$STATUS" 400 "a blank q"
expect_contains "$(json_field error)" "(since, until)"

# --- each front end names the parameter its own way ---
check_cli() { # MESSAGE ARGS...
    local msg=$1; shift
    query "$@"
    expect_rc 2 "morgue-query $*"
    expect_contains "$ERR" "morgue-query: $msg" "stderr for: $*"
}
check_api() { # PATH?QUERY MESSAGE
    api "$1"
    expect_eq "$STATUS" 400 "$1"
    local msg
    msg=$(json_field error)
    expect_contains "$msg" "$2" "the error for $1"
    expect_not_contains "$msg" "--" "the error for $1"
}
check_cli "--limit must be a whole number from 0 to 1000" oil --limit 5000
check_api "/api/search?q=oil&limit=101" "limit must be a whole number from 0 to 100"
check_cli "--facet-limit must not be negative (got -3)" oil --facet-limit -3
check_api "/api/search?q=oil&facet_limit=x" "facet_limit must be a whole number from 0 to 100"
check_cli "--since: bad date '26/02/1987'" oil --since 26/02/1987
check_api "/api/search?q=oil&since=26%2F02%2F1987" "since: bad date '26/02/1987'"
check_cli "unknown facet 'colour' in --facets" oil --facets colour
check_api "/api/search?q=oil&facets=colour" "unknown facet 'colour' in facets"
check_cli "--histogram must be count or share" oil --histogram ratio
check_api "/api/search?q=oil&histogram=ratio" "histogram must be count or share"
check_cli "--sort does not apply to an export" oil --all --format csv --sort newest
check_api "/api/export?q=oil&sort=newest" "sort does not apply to an export"
check_cli "--format must be csv or jsonl for an export" oil --all --format json
check_api "/api/export?q=oil&format=json" "format must be csv or jsonl for an export"
query --format json --limit 1 oil
id=$(printf '%s' "$OUT" | python3 -c 'import json, sys; print(json.load(sys.stdin)["hits"][0]["id"])')
path=/api/article/$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$id")/related
check_cli "--limit must be a whole number from 0 to 100" --related "$id" --limit 500
check_api "$path?limit=500" "limit must be a whole number from 0 to 100"
check_cli "--related-window-days must not be negative" --related "$id" --related-window-days -1
check_api "$path?window_days=400" "window_days must be a whole number from 0 to 366"
