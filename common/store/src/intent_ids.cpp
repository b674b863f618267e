#include "robson/store/intent_ids.hpp"

#include <openssl/rand.h>

#include <array>
#include <stdexcept>

namespace robson::store {

std::string newIntentId() {
    std::array<unsigned char, 8> bytes{};
    if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) {
        throw std::runtime_error("the system random generator failed");
    }
    static constexpr std::string_view kDigits = "0123456789abcdef";
    std::string id = "intent-";
    for (const unsigned char byte : bytes) {
        id.push_back(kDigits[byte >> 4U]);
        id.push_back(kDigits[byte & 0x0FU]);
    }
    return id;
}

}  // namespace robson::store
