# What `cmake --install` (and so the .deb) puts where, besides the two
# binaries (installed by their folders): man pages made from the binaries'
# own --help, bash completion, the nightly job with its systemd units, and
# the documentation. Included after the binaries' targets exist.
include(GNUInstallDirs)

# Man pages, written at build time by help2man (cmake/ManPage.cmake).
find_program(HELP2MAN help2man REQUIRED)
set(MORGUE_MAN_DIR ${PROJECT_BINARY_DIR}/man)
file(MAKE_DIRECTORY ${MORGUE_MAN_DIR})
function(morgue_man_page target)
  cmake_parse_arguments(arg "" "SUBCOMMAND" "" ${ARGN})
  set(page ${MORGUE_MAN_DIR}/${target}.1)
  set(include ${PROJECT_SOURCE_DIR}/docs/man/${target}.h2m)
  add_custom_command(
    OUTPUT ${page} ${page}.gz
    COMMAND ${CMAKE_COMMAND} -DHELP2MAN=${HELP2MAN} -DBIN=$<TARGET_FILE:${target}> -DINCLUDE=${include}
            -DSUBCOMMAND=${arg_SUBCOMMAND} -DOUT=${page} -P ${PROJECT_SOURCE_DIR}/cmake/ManPage.cmake
    DEPENDS ${target} ${include} ${PROJECT_SOURCE_DIR}/cmake/ManPage.cmake
    COMMENT "Writing the man page of ${target}"
    VERBATIM)
  add_custom_target(${target}-man ALL DEPENDS ${page}.gz)
  install(FILES ${page}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endfunction()
morgue_man_page(morgue-index)
morgue_man_page(morgue-query SUBCOMMAND serve)

# bash-completion loads completions/<command> on first use: one file serves both.
foreach(cmd morgue-index morgue-query)
  install(FILES completion/morgue.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
          RENAME ${cmd})
endforeach()

# The nightly job under the name its unit runs (ExecStart finds it in bin/
# under /usr or /usr/local alike), and the units. systemd reads units from
# /usr/lib/systemd/system and, for what an administrator installs, from
# /usr/local/lib/systemd/system, so PREFIX/lib/systemd/system suits both.
install(PROGRAMS scripts/nightly-reindex DESTINATION ${CMAKE_INSTALL_BINDIR} RENAME morgue-reindex)
# What a query host runs to fetch each publication (docs/scaling.md).
install(PROGRAMS scripts/fetch-publication DESTINATION ${CMAKE_INSTALL_BINDIR} RENAME morgue-fetch-publication)
install(FILES scripts/systemd/morgue-reindex.service scripts/systemd/morgue-reindex.timer
        DESTINATION lib/systemd/system)

install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
file(GLOB MORGUE_DOCS CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/docs/*.md ${PROJECT_SOURCE_DIR}/docs/*.json)
install(FILES ${MORGUE_DOCS} DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES scripts/morgue-reindex.cron DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)
