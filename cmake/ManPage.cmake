# Writes a binary's man page from its --help and --version with help2man, so
# that the page never disagrees with the options. Script mode:
#   cmake -DHELP2MAN=... -DBIN=... -DINCLUDE=x.h2m [-DSUBCOMMAND=serve] -DOUT=x.1 -P ManPage.cmake
# A SUBCOMMAND's own --help becomes a section of the page. OUT.gz is written
# too (gzip -9n: no name or time stamp, so a rebuild gives the same bytes).

get_filename_component(name "${BIN}" NAME)
file(READ "${INCLUDE}" include_text)
if(SUBCOMMAND)
  execute_process(COMMAND "${BIN}" ${SUBCOMMAND} --help OUTPUT_VARIABLE sub_help RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${name} ${SUBCOMMAND} --help failed")
  endif()
  # roff: backslashes are escapes, and a line starting with . or ' a request.
  string(REPLACE "\\" "\\e" sub_help "${sub_help}")
  string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" sub_help "${sub_help}")
  string(TOUPPER "${SUBCOMMAND}" title)
  string(APPEND include_text "\n[${title}]\n.nf\n${sub_help}.fi\n")
endif()
set(include_file "${OUT}.h2m")
file(WRITE "${include_file}" "${include_text}")

execute_process(
  COMMAND "${HELP2MAN}" --no-info --no-discard-stderr --include "${include_file}" --output "${OUT}" "${BIN}"
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "help2man failed for ${name}")
endif()
execute_process(COMMAND gzip -9nf -k "${OUT}" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "gzip failed for ${OUT}")
endif()
