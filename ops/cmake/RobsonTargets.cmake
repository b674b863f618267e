# One helper per target kind (see docs/decisions/0002-build-layout.md).
#   robson_add_library(<name> SOURCES ... [PUBLIC_DEPS ...] [PRIVATE_DEPS ...])
#     -> target robson_<name>, alias robson::<name>, include/ public, src/ private.
#   robson_add_executable(<name> SOURCES ... [DEPS ...])
#   robson_add_test(<name> SOURCES ... [DEPS ...] [LABELS ...])
#   robson_add_postgres_test(<name> SOURCES ... [DEPS ...] [LABELS ...])
#     -> a test run beside a throw-away PostgreSQL (tests/support/with_postgres.sh)
include_guard(GLOBAL)

function(robson_add_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC_DEPS;PRIVATE_DEPS" ${ARGN})
  add_library(robson_${name} STATIC ${ARG_SOURCES})
  add_library(robson::${name} ALIAS robson_${name})
  target_include_directories(robson_${name}
    PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/include
    PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/src)
  target_link_libraries(robson_${name}
    PUBLIC ${ARG_PUBLIC_DEPS} robson::options
    PRIVATE ${ARG_PRIVATE_DEPS} robson::warnings)
endfunction()

function(robson_add_executable name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} robson::options robson::warnings)
endfunction()

# The Boost.Test executable both test kinds build (shared body of the two functions below).
function(_robson_test_executable name sources deps)
  add_executable(${name} ${PROJECT_SOURCE_DIR}/ops/cmake/boost_test_main.cpp ${sources})
  target_link_libraries(${name} PRIVATE ${deps} Boost::unit_test_framework
    robson::options robson::warnings)
  target_compile_definitions(${name} PRIVATE BOOST_TEST_DYN_LINK
    ROBSON_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
endfunction()

function(robson_add_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;LABELS" ${ARGN})
  if(NOT ROBSON_BUILD_TESTS)
    return()
  endif()
  _robson_test_executable(${name} "${ARG_SOURCES}" "${ARG_DEPS}")
  add_test(NAME ${name} COMMAND ${name} --log_level=warning --report_level=short)
  set_tests_properties(${name} PROPERTIES LABELS "${ARG_LABELS}" TIMEOUT 300)
endfunction()

function(robson_add_postgres_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;LABELS" ${ARGN})
  if(NOT ROBSON_BUILD_TESTS)
    return()
  endif()
  _robson_test_executable(${name} "${ARG_SOURCES}" "${ARG_DEPS}")
  add_test(NAME ${name}
    COMMAND ${PROJECT_SOURCE_DIR}/tests/support/with_postgres.sh $<TARGET_FILE:${name}>
            --log_level=warning --report_level=short)
  set_tests_properties(${name} PROPERTIES LABELS "${ARG_LABELS}" TIMEOUT 600)
endfunction()
