#!/usr/bin/env bash
# --publish: a read-only publication of a database (single or sharded) for
# query hosts has no termlists and no copy-band terms, answers a table of
# queries (related coverage and the HTTP API included) exactly as its master
# does, refuses every write with a message that says what to do, and is
# replaced atomically by the next publication.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/serve_lib.sh"
ct=(--crawl-time 2025-06-01T12:00:00Z)

run "$MORGUE_INDEX" --db "$DB" "${ct[@]}" "$CORPUS"
expect_rc 0 "master"
PUB=$TMP/pub
run "$MORGUE_INDEX" --db "$DB" --publish "$PUB"
expect_rc 0 "publish"
expect_contains "$ERR" "published $(doc_count) articles of $DB to $PUB"

# A stub naming one compacted generation, made without the termlist table and
# holding every document with its docid, and no copy-band (XB) terms while
# the master has them (xapian-delve -a lists every term on one line, spaced;
# the band terms carry raw hash bytes, so they are counted by their prefix).
gen=$TMP/$(awk '{print $2}' "$PUB")
[ -f "$gen/iamglass" ] && [ -f "$gen/postlist.glass" ] && [ -f "$gen/position.glass" ] || fail "no glass database at $gen"
[ -f "$DB/termlist.glass" ] || fail "the master has no termlist table: the check below would show nothing"
[ ! -e "$gen/termlist.glass" ] || fail "the publication has a termlist table"
expect_eq "$(doc_count "$PUB")" "$(doc_count)" "documents"
expect_eq "$(xapian-delve "$PUB" | sed -n 's/^highest document id ever used = //p')" \
          "$(xapian-delve "$DB" | sed -n 's/^highest document id ever used = //p')" "last docid"
bands() { xapian-delve -a "$1" | grep -ao ' XB' | wc -l; }
[ "$(bands "$DB")" -gt 1000 ] || fail "the master has no copy-band terms"
expect_eq "$(bands "$PUB")" 0 "copy-band terms in the publication"
xapian-check "$gen" >/dev/null || fail "xapian-check finds the publication damaged"

# Ids to ask related coverage about: reports of one event by several outlets
# (plane crash in Costa Rica), and Reuters stories.
run "$MORGUE_QUERY" --db "$DB" --format json --facets none '"costa rica" plane crash'
ids=($(jq_py '" ".join(h["id"] for h in d["hits"][:3])'))
run "$MORGUE_QUERY" --db "$DB" --format json --limit 2 'outlet:reuters oil'
ids+=($(jq_py '" ".join(h["id"] for h in d["hits"])'))
[ "${#ids[@]}" -ge 4 ] || fail "too few articles to ask related coverage about: ${ids[*]}"

# compare DB_A DB_B: every query of the table answers alike (text and JSON;
# only the timing differs).
compare() {
    local k=0 a b args
    local table=(
        'oil prices'
        '"oil prices"'
        'outlet:reuters trade'
        'lang:ar'
        'china OR russia NOT oil'
        '--facets outlet,date,language,section --facet-limit 50 said'
        '--facets date --histogram share cyber*'
        '--group events --count events plane crash'
        '--count copies oil'
        '--copies saudinewsnet-2015-07-21-00635'
        '--format json --copies saudinewsnet-2015-07-21-00697'
        '--no-collapse --sort newest --limit 100 kind:article'
        '--all --format csv kind:article'
        '--format json --limit 50 --facet-limit 100 government'
        '--format json cyberatack goverment'
        '--since 1987-03 --until 1987-03'
    )
    for id in "${ids[@]}"; do table+=("--related $id" "--format json --related $id --related-window-days 10 --related-per-outlet 1"); done
    for args in "${table[@]}"; do
        k=$((k + 1))
        # shellcheck disable=SC2086
        run "$MORGUE_QUERY" --db "$1" $args
        expect_rc 0 "$args on $1"
        a=$(printf '%s' "$OUT" | sed -e 's/ in [0-9.]* ms/ in T ms/' -e 's/"elapsed_ms": [0-9.e-]*/"elapsed_ms": T/')
        # shellcheck disable=SC2086
        run "$MORGUE_QUERY" --db "$2" $args
        expect_rc 0 "$args on $2"
        b=$(printf '%s' "$OUT" | sed -e 's/ in [0-9.]* ms/ in T ms/' -e 's/"elapsed_ms": [0-9.e-]*/"elapsed_ms": T/')
        [ "${#a}" -gt 40 ] || fail "'$args' says almost nothing: $a"
        [ "$a" = "$b" ] || fail "'$args' answers differently on $2 than on $1:
$(diff <(printf '%s\n' "$a") <(printf '%s\n' "$b") | head -20)"
    done
    echo "$k queries alike on $1 and $2"
}
compare "$DB" "$PUB"
run "$MORGUE_QUERY" --db "$PUB" --format json 'cyberatack goverment'
expect_eq "$(jq_py 'd["suggestion"]')" "cyberattack government" "spelling suggestion of the publication"
run "$MORGUE_QUERY" --db "$PUB" --format json --related "${ids[0]}"
expect_eq "$(jq_py 'len(d["terms"]) > 5 and len(d["related"]) > 0')" True "related coverage on the publication"

# The HTTP API: search and related coverage alike.
fetch_all() { # OUTFILE
    python3 - "$BASE" "$1" "${ids[@]}" <<'PY'
import json, re, sys, urllib.parse, urllib.request
base, out, ids = sys.argv[1], sys.argv[2], sys.argv[3:]
paths = ["/api/search?q=" + urllib.parse.quote(q) for q in ("oil prices", "outlet:reuters trade", "cyberatack goverment")]
paths += ["/api/search?q=crash&group=events", "/api/stats"]
paths += ["/api/article/" + urllib.parse.quote(i, safe="") + "/related" for i in ids]
with open(out, "w") as f:
    for p in paths:
        body = json.load(urllib.request.urlopen(base + p, timeout=30))
        for k in ("elapsed_ms", "size_bytes", "database", "last_update"):
            body.pop(k, None)
        f.write(p + " " + json.dumps(body, sort_keys=True) + "\n")
PY
}
start_server
fetch_all "$TMP/api.master"
stop_server
DB_MASTER=$DB
DB=$PUB
start_server
fetch_all "$TMP/api.pub"
stop_server
DB=$DB_MASTER
diff "$TMP/api.master" "$TMP/api.pub" >/dev/null || fail "the HTTP API answers differently on the publication:
$(diff "$TMP/api.master" "$TMP/api.pub" | head -10)"

# Writes are refused, with what to do, and change nothing.
before=$(cat "$PUB"; find "$gen" -type f | sort | xargs md5sum)
for how in "--update" "--update --prune" "--rebuild" ""; do
    # shellcheck disable=SC2086
    run "$MORGUE_INDEX" --db "$PUB" $how "${ct[@]}" "$CORPUS/reuters.jsonl"
    [ "$RC" -eq 1 ] || [ "$RC" -eq 2 ] || fail "writing the publication ($how) exits $RC"
    expect_contains "$ERR" "$PUB is a read-only publication of $DB" "refusal of $how"
    expect_contains "$ERR" "update $DB and publish again" "refusal of $how"
    expect_not_contains "$ERR" "Error:" "refusal of $how"
done
expect_eq "$(cat "$PUB"; find "$gen" -type f | sort | xargs md5sum)" "$before" "the publication after refused writes"

# Publish again after an update of the master: a new generation, switched in;
# the publication follows the master. A publication is not published from,
# and an archive is not replaced by a publication.
printf '%s\n' '{"id": "publish-test-1", "outlet": "Reuters", "date": "1987-03-02", "title": "Zanzibar clove harvest doubles", "text": "The clove harvest of Zanzibar doubled this season, growers said on Monday, after two dry years."}' > "$TMP/new.jsonl"
run "$MORGUE_INDEX" --db "$DB" --update "${ct[@]}" "$TMP/new.jsonl"
expect_rc 0 "update of the master"
run "$MORGUE_INDEX" --db "$DB" --publish "$PUB"
expect_rc 0 "publish again"
[ "$TMP/$(awk '{print $2}' "$PUB")" != "$gen" ] || fail "publishing again did not make a new generation"
[ ! -e "$gen.building" ] || fail "a half-built generation was left"
expect_eq "$(match_count zanzibar)" 1 "the new article in the master"
DB=$PUB expect_eq "$(DB=$PUB match_count zanzibar)" 1 "the new article in the publication"
run "$MORGUE_INDEX" --db "$PUB" --publish "$TMP/pub2"
expect_rc 2 "publishing a publication"
expect_contains "$ERR" "itself a read-only publication"
run "$MORGUE_INDEX" --db "$TMP/other" "${ct[@]}" "$CORPUS/reuters.jsonl"
run "$MORGUE_INDEX" --db "$DB" --publish "$TMP/other"
expect_rc 1 "publishing over an archive"
expect_contains "$ERR" "$TMP/other exists and is not a morgue publication"
expect_eq "$(doc_count "$TMP/other")" 300 "the archive publishing over it was refused"

# Bad paths fail with exit status 1 and name the path; usage errors exit 2.
run "$MORGUE_INDEX" --db "$TMP/missing" --publish "$TMP/pub3"
expect_rc 1 "missing master"
expect_contains "$ERR" "$TMP/missing"
touch "$TMP/afile"
run "$MORGUE_INDEX" --db "$DB" --publish "$TMP/afile/pub"
expect_rc 1 "publication under a file"
expect_contains "$ERR" "$TMP/afile"
run "$MORGUE_INDEX" --db "$DB" --publish "$TMP/pub4" "$CORPUS"
expect_rc 2 "--publish with SOURCES"
run "$MORGUE_INDEX" --db "$DB" --publish "$DB"
expect_rc 2 "--publish onto the master"

# A sharded master publishes as one database with the same docids. It
# answers as the same articles indexed into one database do; the shards
# behind their stub answer differently where Xapian 1.4 gathers statistics
# per shard (the weights of a wildcard's expansion), so they are not the
# reference here.
run "$MORGUE_INDEX" --db "$TMP/one" "${ct[@]}" "$CORPUS"
expect_rc 0 "one database"
run "$MORGUE_INDEX" --db "$TMP/four" --shards 4 "${ct[@]}" "$CORPUS"
expect_rc 0 "4 shards"
run "$MORGUE_INDEX" --db "$TMP/four" --publish "$TMP/four-pub"
expect_rc 0 "publish the shards"
[ -f "$TMP/$(awk '{print $2}' "$TMP/four-pub")/iamglass" ] || fail "the shards' publication is not one glass database"
expect_eq "$(doc_count "$TMP/four-pub")" "$(doc_count "$TMP/four")" "documents of the shards' publication"
compare "$TMP/one" "$TMP/four-pub"
