# robson::options and robson::warnings: INTERFACE targets every Robson target links PRIVATE,
# so flags live in one place instead of CMAKE_CXX_FLAGS.
set(CMAKE_CXX_STANDARD 20)
set(CMAKE_CXX_STANDARD_REQUIRED ON)
set(CMAKE_CXX_EXTENSIONS OFF)

add_library(robson_options INTERFACE)
add_library(robson::options ALIAS robson_options)
target_compile_features(robson_options INTERFACE cxx_std_20)

add_library(robson_warnings INTERFACE)
add_library(robson::warnings ALIAS robson_warnings)
target_compile_options(robson_warnings INTERFACE
  -Wall -Wextra            # the baseline
  -Wpedantic               # no compiler extensions in portable code
  -Wshadow                 # a local hiding a member is a classic money bug
  -Wconversion             # narrowing int64 <-> int silently loses money
  -Wsign-conversion        # ditto for signed/unsigned
  -Wold-style-cast         # casts must be searchable
  -Wnon-virtual-dtor       # ports are deleted through base pointers
  -Woverloaded-virtual
  -Wnull-dereference
  -Wdouble-promotion       # float->double promotions hide precision assumptions
  -Wformat=2
  -Wimplicit-fallthrough)

# ROBSON_SANITIZE: a ;-list such as "address;undefined" or "thread".
set(ROBSON_SANITIZE "" CACHE STRING "Sanitizers to build with (address;undefined or thread)")
if(ROBSON_SANITIZE)
  if("thread" IN_LIST ROBSON_SANITIZE AND "address" IN_LIST ROBSON_SANITIZE)
    message(FATAL_ERROR "ThreadSanitizer cannot be combined with AddressSanitizer")
  endif()
  list(JOIN ROBSON_SANITIZE "," _robson_sanitizers)
  target_compile_options(robson_options INTERFACE
    -fsanitize=${_robson_sanitizers} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  target_link_options(robson_options INTERFACE -fsanitize=${_robson_sanitizers})
endif()
