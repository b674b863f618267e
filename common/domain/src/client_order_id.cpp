#include "robson/domain/client_order_id.hpp"

#include <algorithm>
#include <stdexcept>

namespace robson::domain {
namespace {

constexpr std::string_view kPrefix = "rb-";
constexpr std::size_t kLongestSuffix = 3;  // "s99"
/// The longest intent id used verbatim: 36 − "rb-" − "-" − the longest suffix = 29.
constexpr std::size_t kMaxVerbatimLength =
    kMaxClientOrderIdLength - kPrefix.size() - 1 - kLongestSuffix;
constexpr std::size_t kHashDigits = 16;

bool isAllowedChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == ':' || c == '/' || c == '_' || c == '-';
}

bool isLowerHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}

bool usableVerbatim(std::string_view intent_id) {
    if (intent_id.empty() || intent_id.size() > kMaxVerbatimLength ||
        !std::all_of(intent_id.begin(), intent_id.end(), isAllowedChar)) {
        return false;
    }
    // Reserve the 16-hex shape for hashes, so the two forms cannot meet.
    return !(intent_id.size() == kHashDigits &&
             std::all_of(intent_id.begin(), intent_id.end(), isLowerHex));
}

std::string hex16(std::uint64_t value) {
    constexpr std::string_view kDigits = "0123456789abcdef";
    std::string text(kHashDigits, '0');
    for (std::size_t i = kHashDigits; i-- > 0;) {
        text[i] = kDigits[value & 0xFU];
        value >>= 4U;
    }
    return text;
}

}  // namespace

std::string roleSuffix(OrderRole role) {
    switch (role.kind) {
        case OrderRole::Kind::Entry:
            return "e";
        case OrderRole::Kind::Stop:
            return "s";
        case OrderRole::Kind::StopRetry:
            if (role.attempt < 1 || role.attempt > 99) {
                throw std::invalid_argument("stop retry attempt must be within 1..99, got " +
                                            std::to_string(role.attempt));
            }
            // Built by append: GCC 12 at -O3 misreports `"s" + std::string` (-Wrestrict, PR105329).
            {
                std::string suffix = "s";
                suffix += std::to_string(role.attempt);
                return suffix;
            }
        case OrderRole::Kind::ExitMarket:
            return "x";
    }
    throw std::invalid_argument("unknown order role");
}

std::uint64_t fnv1a64(std::string_view text) {
    std::uint64_t hash = 14695981039346656037ULL;
    for (const char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ULL;
    }
    return hash;
}

std::string clientOrderId(std::string_view intent_id, OrderRole role) {
    const std::string stem =
        usableVerbatim(intent_id) ? std::string(intent_id) : hex16(fnv1a64(intent_id));
    return std::string(kPrefix) + stem + "-" + roleSuffix(role);
}

bool isValidClientOrderId(std::string_view id) {
    return !id.empty() && id.size() <= kMaxClientOrderIdLength &&
           std::all_of(id.begin(), id.end(), isAllowedChar);
}

}  // namespace robson::domain
