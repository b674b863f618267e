#pragma once
// The mission plan's worked example as a ValidationContext in which every guard passes;
// each guard test changes one thing and checks the verdict.

#include "robson/domain/guards/validation_context.hpp"

#include <cstdint>

namespace robson::domain::testing {

/// 2026-01-01T10:00:05Z, the plan's validated_at (20454 days × 86400 s + 10 h 5 s).
inline constexpr std::int64_t kNowMs = 1'767'261'605'000;

/// BUY 0.000517 BTCUSDT at 95432.10, stop 93500.00, capital 100, planned risk 1.00, taker fee
/// 0.1%, LIVE, 1000 USDT free, no losses, no open positions, TRADING, data 5 s old.
inline ValidationContext planExampleContext() {
    using namespace robson::domain::decimal_literals;
    ValidationContext context;
    context.mode = ExecutionMode::Live;
    context.trade.symbol = "BTCUSDT";
    context.trade.base_asset = "BTC";
    context.trade.quote_asset = "USDT";
    context.trade.side = Side::Buy;
    context.trade.quantity = "0.000517"_d;
    context.trade.entry_price = "95432.10"_d;
    context.trade.stop_price = "93500.00"_d;
    context.trade.capital = "100"_d;
    context.trade.planned_risk = "1.00"_d;
    context.trade.taker_fee_rate = "0.001"_d;
    context.account.free_quote = "1000"_d;
    context.account.free_base = "0"_d;
    context.losses.today = "0"_d;
    context.losses.month = "0"_d;
    context.open_position_symbols = std::vector<std::string>{};
    context.market.symbol_status = SymbolStatus::Trading;
    context.market.allowed_order_types = {
        OrderType::Limit, OrderType::Market, OrderType::StopLossLimit, OrderType::LimitMaker};
    context.market.needed_order_types = {OrderType::Market, OrderType::StopLossLimit};
    context.market.last_data_ms = kNowMs - 5'000;
    context.market.now_ms = kNowMs;
    return context;
}

}  // namespace robson::domain::testing
