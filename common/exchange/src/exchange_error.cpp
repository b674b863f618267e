#include "robson/exchange/exchange_error.hpp"

#include "robson/exchange/place_result.hpp"

#include <utility>
#include <variant>

namespace robson::exchange {

std::string_view toString(ExchangeErrorKind kind) {
    switch (kind) {
        case ExchangeErrorKind::FilterFailure:
            return "FilterFailure";
        case ExchangeErrorKind::InsufficientBalance:
            return "InsufficientBalance";
        case ExchangeErrorKind::DuplicateOrder:
            return "DuplicateOrder";
        case ExchangeErrorKind::UnknownOrder:
            return "UnknownOrder";
        case ExchangeErrorKind::UnknownStatus:
            return "UnknownStatus";
        case ExchangeErrorKind::RateLimited:
            return "RateLimited";
        case ExchangeErrorKind::Auth:
            return "Auth";
        case ExchangeErrorKind::ClockSkew:
            return "ClockSkew";
        case ExchangeErrorKind::BadRequest:
            return "BadRequest";
        case ExchangeErrorKind::Network:
            return "Network";
        case ExchangeErrorKind::BadResponse:
            return "BadResponse";
        case ExchangeErrorKind::Rejected:
            return "Rejected";
    }
    return "Rejected";
}

std::string ExchangeError::describe() const {
    std::string text(toString(kind));
    if (code != 0 || http_status != 0) {
        text += " (";
        if (code != 0) {
            text += std::to_string(code);
            text += http_status != 0 ? ", " : "";
        }
        if (http_status != 0) {
            text += "HTTP " + std::to_string(http_status);
        }
        text += ")";
    }
    text += ": " + message;
    if (retry_after) {
        text += " (retry after " + std::to_string(retry_after->count()) + " ms)";
    }
    return text;
}

bool isOpenOrderLimit(const ExchangeError& error) {
    return error.kind == ExchangeErrorKind::FilterFailure &&
           error.message.ends_with("MAX_NUM_ORDERS");
}

bool isAlgoOrderLimit(const ExchangeError& error) {
    return error.kind == ExchangeErrorKind::FilterFailure &&
           error.message.ends_with("MAX_NUM_ALGO_ORDERS");
}

ExchangeException::ExchangeException(ExchangeError error)
    : std::runtime_error(error.describe()), error_(std::move(error)) {}

const ExchangeError& PlaceResult::error() const {
    if (const auto* rejected = std::get_if<Rejected>(&outcome)) {
        return rejected->error;
    }
    return std::get<Unknown>(outcome).error;
}

}  // namespace robson::exchange
