#!/usr/bin/env bash
# CPack builds a .deb of what cmake --install installs, under /usr, with its
# library dependencies read by dpkg-shlibdeps and maintainer scripts that make
# the morgue user and enable the timer. (scripts/test-deb installs it on a
# fresh Debian 12 chroot; too slow for every run.)
source "$(dirname "$0")/lib.sh"
need cpack
need dpkg-shlibdeps
: "${MORGUE_BUILD_DIR:?set MORGUE_BUILD_DIR to the build directory}"
release=$(sed -n 's/^project(morgue VERSION \([0-9.]*\).*/\1/p' "$MORGUE_SOURCE_DIR/CMakeLists.txt")

run cpack -G DEB --config "$MORGUE_BUILD_DIR/CPackConfig.cmake" -B "$TMP/pkg" -D CPACK_PACKAGING_INSTALL_PREFIX=/usr
expect_rc 0 "cpack"
deb=$(ls "$TMP"/pkg/morgue_*.deb)
expect_eq "$(dpkg-deb -f "$deb" Package)" morgue "package name"
expect_eq "$(dpkg-deb -f "$deb" Version)" "$release" "package version"
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libxapian30 libboost-program-options1.74.0 libzstd1 zlib1g libcpp-httplib0.11 libstdc++6 passwd; do
    expect_contains "$depends" "$lib" "Depends"
done

dpkg-deb -c "$deb" | awk '{print $6}' | sed 's#^\./#/#' > "$TMP/contents"
for f in /usr/bin/morgue-index /usr/bin/morgue-query /usr/bin/morgue-reindex \
         /usr/lib/systemd/system/morgue-reindex.service /usr/lib/systemd/system/morgue-reindex.timer \
         /usr/share/man/man1/morgue-index.1.gz /usr/share/man/man1/morgue-query.1.gz \
         /usr/share/bash-completion/completions/morgue-query /usr/share/doc/morgue/nightly-reindex.md; do
    grep -qx -- "$f" "$TMP/contents" || fail "the package lacks $f"
done
grep -q '^/usr/local' "$TMP/contents" && fail "the package installs under /usr/local"

dpkg-deb -e "$deb" "$TMP/control"
for s in postinst prerm postrm; do
    [ -x "$TMP/control/$s" ] || fail "no executable $s"
    sh -n "$TMP/control/$s" || fail "$s is not valid sh"
done
grep -q 'useradd --system' "$TMP/control/postinst" || fail "postinst does not create the system user"
grep -q 'enable morgue-reindex.timer' "$TMP/control/postinst" || fail "postinst does not enable the timer"
