#include "robson/exchange/order_state.hpp"

#include <array>
#include <utility>

namespace robson::exchange {

namespace {
constexpr std::array<std::pair<OrderStatus, std::string_view>, 9> kStatusNames{{
    {OrderStatus::New, "NEW"},
    {OrderStatus::PendingNew, "PENDING_NEW"},
    {OrderStatus::PartiallyFilled, "PARTIALLY_FILLED"},
    {OrderStatus::Filled, "FILLED"},
    {OrderStatus::Canceled, "CANCELED"},
    {OrderStatus::PendingCancel, "PENDING_CANCEL"},
    {OrderStatus::Rejected, "REJECTED"},
    {OrderStatus::Expired, "EXPIRED"},
    {OrderStatus::ExpiredInMatch, "EXPIRED_IN_MATCH"},
}};
}  // namespace

std::string_view toString(OrderStatus status) {
    for (const auto& [value, name] : kStatusNames) {
        if (value == status) {
            return name;
        }
    }
    return "UNKNOWN";
}

std::optional<OrderStatus> parseOrderStatus(std::string_view text) {
    for (const auto& [value, name] : kStatusNames) {
        if (name == text) {
            return value;
        }
    }
    return std::nullopt;
}

bool isTerminal(OrderStatus status) {
    switch (status) {
        case OrderStatus::Filled:
        case OrderStatus::Canceled:
        case OrderStatus::Rejected:
        case OrderStatus::Expired:
        case OrderStatus::ExpiredInMatch:
            return true;
        case OrderStatus::New:
        case OrderStatus::PendingNew:
        case OrderStatus::PartiallyFilled:
        case OrderStatus::PendingCancel:
            return false;
    }
    return false;
}

std::optional<domain::Decimal> OrderState::averagePrice() const {
    if (!executed_quantity.isPositive()) {
        return std::nullopt;
    }
    return domain::div(cumulative_quote_quantity, executed_quantity, domain::Rounding::HalfEven);
}

domain::Decimal OrderState::commissionIn(std::string_view asset) const {
    domain::Decimal total;
    for (const auto& fill : fills) {
        if (fill.commission_asset == asset) {
            total += fill.commission;
        }
    }
    return total;
}

}  // namespace robson::exchange
