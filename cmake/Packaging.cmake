# A Debian package of everything `cmake --install` installs, built by CPack:
#   scripts/build-deb            (configures build-deb/ with prefix /usr, runs cpack)
# Its dependencies are read from the binaries by dpkg-shlibdeps, so they are
# the Debian 12 library packages the build linked against. The maintainer
# scripts in packaging/deb/ create the unprivileged user the nightly job runs
# as and enable its timer.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME morgue)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "morgue maintainers <morgue@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "full-text search engine for news archives")
set(CPACK_PACKAGE_DESCRIPTION
  "morgue indexes news articles (JSON Lines, news-please output, scraped text pages) into a Xapian database and answers ranked searches with snippets, facets and folded syndicated copies, from the command line or a small web front end. A systemd timer re-indexes /var/lib/morgue/incoming every night as the unprivileged user morgue.")
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# useradd (postinst) comes from passwd; both are required in every Debian
# install, but saying so costs nothing.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "passwd")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "systemd | cron, xapian-tools, rsync")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
  ${PROJECT_SOURCE_DIR}/packaging/deb/postinst
  ${PROJECT_SOURCE_DIR}/packaging/deb/prerm
  ${PROJECT_SOURCE_DIR}/packaging/deb/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
set(CPACK_STRIP_FILES TRUE)
include(CPack)
