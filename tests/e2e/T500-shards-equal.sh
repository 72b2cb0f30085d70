#!/usr/bin/env bash
# A database split into 4 shards answers every query of a table exactly as
# the single database does (hits, ranks, scores, snippets, copies folded into
# stories, exact counts, every facet), whether the shards are opened locally
# from a stub, through `remote :xapian-progsrv` lines, or from 3 xapian-tcpsrv
# processes on 127.0.0.1 (the fourth shard through xapian-progsrv: one
# xapian-tcpsrv serving two shards numbers their documents as one database,
# which reorders documents of equal score, see docs/scaling.md); morgue-query serve
# over the remote shards answers as the CLI does over the single database.
# Spelling suggestions come from a local database (--spelling) when every
# shard is remote, and from the shards' own spelling tables when local.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/serve_lib.sh"
source "$(dirname "$0")/shards_lib.sh"

make_shards 4
S=$TMP/shards
printf 'auto shard0\nauto shard1\nauto shard2\nauto shard3\n' > "$S/local.stub"
for i in 0 1 2 3; do echo "remote :xapian-progsrv $S/shard$i"; done > "$S/progsrv.stub"
start_tcpsrv "$S/shard0"; P0=$PORT
start_tcpsrv "$S/shard1"; P1=$PORT
start_tcpsrv "$S/shard2"; P2=$PORT
printf 'remote 127.0.0.1:%s\nremote 127.0.0.1:%s\nremote 127.0.0.1:%s\nremote :xapian-progsrv %s\n' \
    "$P0" "$P1" "$P2" "$S/shard3" > "$S/tcpsrv.stub"
# One line mixed: a local shard beside remote ones.
{ echo "auto shard0"; for i in 1 2 3; do echo "remote :xapian-progsrv $S/shard$i"; done; } > "$S/mixed.stub"

# Each line: morgue-query arguments (shell words). No wildcard: Xapian
# weighs a wildcard's expansion (OP_SYNONYM) by an estimated frequency that
# is summed per shard, so its scores differ over shards (docs/scaling.md).
QUERIES=$(cat <<'Q'
'oil prices'
'"Czech Republic blames China for cyberattacks"' kind:article
'"Czech Republic blames China for cyberattacks"' kind:article --no-collapse
'APT31 kind:article' --no-collapse --limit 100
said --facets all --facet-limit 1000
said --facets outlet --count copies --facet-limit 1000
said --limit 20 --offset 30
'outlet:reuters "oil prices" date:1987-03-01..1987-04-30'
'china OR russia' --sort newest --limit 15
trade --sort oldest --interval month
said --facets date --histogram share --interval month
'oil OR cyberattacks' --facets date --histogram share --interval year
cyberattacks --facets all
'lang:ar النفط'
'title:bank NOT dollar'
'market NEAR stocks'
zzqxnothing
Q
)

n=0
while IFS= read -r line; do
    eval "args=($line)"
    json_query "${args[@]}"
    single=$OUT
    for stub in local progsrv tcpsrv mixed; do
        run "$MORGUE_QUERY" --db "$S/$stub.stub" --format json "${args[@]}"
        expect_rc 0 "$stub shards: $line"
        same_json "$single" "$OUT" "$stub shards: $line"
    done
    n=$((n + 1))
done <<< "$QUERIES"
[ "$n" -ge 15 ] || fail "only $n queries ran"

# The table's queries do exercise what is compared.
json_query said --facets all --no-collapse --limit 1
[ "$(jq_py 'd["matches"] > 100 and d["stories"] < d["matches"] and len(d["facets"]["outlet"]["values"]) > 3')" = True ] \
    || fail "'said' should match many articles, some of them copies, from several outlets"

# A story's copies listed the same way.
json_query '"Czech Republic blames China for cyberattacks"' kind:article --facets none
id=$(jq_py '[h["id"] for h in d["hits"] if h["copies"] > 0][0]')
run "$MORGUE_QUERY" --db "$DB" --copies "$id"; expect_rc 0; copies=$OUT
[ "$(echo "$copies" | wc -l)" -ge 2 ] || fail "expected several copies of $id: $copies"
run "$MORGUE_QUERY" --db "$S/tcpsrv.stub" --copies "$id"; expect_rc 0
expect_eq "$OUT" "$copies" "copies of $id over tcpsrv shards"

# Spelling: remote shards keep their spelling tables to themselves.
json_query presidnet
expect_eq "$(jq_py 'd["suggestion"]')" president "suggestion from the single database"
run "$MORGUE_QUERY" --db "$S/local.stub" --format json presidnet; expect_rc 0
expect_eq "$(jq_py 'd["suggestion"]')" president "suggestion from local shards"
run "$MORGUE_QUERY" --db "$S/tcpsrv.stub" --spelling "$S/shard0" --format json presidnet; expect_rc 0
expect_eq "$(jq_py 'd["suggestion"]')" president "suggestion over tcpsrv shards with --spelling"

# morgue-query serve over the tcpsrv shards: the API's JSON is the CLI's.
DB="$S/tcpsrv.stub" start_server --spelling "$S/shard0"
for q in 'oil prices' said presidnet; do
    json_query "$q"
    single=$OUT
    served=$(python3 - "$BASE" "$q" <<'PY'
import sys, urllib.parse, urllib.request
print(urllib.request.urlopen(sys.argv[1] + "/api/search?" + urllib.parse.urlencode({"q": sys.argv[2]}), timeout=30).read().decode())
PY
)
    same_json "$single" "$served" "serve over tcpsrv shards: $q"
done
echo "ok: $n queries equal over local, progsrv, tcpsrv and mixed shards"
