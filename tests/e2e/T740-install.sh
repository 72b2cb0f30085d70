#!/usr/bin/env bash
# cmake --install puts binaries, the nightly job, the publication fetcher, man pages, completion,
# systemd units and docs in place, under /usr/local or any prefix, and what
# it installs works from there.
source "$(dirname "$0")/lib.sh"
: "${MORGUE_BUILD_DIR:?set MORGUE_BUILD_DIR to the build directory}"

expected_files() { # PREFIX (without the leading /)
    local p=$1
    printf '%s\n' \
        "$p/bin/morgue-index" "$p/bin/morgue-query" "$p/bin/morgue-reindex" "$p/bin/morgue-fetch-publication" \
        "$p/lib/systemd/system/morgue-reindex.service" "$p/lib/systemd/system/morgue-reindex.timer" \
        "$p/share/bash-completion/completions/morgue-index" "$p/share/bash-completion/completions/morgue-query" \
        "$p/share/man/man1/morgue-index.1.gz" "$p/share/man/man1/morgue-query.1.gz" \
        "$p/share/doc/morgue/README.md" "$p/share/doc/morgue/examples/morgue-reindex.cron"
    for f in "$MORGUE_SOURCE_DIR"/docs/*.md "$MORGUE_SOURCE_DIR"/docs/*.json; do
        echo "$p/share/doc/morgue/$(basename "$f")"
    done
}

for prefix in "" /usr; do
    root=$TMP/root${prefix//\//-}
    run env DESTDIR="$root" cmake --install "$MORGUE_BUILD_DIR" ${prefix:+--prefix "$prefix"}
    expect_rc 0 "cmake --install ${prefix:-(default prefix)}"
    p=${prefix:-/usr/local}
    (cd "$root" && find . -type f | sed 's#^\./##' | sort) > "$TMP/installed"
    expected_files "${p#/}" | sort > "$TMP/expected"
    diff -u "$TMP/expected" "$TMP/installed" || fail "installed files under $p differ from the expected list"
done

# What was installed runs: the binaries from their new place, the nightly job
# finding the morgue-index beside it, the completion.
bin=$root/usr/bin
run "$bin/morgue-index" --version
expect_rc 0 "installed morgue-index --version"
run env -u MORGUE_INDEX PATH=/usr/bin:/bin "$bin/morgue-reindex" -v --db "$DB" --log-dir "$TMP/logs" "$CORPUS/reuters.jsonl"
expect_rc 0 "installed morgue-reindex"
expect_contains "$OUT" "morgue-reindex: ok: "
run "$bin/morgue-query" --db "$DB" --stats --json
expect_rc 0 "installed morgue-query --stats"
expect_eq "$(jq_py 'd["documents"]')" "$(doc_count)" "documents indexed by the installed job"
run "$bin/morgue-index" --db "$DB" --publish "$TMP/published.db"
expect_rc 0 "installed morgue-index --publish"
run "$bin/morgue-fetch-publication" "$TMP/published.db" "$TMP/query-host"
expect_rc 0 "installed morgue-fetch-publication"
run "$bin/morgue-query" --db "$TMP/query-host/published.db" --stats --json
expect_rc 0 "morgue-query on the fetched publication"
expect_eq "$(jq_py 'd["documents"]')" "$(doc_count)" "documents in the fetched publication"
bash -c "source '$root/usr/share/bash-completion/completions/morgue-query' && complete -p morgue-query" >/dev/null \
    || fail "the installed completion does not register"
cmp "$root/usr/lib/systemd/system/morgue-reindex.service" "$MORGUE_SOURCE_DIR/scripts/systemd/morgue-reindex.service" \
    || fail "the installed unit differs from scripts/systemd"
