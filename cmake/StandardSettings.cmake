# Project-wide compile settings as INTERFACE targets, in the manner of ccache:
# every morgue target links morgue::settings and morgue::warnings.

if(NOT CMAKE_BUILD_TYPE AND NOT CMAKE_CONFIGURATION_TYPES)
  set(CMAKE_BUILD_TYPE RelWithDebInfo CACHE STRING "Build type" FORCE)
endif()

option(MORGUE_WARNINGS_AS_ERRORS "Treat compiler warnings as errors (on in CI)" OFF)
option(MORGUE_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)

add_library(morgue_settings INTERFACE)
add_library(morgue::settings ALIAS morgue_settings)
target_compile_features(morgue_settings INTERFACE cxx_std_17)
set(CMAKE_CXX_EXTENSIONS OFF)

add_library(morgue_warnings INTERFACE)
add_library(morgue::warnings ALIAS morgue_warnings)
target_compile_options(morgue_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow
  -Wnon-virtual-dtor -Wcast-align -Wunused -Woverloaded-virtual)
if(MORGUE_WARNINGS_AS_ERRORS)
  target_compile_options(morgue_warnings INTERFACE -Werror)
endif()

if(MORGUE_SANITIZE)
  target_compile_options(morgue_settings INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(morgue_settings INTERFACE -fsanitize=address,undefined)
endif()

# libFuzzer harnesses (tests/fuzz): clang only. Every library is then built
# for coverage-guided fuzzing under ASan + UBSan; scripts/fuzz uses it.
option(MORGUE_FUZZ "Build the libFuzzer harnesses in tests/fuzz (clang; ASan + UBSan)" OFF)
if(MORGUE_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "MORGUE_FUZZ needs clang (CXX=clang++-14): libFuzzer is part of clang")
  endif()
  target_compile_options(morgue_settings INTERFACE
    -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(morgue_settings INTERFACE -fsanitize=address,undefined)
endif()
