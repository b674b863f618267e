#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace robson::domain {

/// Which of an intent's orders a client order id names.
struct OrderRole {
    enum class Kind { Entry, Stop, StopRetry, ExitMarket };

    Kind kind = Kind::Entry;
    int attempt = 0;  ///< StopRetry only: 1 = the first retry after the stop was refused

    [[nodiscard]] static constexpr OrderRole entry() { return {Kind::Entry, 0}; }
    [[nodiscard]] static constexpr OrderRole stop() { return {Kind::Stop, 0}; }
    /// The n-th re-placement of the protective stop (1..99): a distinct id per attempt, so a
    /// lookup after a timeout can tell which attempt reached the exchange.
    [[nodiscard]] static constexpr OrderRole stopRetry(int attempt) {
        return {Kind::StopRetry, attempt};
    }
    /// The emergency MARKET close when no stop could be placed.
    [[nodiscard]] static constexpr OrderRole exitMarket() { return {Kind::ExitMarket, 0}; }

    friend bool operator==(const OrderRole&, const OrderRole&) = default;
};

/// The role's suffix: "e", "s", "s1".."s99", "x". Throws std::invalid_argument for a
/// StopRetry attempt outside 1..99 (a programmer error).
[[nodiscard]] std::string roleSuffix(OrderRole role);

/// Binance's limit on newClientOrderId (^[.A-Z:/a-z0-9_-]{1,36}$).
inline constexpr std::size_t kMaxClientOrderIdLength = 36;

/// The deterministic newClientOrderId of an intent's order, so a retried execution finds or
/// re-sends the same order instead of placing a second one.
///
/// "rb-<intent>-<suffix>" when the intent id is made only of Binance's characters and is at
/// most 29 long (so every role fits in 36); otherwise "rb-<16 hex of FNV-1a-64(intent)>-<suffix>".
/// An intent id that is itself 16 lowercase hex digits is hashed too, so the verbatim and the
/// hashed forms can never produce the same text.
///
/// Collisions: verbatim ids are injective. Hashed ids collide only if two intents share a
/// 64-bit FNV-1a; among a million intents that chance is about n²/2⁶⁵ ≈ 3e-8, and Binance
/// only requires uniqueness among *open* orders. FNV-1a is not cryptographic: intent ids
/// must come from us (UUIDs), not from a party who could craft collisions.
[[nodiscard]] std::string clientOrderId(std::string_view intent_id, OrderRole role);

/// 64-bit FNV-1a of the bytes of `text` (offset basis 14695981039346656037, prime 1099511628211).
[[nodiscard]] std::uint64_t fnv1a64(std::string_view text);

/// True when `id` is a valid newClientOrderId: 1..36 characters from [.A-Za-z0-9:/_-].
[[nodiscard]] bool isValidClientOrderId(std::string_view id);

}  // namespace robson::domain
