#include "robson/domain/symbol_rules.hpp"

#include <array>
#include <utility>

namespace robson::domain {
namespace {

constexpr std::array<std::pair<OrderType, std::string_view>, 7> kOrderTypeNames{{
    {OrderType::Limit, "LIMIT"},
    {OrderType::Market, "MARKET"},
    {OrderType::StopLoss, "STOP_LOSS"},
    {OrderType::StopLossLimit, "STOP_LOSS_LIMIT"},
    {OrderType::TakeProfit, "TAKE_PROFIT"},
    {OrderType::TakeProfitLimit, "TAKE_PROFIT_LIMIT"},
    {OrderType::LimitMaker, "LIMIT_MAKER"},
}};

constexpr std::array<std::pair<SymbolStatus, std::string_view>, 7> kStatusNames{{
    {SymbolStatus::Trading, "TRADING"},
    {SymbolStatus::Break, "BREAK"},
    {SymbolStatus::Halt, "HALT"},
    {SymbolStatus::EndOfDay, "END_OF_DAY"},
    {SymbolStatus::PreTrading, "PRE_TRADING"},
    {SymbolStatus::PostTrading, "POST_TRADING"},
    {SymbolStatus::AuctionMatch, "AUCTION_MATCH"},
}};

template <typename Enum, std::size_t N>
std::string_view nameOf(const std::array<std::pair<Enum, std::string_view>, N>& table, Enum value) {
    for (const auto& [candidate, name] : table) {
        if (candidate == value) {
            return name;
        }
    }
    return "UNKNOWN";
}

template <typename Enum, std::size_t N>
std::optional<Enum> valueOf(const std::array<std::pair<Enum, std::string_view>, N>& table,
                            std::string_view text) {
    for (const auto& [candidate, name] : table) {
        if (name == text) {
            return candidate;
        }
    }
    return std::nullopt;
}

std::optional<FilterBreach> checkRange(const char* filter,
                                       const char* what,
                                       Decimal value,
                                       Decimal minimum,
                                       Decimal maximum,
                                       Decimal step) {
    if (!minimum.isZero() && value < minimum) {
        return FilterBreach{filter,
                            std::string(what) + " " + value.toString() + " is below the minimum " +
                                minimum.toString()};
    }
    if (!maximum.isZero() && value > maximum) {
        return FilterBreach{filter,
                            std::string(what) + " " + value.toString() + " is above the maximum " +
                                maximum.toString()};
    }
    if (step.isPositive() && !value.isMultipleOf(step)) {
        return FilterBreach{filter,
                            std::string(what) + " " + value.toString() + " is not a multiple of " +
                                step.toString()};
    }
    return std::nullopt;
}

}  // namespace

std::string_view toString(OrderType type) {
    return nameOf(kOrderTypeNames, type);
}
std::optional<OrderType> parseOrderType(std::string_view text) {
    return valueOf(kOrderTypeNames, text);
}
bool isAlgoOrderType(OrderType type) {
    return type == OrderType::StopLoss || type == OrderType::StopLossLimit ||
           type == OrderType::TakeProfit || type == OrderType::TakeProfitLimit;
}
std::string_view toString(SymbolStatus status) {
    return nameOf(kStatusNames, status);
}
std::optional<SymbolStatus> parseSymbolStatus(std::string_view text) {
    return valueOf(kStatusNames, text);
}

Decimal SymbolRules::roundPrice(Decimal price, Rounding rounding) const {
    return tick_size.isPositive() ? price.roundToStep(tick_size, rounding) : price;
}

Decimal SymbolRules::floorQuantity(Decimal quantity, bool market_order) const {
    const Decimal step = market_order && market_step_size && market_step_size->isPositive()
                             ? *market_step_size
                             : step_size;
    return step.isPositive() ? quantity.floorToStep(step) : quantity;
}

std::optional<FilterBreach> SymbolRules::checkPrice(Decimal price) const {
    if (!price.isPositive()) {
        return FilterBreach{"PRICE_FILTER", "price " + price.toString() + " must be positive"};
    }
    return checkRange("PRICE_FILTER", "price", price, min_price, max_price, tick_size);
}

std::optional<FilterBreach> SymbolRules::checkQuantity(Decimal quantity, bool market_order) const {
    if (!quantity.isPositive()) {
        return FilterBreach{"LOT_SIZE", "quantity " + quantity.toString() + " must be positive"};
    }
    if (auto breach = checkRange("LOT_SIZE", "quantity", quantity, min_qty, max_qty, step_size)) {
        return breach;
    }
    if (market_order) {
        return checkRange("MARKET_LOT_SIZE",
                          "quantity",
                          quantity,
                          market_min_qty.value_or(Decimal{}),
                          market_max_qty.value_or(Decimal{}),
                          market_step_size.value_or(Decimal{}));
    }
    return std::nullopt;
}

std::optional<FilterBreach> SymbolRules::checkNotional(Decimal price, Decimal quantity) const {
    const Decimal notional = mul(price, quantity, Rounding::Floor);
    return checkRange("NOTIONAL", "notional", notional, min_notional, max_notional, Decimal{});
}

SymbolRules defaultSpotRules(std::string_view symbol) {
    using decimal_literals::operator""_d;
    SymbolRules rules;
    rules.symbol = std::string(symbol);
    const std::string_view quote = "USDT";
    const bool has_quote = symbol.size() > quote.size() && symbol.ends_with(quote);
    rules.base_asset =
        std::string(has_quote ? symbol.substr(0, symbol.size() - quote.size()) : symbol);
    rules.quote_asset = std::string(quote);
    rules.status = SymbolStatus::Trading;
    rules.order_types = {OrderType::Limit,
                         OrderType::LimitMaker,
                         OrderType::Market,
                         OrderType::StopLossLimit,
                         OrderType::TakeProfitLimit};
    rules.tick_size = "0.01"_d;
    rules.min_price = "0.01"_d;
    rules.max_price = "1000000"_d;
    rules.step_size =
        symbol == "BTCUSDT" ? "0.00001"_d : (symbol == "ETHUSDT" ? "0.0001"_d : "0.001"_d);
    rules.min_qty = rules.step_size;
    rules.max_qty = "9000"_d;
    rules.min_notional = "5"_d;
    rules.max_notional = "9000000"_d;
    rules.max_num_orders = 200;
    rules.max_num_algo_orders = 5;
    return rules;
}

}  // namespace robson::domain
