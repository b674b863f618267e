#pragma once

#include "robson/domain/decimal.hpp"

#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace robson::domain {

/// Binance spot order types (the subset Robson may send or must recognise).
enum class OrderType {
    Limit,
    Market,
    StopLoss,
    StopLossLimit,
    TakeProfit,
    TakeProfitLimit,
    LimitMaker
};

[[nodiscard]] std::string_view toString(OrderType type);
[[nodiscard]] std::optional<OrderType> parseOrderType(std::string_view text);
/// STOP_LOSS, STOP_LOSS_LIMIT, TAKE_PROFIT and TAKE_PROFIT_LIMIT: Binance's "algo" orders, the
/// ones MAX_NUM_ALGO_ORDERS counts (a protective stop is one; a MARKET exit is not).
[[nodiscard]] bool isAlgoOrderType(OrderType type);

/// A symbol's trading status as exchangeInfo reports it.
enum class SymbolStatus { Trading, Break, Halt, EndOfDay, PreTrading, PostTrading, AuctionMatch };

[[nodiscard]] std::string_view toString(SymbolStatus status);
[[nodiscard]] std::optional<SymbolStatus> parseSymbolStatus(std::string_view text);

/// Which exchange filter a value breaks, named as Binance names it.
struct FilterBreach {
    std::string filter;  ///< "PRICE_FILTER", "LOT_SIZE", "MARKET_LOT_SIZE", "NOTIONAL"
    std::string detail;  ///< human sentence: what was asked and what the rule allows
};

/// A symbol's exchange rules (exchangeInfo filters). The only place prices and quantities are
/// put on the exchange's grid. A zero in a min/max field means "no limit", as on Binance.
struct SymbolRules {
    std::string symbol;
    std::string base_asset;
    std::string quote_asset;
    SymbolStatus status = SymbolStatus::Trading;
    std::set<OrderType> order_types;

    Decimal tick_size;  ///< PRICE_FILTER
    Decimal min_price;
    Decimal max_price;
    Decimal step_size;  ///< LOT_SIZE
    Decimal min_qty;
    Decimal max_qty;
    std::optional<Decimal> market_step_size;  ///< MARKET_LOT_SIZE, when it differs
    std::optional<Decimal> market_min_qty;
    std::optional<Decimal> market_max_qty;
    Decimal min_notional;  ///< NOTIONAL (or legacy MIN_NOTIONAL)
    Decimal max_notional;
    /// MAX_NUM_ORDERS: how many orders the account may have open on the symbol; at the limit
    /// the exchange refuses every new order, a protective stop and a market exit included.
    /// nullopt when exchangeInfo has no such filter (no limit).
    std::optional<int> max_num_orders;
    /// MAX_NUM_ALGO_ORDERS: how many algo orders (isAlgoOrderType) the account may have open on
    /// the symbol, counted among max_num_orders too; at the limit the exchange refuses a new
    /// protective stop, while a MARKET exit still goes through. nullopt when exchangeInfo has
    /// no such filter (no limit).
    std::optional<int> max_num_algo_orders;

    /// Puts a price on the tick grid, rounding as told (a stop rounds away from the entry).
    [[nodiscard]] Decimal roundPrice(Decimal price, Rounding rounding) const;
    /// Floors a quantity to the step (sizing never rounds up: that would raise the risk).
    [[nodiscard]] Decimal floorQuantity(Decimal quantity, bool market_order) const;

    /// PRICE_FILTER for a limit or stop price.
    [[nodiscard]] std::optional<FilterBreach> checkPrice(Decimal price) const;
    /// LOT_SIZE (or MARKET_LOT_SIZE for market orders).
    [[nodiscard]] std::optional<FilterBreach> checkQuantity(Decimal quantity,
                                                            bool market_order) const;
    /// NOTIONAL / MIN_NOTIONAL: price × quantity within [min, max].
    [[nodiscard]] std::optional<FilterBreach> checkNotional(Decimal price, Decimal quantity) const;

    [[nodiscard]] bool allows(OrderType type) const { return order_types.contains(type); }
};

/// Binance's published BTCUSDT rules (tick 0.01, step 0.00001, min notional 5, at most 200
/// open orders of which 5 algo orders), and the same shape for ETHUSDT and SOLUSDT; used by
/// tests, the demo and the simulator's defaults.
[[nodiscard]] SymbolRules defaultSpotRules(std::string_view symbol);

}  // namespace robson::domain
