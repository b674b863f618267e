// The libFuzzer entry of one target; ROBSON_FUZZ_ENTRY names its function (tests/fuzz/
// CMakeLists.txt builds this file once per target).
#include "fuzz_entries.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    ROBSON_FUZZ_ENTRY(std::span<const std::uint8_t>(data, size));
    return 0;
}
