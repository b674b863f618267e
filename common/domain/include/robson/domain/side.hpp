#pragma once

#include <optional>
#include <string_view>

namespace robson::domain {

/// The direction of the entry order. A BUY is protected by a SELL stop below the entry; a
/// SELL (spot: selling a held asset) by a BUY stop above it.
enum class Side { Buy, Sell };

[[nodiscard]] constexpr Side opposite(Side side) {
    return side == Side::Buy ? Side::Sell : Side::Buy;
}
[[nodiscard]] constexpr std::string_view toString(Side side) {
    return side == Side::Buy ? "BUY" : "SELL";
}
/// "BUY" / "SELL" (exact, upper case, as Binance and our JSON spell them).
[[nodiscard]] constexpr std::optional<Side> parseSide(std::string_view text) {
    if (text == "BUY") {
        return Side::Buy;
    }
    if (text == "SELL") {
        return Side::Sell;
    }
    return std::nullopt;
}

}  // namespace robson::domain
