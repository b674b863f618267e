#pragma once

#include "robson/domain/decimal.hpp"

#include <string>
#include <string_view>
#include <utility>

namespace robson::domain {

/// A rate as a compact percentage for people: 0.01 → "1%", 0.0099 → "0.99%", 0.015 → "1.5%".
/// `places` (0..6) decimals of the percentage, rounded as told, trailing zeros dropped.
[[nodiscard]] std::string formatPercent(Decimal rate,
                                        int places = 2,
                                        Rounding rounding = Rounding::HalfEven);

/// Two rates that a message compares ("Risk 2.004% > 2% limit"): two decimals, or more until
/// the texts differ whenever the values differ, so a message never reads "2% > 2%".
[[nodiscard]] std::pair<std::string, std::string> formatPercentPair(Decimal a, Decimal b);

/// Two amounts that a message compares ("need 49.39, free 20.00"): `places` fixed decimals,
/// or both exact when those would print equal values that differ.
[[nodiscard]] std::pair<std::string, std::string> formatAmountPair(Decimal a,
                                                                   Decimal b,
                                                                   int places);

/// "49.39 USDT", or just "49.39" when the asset is unknown.
[[nodiscard]] std::string withAsset(std::string amount, std::string_view asset);

}  // namespace robson::domain
