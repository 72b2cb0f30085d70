#!/usr/bin/env bash
# completion/morgue.bash, sourced in bash: options from each binary's --help,
# the value sets of --format and friends, and paths for --db and SOURCES.
source "$(dirname "$0")/lib.sh"
source "$MORGUE_SOURCE_DIR/completion/morgue.bash"
complete -p morgue-index morgue-query >/dev/null || fail "no completion registered"

# complete_words BINARY WORD...: what Tab offers for the last WORD, one per line.
complete_words() {
    COMP_WORDS=("$@")
    COMP_CWORD=$(( $# - 1 ))
    _morgue "$1" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
    printf '%s\n' "${COMPREPLY[@]}" | sort
}

expect_eq "$(complete_words "$MORGUE_QUERY" --form)" "--format" "--form"
expect_eq "$(complete_words "$MORGUE_QUERY" --format j)" $'json\njsonl' "--format j"
expect_eq "$(complete_words "$MORGUE_QUERY" -f c)" "csv" "-f c"
expect_eq "$(complete_words "$MORGUE_QUERY" --sort "")" $'newest\noldest\nrelevance' "--sort"
expect_eq "$(complete_words "$MORGUE_QUERY" --count "")" $'copies\nevents\nstories' "--count"
expect_eq "$(complete_words "$MORGUE_QUERY" --group e)" "events" "--group e"
expect_eq "$(complete_words "$MORGUE_QUERY" --facets outlet,se)" "outlet,section" "--facets outlet,se"
expect_eq "$(complete_words "$MORGUE_QUERY" --limit "")" "" "after --limit (a number)"
expect_eq "$(complete_words "$MORGUE_QUERY" se)" "serve" "first word se"
expect_eq "$(complete_words "$MORGUE_QUERY" serve --b)" "--bind" "serve --b"
expect_eq "$(complete_words "$MORGUE_INDEX" --up)" "--update" "morgue-index --up"
expect_eq "$(complete_words "$MORGUE_INDEX" --ve)" "--version" "morgue-index --ve"

# Every option in --help is offered after "--".
for bin in "$MORGUE_INDEX" "$MORGUE_QUERY"; do
    offered=$(complete_words "$bin" --)
    for opt in $("$bin" --help | grep -oE '^  (-[a-z] \[ )?--[a-z-]+' | grep -oE -- '--[a-z-]+'); do
        grep -qx -- "$opt" <<<"$offered" || fail "$(basename "$bin") -- does not offer $opt"
    done
done

# --db, --publish and SOURCES complete paths: a database directory, a stub file, a corpus file.
mkdir -p "$TMP/dbs/news.db"
touch "$TMP/dbs/stub.db"
expect_eq "$(complete_words "$MORGUE_QUERY" --db "$TMP/dbs/")" "$TMP/dbs/news.db"$'\n'"$TMP/dbs/stub.db" "--db path"
expect_eq "$(complete_words "$MORGUE_INDEX" --db x --publish "$TMP/dbs/st")" "$TMP/dbs/stub.db" "--publish path"
expect_eq "$(complete_words "$MORGUE_INDEX" --db x "$CORPUS/saudi")" "$CORPUS/saudinewsnet.jsonl.zst" "a SOURCE"
