#!/usr/bin/env bash
# Text output never passes control characters from an article to the
# terminal: an ESC sequence or a BEL in a title, outlet, snippet or URL is
# shown as U+FFFD, so a hostile article cannot retitle, clear or recolour
# the terminal. (JSON escapes them itself: \u001b.)
source "$(dirname "$0")/lib.sh"
python3 - "$CORPUS/escapes.jsonl" <<'PY'
import json, sys
esc = "\x1b"
article = {
    "id": "escapes/1",
    "outlet": "Evil" + esc + "[2J Wire",
    "date": "1987-03-15",
    "section": "ops" + "\x07",
    "title": "Zyxquonk " + esc + "]0;owned" + "\x07" + " report " + esc + "[31mred",
    "url": "http://example.com/" + esc + "[8m",
    "text": "The zyxquonk report " + esc + "[1;31m was filed \x9b31m and \x07 rang the bell.",
}
open(sys.argv[1], "w").write(json.dumps(article) + "\n")
PY
index "$CORPUS"
expect_rc 0
query zyxquonk
expect_rc 0
printf '%s' "$OUT" | python3 -c '
import sys
out = sys.stdin.buffer.read()
bad = [c for c in set(out.decode("utf-8")) if ord(c) < 32 and c != "\n" or 0x7f <= ord(c) <= 0x9f]
assert not bad, "control characters in text output: %r" % bad
assert "\ufffd" in out.decode("utf-8"), "no replacement characters"
' || fail "text output carries control characters: $(printf '%q' "$OUT")"
expect_contains "$OUT" "Zyxquonk �]0;owned� report �[31mred"
run "$MORGUE_QUERY" --db "$DB" --copies escapes/1
expect_rc 0
expect_not_contains "$OUT" $'\e' "--copies output"
