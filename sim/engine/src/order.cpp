#include "robson/sim/engine/order.hpp"

namespace robson::sim {

std::string_view toString(OrderStatus status) {
    switch (status) {
        case OrderStatus::New:
            return "NEW";
        case OrderStatus::PartiallyFilled:
            return "PARTIALLY_FILLED";
        case OrderStatus::Filled:
            return "FILLED";
        case OrderStatus::Canceled:
            return "CANCELED";
        case OrderStatus::Expired:
            return "EXPIRED";
    }
    return "NEW";
}

std::string_view toString(TimeInForce tif) {
    switch (tif) {
        case TimeInForce::Gtc:
            return "GTC";
        case TimeInForce::Ioc:
            return "IOC";
        case TimeInForce::Fok:
            return "FOK";
    }
    return "GTC";
}

std::optional<TimeInForce> parseTimeInForce(std::string_view text) {
    if (text == "GTC") {
        return TimeInForce::Gtc;
    }
    if (text == "IOC") {
        return TimeInForce::Ioc;
    }
    if (text == "FOK") {
        return TimeInForce::Fok;
    }
    return std::nullopt;
}

bool isOpen(OrderStatus status) {
    return status == OrderStatus::New || status == OrderStatus::PartiallyFilled;
}

}  // namespace robson::sim
