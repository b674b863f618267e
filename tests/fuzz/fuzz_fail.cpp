#include "fuzz_entries.hpp"

#include <cstdio>
#include <cstdlib>

namespace robson::fuzz {

void fail(const char* what) {
    std::fputs("fuzz invariant broken: ", stderr);
    std::fputs(what, stderr);
    std::fputc('\n', stderr);
    std::abort();
}

}  // namespace robson::fuzz
