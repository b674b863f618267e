#include "robson/domain/guards/market_hours.hpp"

#include "robson/domain/utc_time.hpp"

#include <cstdint>
#include <string>

namespace robson::domain {
namespace {

/// The first maintenance window covering now, if any.
const MaintenanceWindow* activeWindow(const MarketSnapshot& market) {
    for (const MaintenanceWindow& window : market.maintenance_windows) {
        if (window.contains(market.now_ms)) {
            return &window;
        }
    }
    return nullptr;
}

/// "STOP_LOSS_LIMIT" or "MARKET, STOP_LOSS_LIMIT": needed types the symbol does not allow.
std::string missingOrderTypes(const MarketSnapshot& market) {
    std::string missing;
    for (const OrderType type : market.needed_order_types) {
        if (!market.allowed_order_types.contains(type)) {
            missing += missing.empty() ? "" : ", ";
            missing += toString(type);
        }
    }
    return missing;
}

}  // namespace

GuardResult checkMarketHours(const ValidationContext& context, const GuardLimits& limits) {
    requireValidLimits(limits);
    const MarketSnapshot& market = context.market;
    const std::string& symbol = context.trade.symbol;
    if (!market.symbol_status) {
        return GuardResult::unknownData(context.mode,
                                        kMarketHoursGuard,
                                        "Market status unknown for " + symbol,
                                        guard_code::kMarketStatusUnknown);
    }
    if (*market.symbol_status != SymbolStatus::Trading) {
        return GuardResult::fail(
            kMarketHoursGuard,
            "Market closed: " + symbol + " status " + std::string(toString(*market.symbol_status)),
            guard_code::kMarketClosed);
    }
    if (const MaintenanceWindow* window = activeWindow(market)) {
        return GuardResult::fail(kMarketHoursGuard,
                                 "Exchange maintenance until " + formatUtc(window->end_ms),
                                 guard_code::kMaintenanceWindow);
    }
    if (const std::string missing = missingOrderTypes(market); !missing.empty()) {
        return GuardResult::fail(kMarketHoursGuard,
                                 symbol + " does not allow " + missing + " orders",
                                 guard_code::kOrderTypeNotAllowed);
    }
    if (!market.last_data_ms) {
        return GuardResult::warning(
            kMarketHoursGuard, "Market data time unknown", guard_code::kStaleMarketData);
    }
    // Data stamped after "now" (clock skew) counts as fresh rather than as negative age. The
    // difference is taken in unsigned arithmetic, where it always fits and cannot overflow.
    const std::uint64_t age_ms = market.now_ms > *market.last_data_ms
                                     ? static_cast<std::uint64_t>(market.now_ms) -
                                           static_cast<std::uint64_t>(*market.last_data_ms)
                                     : 0;
    if (age_ms >= static_cast<std::uint64_t>(limits.max_data_age_ms)) {
        return GuardResult::warning(kMarketHoursGuard,
                                    "Market data is " + std::to_string(age_ms / 1000) + "s old",
                                    guard_code::kStaleMarketData);
    }
    return GuardResult::pass(kMarketHoursGuard, "Market is open");
}

}  // namespace robson::domain
