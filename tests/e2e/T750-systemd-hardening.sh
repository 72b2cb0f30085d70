#!/usr/bin/env bash
# The nightly unit is sandboxed (systemd-analyze security exposure under 5,
# read offline from the file) and its sandbox does not break the job: every
# system call the job makes, traced through an update and a rebuild, is one
# the unit's SystemCallFilter allows.
source "$(dirname "$0")/lib.sh"
need systemd-analyze
unit=$MORGUE_SOURCE_DIR/scripts/systemd/morgue-reindex.service
timer=$MORGUE_SOURCE_DIR/scripts/systemd/morgue-reindex.timer

run systemd-analyze security --offline=true "$unit"
expect_rc 0 "systemd-analyze security"
exposure=$(sed -n 's/.*Overall exposure level for morgue-reindex.service: \([0-9.]*\).*/\1/p' <<<"$OUT")
[ -n "$exposure" ] || fail "no exposure figure in: $OUT"
echo "exposure: $exposure"
awk -v e="$exposure" 'BEGIN { exit !(e < 5) }' || fail "exposure $exposure is not under 5"
for setting in User=morgue ProtectSystem=strict ProtectHome=yes PrivateTmp=yes NoNewPrivileges=yes \
               CapabilityBoundingSet= StateDirectory=morgue; do
    grep -qx "$setting" "$unit" || fail "the unit lacks $setting"
done
grep -q '^OnCalendar=' "$timer" || fail "the timer has no OnCalendar"

need strace
# The unit's filter: the union of its allow-lists minus its ~deny-lists,
# groups resolved by systemd-analyze itself.
resolve() { # @GROUP or SYSCALL
    case $1 in
        @*) systemd-analyze syscall-filter "$1" | sed 's/^ *//' | grep -vE '^(#|$)' | tail -n +2 |
                while read -r s; do resolve "$s"; done ;;
        *) echo "$1" ;;
    esac
}
: > "$TMP/allowed"; : > "$TMP/denied"
while IFS= read -r line; do
    list=${line#SystemCallFilter=}
    out=$TMP/allowed
    [[ $list == ~* ]] && { out=$TMP/denied; list=${list#\~}; }
    for g in $list; do resolve "$g" >> "$out"; done
done < <(grep '^SystemCallFilter=' "$unit")
sort -u -o "$TMP/allowed" "$TMP/allowed"; sort -u -o "$TMP/denied" "$TMP/denied"
[ -s "$TMP/allowed" ] && [ -s "$TMP/denied" ] || fail "could not read the unit's SystemCallFilter"
comm -23 "$TMP/allowed" "$TMP/denied" > "$TMP/permitted"

export MORGUE_INDEX
# LeakSanitizer cannot run under ptrace: in the sanitizer build, trace without it.
export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0
job=$MORGUE_SOURCE_DIR/scripts/nightly-reindex
strace -f -qq -o "$TMP/trace1" "$job" --db "$DB" --log-dir "$TMP/logs" "$CORPUS" || fail "the traced update failed"
strace -f -qq -o "$TMP/trace2" "$job" --rebuild --db "$DB" --log-dir "$TMP/logs" "$CORPUS" || fail "the traced rebuild failed"
sed -E 's/^[0-9]+ +//' "$TMP/trace1" "$TMP/trace2" | grep -oE '^[a-z0-9_]+\(' | tr -d '(' | sort -u > "$TMP/used"
[ "$(wc -l < "$TMP/used")" -gt 20 ] || fail "the trace holds too few system calls"
refused=$(comm -23 "$TMP/used" "$TMP/permitted")
[ -z "$refused" ] || fail "the job makes system calls the unit's filter refuses: $refused"
