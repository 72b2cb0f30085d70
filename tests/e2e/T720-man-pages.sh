#!/usr/bin/env bash
# The man pages written at build time render without warnings and mention
# every option of the binaries' --help (morgue-query's page: serve's too).
source "$(dirname "$0")/lib.sh"
need man
: "${MORGUE_BUILD_DIR:?set MORGUE_BUILD_DIR to the build directory}"
release=$(sed -n 's/^project(morgue VERSION \([0-9.]*\).*/\1/p' "$MORGUE_SOURCE_DIR/CMakeLists.txt")

options_of() { "$@" --help | grep -oE '^  (-[a-zA-Z] \[ )?--[a-z-]+' | grep -oE -- '--[a-z-]+'; }

check_page() { # NAME HELP-COMMAND...
    local name=$1 page=$MORGUE_BUILD_DIR/man/$1.1.gz
    shift
    [ -f "$page" ] || fail "no man page $page"
    # --warnings: groff reports what it cannot render; col -b drops overstrikes.
    MANWIDTH=100 man --warnings -l "$page" 2>"$TMP/warnings" | col -b > "$TMP/page"
    [ -s "$TMP/warnings" ] && fail "$name.1 renders with warnings: $(cat "$TMP/warnings")"
    grep -q "^NAME" "$TMP/page" && grep -q "^OPTIONS" "$TMP/page" || fail "$name.1 lacks NAME or OPTIONS"
    grep -qE "^ +$name - " "$TMP/page" || fail "$name.1 has no NAME line"
    grep -q "morgue $release" "$TMP/page" || fail "$name.1 does not carry release $release"
    local n=0 opt
    while [ $# -gt 0 ]; do
        local cmd=("$1")
        [ "${2:-}" = serve ] && { cmd+=(serve); shift; }
        shift
        for opt in $(options_of "${cmd[@]}"); do
            grep -qF -- "$opt" "$TMP/page" || fail "$name.1 does not mention $opt of ${cmd[*]} --help"
            n=$((n + 1))
        done
    done
    [ "$n" -gt 5 ] || fail "found only $n options in --help of $name"
}

check_page morgue-index "$MORGUE_INDEX"
check_page morgue-query "$MORGUE_QUERY" "$MORGUE_QUERY" serve
grep -q "^SERVE" "$TMP/page" || fail "morgue-query.1 has no SERVE section"
grep -q "NO_COLOR" "$TMP/page" || fail "morgue-query.1 does not document NO_COLOR"
