# Shared set-up for the end-to-end tests: each test sources this file, gets a
# fresh temporary copy of sample_corpus/ in $CORPUS and a database path in
# $DB, and uses the helpers below. The binaries come from the environment
# (ctest sets MORGUE_INDEX and MORGUE_QUERY to the built targets).
set -euo pipefail

: "${MORGUE_INDEX:?set MORGUE_INDEX to the morgue-index binary}"
: "${MORGUE_QUERY:?set MORGUE_QUERY to the morgue-query binary}"
: "${MORGUE_SOURCE_DIR:=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/morgue-test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
CORPUS=$TMP/corpus
cp -r "$MORGUE_SOURCE_DIR/sample_corpus" "$CORPUS"
DB=$TMP/db
TEST_DATA=$MORGUE_SOURCE_DIR/tests/data
unset MORGUE_DB

fail() { echo "FAIL: $*" >&2; exit 1; }

# run CMD...: runs a command, keeping its stdout in $OUT, stderr in $ERR and
# exit status in $RC, without stopping the test on failure.
run() {
    set +e
    "$@" >"$TMP/.out" 2>"$TMP/.err"
    RC=$?
    set -e
    OUT=$(cat "$TMP/.out")
    ERR=$(cat "$TMP/.err")
}

index() { run "$MORGUE_INDEX" --db "$DB" "$@"; }
query() { run "$MORGUE_QUERY" --db "$DB" "$@"; }

expect_rc() {
    [ "$RC" -eq "$1" ] || fail "expected exit status $1, got $RC${2:+ ($2)}
stdout: $OUT
stderr: $ERR"
}
expect_contains() { # HAYSTACK NEEDLE [WHAT]
    case "$1" in *"$2"*) ;; *) fail "${3:-output} does not contain '$2':
$1" ;; esac
}
expect_not_contains() {
    case "$1" in *"$2"*) fail "${3:-output} contains '$2':
$1" ;; *) ;; esac
}
expect_eq() { # ACTUAL EXPECTED [WHAT]
    [ "$1" = "$2" ] || fail "${3:-value}: expected '$2', got '$1'"
}

# Number of documents in $DB, read with Xapian's own tool.
doc_count() { xapian-delve "${1:-$DB}" | sed -n 's/^number of documents = //p'; }

# Number of matches morgue-query reports for a query.
match_count() {
    run "$MORGUE_QUERY" --db "$DB" "$@"
    expect_rc 0 "query: $*"
    echo "$OUT" | sed -n 's/^\([0-9][0-9]*\) match.*/\1/p' | head -1
}

# on_tty CMD...: runs a command with a pseudo-terminal (script(1)) as its
# stdout and stderr, both then in $OUT; $RC is the command's exit status.
on_tty() { run script -qec "$(printf '%q ' "$@")" /dev/null; }

# Skip (ctest's SKIP_RETURN_CODE) when a tool the test needs is missing.
need() { command -v "$1" >/dev/null || { echo "SKIP: $1 not installed"; exit 77; }; }
need xapian-delve

# corpus_count FIELD VALUE: how many JSON records of $CORPUS have FIELD equal
# to VALUE (case-insensitive), counted straight from the files, so that tests
# compare the engine with the data rather than with numbers written down.
corpus_count() {
    python3 - "$CORPUS" "$1" "$2" <<'PY'
import gzip, json, os, subprocess, sys
root, field, value = sys.argv[1], sys.argv[2], sys.argv[3].lower()
n = 0
for dirpath, _, files in os.walk(root):
    for f in files:
        p = os.path.join(dirpath, f)
        if f.endswith(".jsonl"):
            data = open(p, "rb").read()
        elif f.endswith(".jsonl.gz"):
            data = gzip.open(p).read()
        elif f.endswith(".jsonl.zst"):
            data = subprocess.run(["zstd", "-dc", p], capture_output=True, check=True).stdout
        elif f.endswith(".json"):
            data = open(p, "rb").read().replace(b"\n", b" ")
        else:
            continue
        for line in data.decode("utf-8").split("\n"):
            if line.strip():
                v = json.loads(line).get(field)
                if isinstance(v, str) and v.lower() == value:
                    n += 1
print(n)
PY
}

# json_query QUERY... : runs morgue-query --format json and leaves the JSON in $OUT.
json_query() {
    run "$MORGUE_QUERY" --db "$DB" --format json "$@"
    expect_rc 0 "json query: $*"
}
# jq_py EXPR: evaluates a python expression over the JSON in $OUT (bound to d).
jq_py() { printf '%s' "$OUT" | python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
