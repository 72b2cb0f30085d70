# bash completion for morgue-index and morgue-query.
#
# The option names are read from the binary's own --help, so that an option
# added to a binary is completed without touching this file; only the fixed
# value sets below are spelled here (the facet names come from --help too). Installed (see CMakeLists.txt) as
# share/bash-completion/completions/morgue-index and .../morgue-query, where
# bash-completion loads it on first use; `source` it by hand otherwise.

# _morgue_help_options BINARY [serve]: one line per option of its --help,
# "--name" or "--name ARG" (boost prints "-n [ --limit ] N" and
# "--format arg (=text)"; the short forms and defaults are dropped).
_morgue_help_options()
{
    "$@" --help 2>/dev/null | sed -n -E \
        -e 's/^  (-[[:alnum:]] \[ )?(--[[:alnum:]-]+)( \])?( ([^ ]+))?( \(=[^)]*\))?( +.*)?$/\2 \5/p'
}

# _morgue_facets BINARY: the facet names (aliases too) --facets' help lists:
# "comma-separated facets to count (outlet, ..., language (lang), ...), or all, or none".
_morgue_facets()
{
    "$1" --help 2>/dev/null | tr -s ' \n' '  ' |
        sed -n -E 's/.*facets to count \((.*)\), or all, or none.*/\1/p' | tr '(),' '   '
}

_morgue()
{
    local bin=$1 cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
    local kind=${bin##*/} sub=()
    COMPREPLY=()
    [ "$kind" = morgue-query ] && [ "${COMP_WORDS[1]:-}" = serve ] && [ "$COMP_CWORD" -gt 1 ] && sub=(serve)

    case $prev in
        --db|--publish)
            # A database is a directory, or a stub file after --rebuild or --publish.
            compopt -o filenames 2>/dev/null
            mapfile -t COMPREPLY < <(compgen -f -- "$cur")
            return ;;
        -f|--format) mapfile -t COMPREPLY < <(compgen -W "text json jsonl csv" -- "$cur"); return ;;
        --sort) mapfile -t COMPREPLY < <(compgen -W "relevance newest oldest" -- "$cur"); return ;;
        --interval) mapfile -t COMPREPLY < <(compgen -W "auto day month year" -- "$cur"); return ;;
        --count) mapfile -t COMPREPLY < <(compgen -W "stories copies events" -- "$cur"); return ;;
        --group) mapfile -t COMPREPLY < <(compgen -W "stories events" -- "$cur"); return ;;
        --facets)
            # A comma-separated list: complete the item after the last comma.
            local done_part="" item=$cur
            [[ $cur == *,* ]] && done_part=${cur%,*}, && item=${cur##*,}
            mapfile -t COMPREPLY < <(compgen -P "$done_part" -W "$(_morgue_facets "$bin") all none" -- "$item")
            return ;;
    esac

    local opts name arg
    opts=$(_morgue_help_options "$bin" "${sub[@]}")
    # After an option that takes a value (a number, a date...), offer nothing.
    while read -r name arg; do
        [ "$prev" = "$name" ] && [ -n "$arg" ] && return
    done <<<"$opts"

    if [[ $cur == -* ]]; then
        mapfile -t COMPREPLY < <(compgen -W "$(cut -d' ' -f1 <<<"$opts")" -- "$cur")
    elif [ "$kind" = morgue-index ]; then
        compopt -o filenames 2>/dev/null
        mapfile -t COMPREPLY < <(compgen -f -- "$cur")
    elif [ "$kind" = morgue-query ] && [ "$COMP_CWORD" -eq 1 ]; then
        mapfile -t COMPREPLY < <(compgen -W "serve" -- "$cur")
    fi
}

complete -F _morgue morgue-index morgue-query
