#!/usr/bin/env bash
# Indexing the whole sample corpus: every input format goes in, each is
# searchable, and the database opens with Xapian's own tools.
source "$(dirname "$0")/lib.sh"

index "$CORPUS"
expect_rc 0 "indexing the sample corpus"
# 720 JSON records + 5 pages, and the 12 related-story teasers cut from 4 of the pages.
expect_contains "$ERR" "morgue-index: 737 added, 0 replaced, 0 unchanged, 0 deleted, 0 failed" "summary"
expect_eq "$(doc_count)" 737 "documents in the database"
expect_eq "$(match_count kind:teaser)" 12 "teasers"

# One real story from each input, found by words of its own text:
# (AllSides carries some Reuters and BBC stories too, so count from the data.)
expect_eq "$(corpus_count outlet Reuters)" 301 "Reuters records in the sample"
expect_eq "$(match_count 'outlet:reuters')" 301 "Reuters (plain JSON Lines)"
expect_eq "$(match_count 'outlet:"BBC News"')" "$(corpus_count outlet 'BBC News')" "BBC (gzip JSON Lines)"
expect_eq "$(match_count 'section:tech')" 20 "BBC tech section"
expect_eq "$(match_count 'lang:ar')" 100 "SaudiNewsNet (zstd JSON Lines)"
expect_eq "$(match_count 'APT31')" 5 "seed pages (plain text) mention APT31"
run "$MORGUE_QUERY" --db "$DB" 'cyberattacks Czech'
expect_contains "$OUT" "Czech Republic blames China for cyberattacks" "seed page title"

# news-please files (one JSON object per file) keep their url as id.
n=$(ls "$CORPUS"/news-please/*.json | wc -l)
expect_eq "$n" 20 "news-please files in the sample"
url=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["url"])' "$(ls "$CORPUS"/news-please/*.json | head -1)")
expect_eq "$(match_count "id:\"$url\"")" 1 "news-please article found by its url id"

# Xapian's own tools can read it.
xapian-check "$DB" >/dev/null || fail "xapian-check rejects the database"
