#!/usr/bin/env bash
# The search page in headless Chromium (driven through chromedriver over the
# WebDriver protocol): searching, snippets, facets and chips, the date chart,
# paging, the URL, escaping, phone width. scripts/install-deps installs
# chromium and chromium-driver; without them the test is skipped.
# Screenshots go to $MORGUE_SCREENSHOTS when set (else they are thrown away).
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/serve_lib.sh"
need chromium
need chromedriver
add_hostile_article
index "$CORPUS"
expect_rc 0
start_server
shots=${MORGUE_SCREENSHOTS:-$TMP/shots}
mkdir -p "$shots"
python3 "$(dirname "$0")/serve_browser.py" "$BASE" "$shots" "$HOSTILE" || fail "browser checks failed"
for f in desktop phone phone-article arabic; do
    [ -s "$shots/$f.png" ] || fail "no screenshot $f.png"
done
