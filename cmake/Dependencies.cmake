# Every dependency is a Debian 12 package; scripts/install-deps installs them.
find_package(xapian 1.4 REQUIRED)
find_package(zstd CONFIG REQUIRED)
find_package(ZLIB REQUIRED)
find_package(Boost 1.74 REQUIRED COMPONENTS program_options)
find_package(nlohmann_json 3 REQUIRED)
find_package(Threads REQUIRED)
find_package(ICU REQUIRED COMPONENTS uc)

# CLD2 (language detection) ships neither a CMake nor a pkg-config file.
find_path(CLD2_INCLUDE_DIR cld2/public/compact_lang_det.h REQUIRED)
find_library(CLD2_LIBRARY cld2 REQUIRED)
add_library(morgue_cld2 INTERFACE)
add_library(morgue::cld2 ALIAS morgue_cld2)
target_include_directories(morgue_cld2 SYSTEM INTERFACE ${CLD2_INCLUDE_DIR})
target_link_libraries(morgue_cld2 INTERFACE ${CLD2_LIBRARY})

# Xapian's CMake file sets only variables; wrap them in a target once.
add_library(morgue_xapian INTERFACE)
add_library(morgue::xapian ALIAS morgue_xapian)
target_include_directories(morgue_xapian SYSTEM INTERFACE ${XAPIAN_INCLUDE_DIR})
target_link_libraries(morgue_xapian INTERFACE ${XAPIAN_LIBRARIES})

# cpp-httplib for morgue-query serve: Debian ships it compiled (a shared
# library); its pkg-config file carries the macros (OpenSSL, zlib, Brotli
# support) that must match how the library was built.
find_package(PkgConfig REQUIRED)
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)

# RE2 for the patterns run on scraped text: linear time, bounded stack.
pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)

# jemalloc, morgue-index's allocator (indexer/CMakeLists.txt says why).
pkg_check_modules(JEMALLOC REQUIRED IMPORTED_TARGET jemalloc)
