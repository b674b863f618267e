#include "robson/binance/error_mapping.hpp"

#include "robson/binance/binance_json.hpp"

#include <string>

namespace robson::binance {

using exchange::ExchangeErrorKind;

namespace {

bool contains(std::string_view text, std::string_view part) {
    return text.find(part) != std::string_view::npos;
}

ExchangeErrorKind kindForOrderRejection(std::string_view message) {
    if (contains(message, "Duplicate order")) {
        return ExchangeErrorKind::DuplicateOrder;
    }
    if (contains(message, "insufficient balance")) {
        return ExchangeErrorKind::InsufficientBalance;
    }
    return ExchangeErrorKind::Rejected;
}

}  // namespace

ExchangeErrorKind kindForCode(int code, std::string_view message) {
    switch (code) {
        case -1000:
        case -1001:
        case -1006:
        case -1007:
        case -1008:
            return ExchangeErrorKind::UnknownStatus;
        case -1003:
        case -1015:
            return ExchangeErrorKind::RateLimited;
        case -1013:
            return ExchangeErrorKind::FilterFailure;
        case -1021:
            return ExchangeErrorKind::ClockSkew;
        case -1022:
        case -2014:
        case -2015:
            return ExchangeErrorKind::Auth;
        case -2010:
            return kindForOrderRejection(message);
        case -2011:
            return contains(message, "Unknown order") ? ExchangeErrorKind::UnknownOrder
                                                      : ExchangeErrorKind::Rejected;
        case -2013:
            return ExchangeErrorKind::UnknownOrder;
        default:
            break;
    }
    if (code <= -1100 && code > -1200) {
        return ExchangeErrorKind::BadRequest;
    }
    return ExchangeErrorKind::Rejected;
}

exchange::ExchangeError mapHttpError(int http_status,
                                     std::string_view body,
                                     std::optional<std::chrono::milliseconds> retry_after) {
    exchange::ExchangeError error;
    error.http_status = http_status;
    if (const auto api = parseApiError(body)) {
        error.code = api->code;
        error.message = api->message;
        error.kind = kindForCode(api->code, api->message);
    } else {
        error.message = "HTTP " + std::to_string(http_status) + " without a Binance error body";
        error.kind = http_status == 401 ? ExchangeErrorKind::Auth : ExchangeErrorKind::Rejected;
    }
    if (http_status == 429 || http_status == 418) {
        error.kind = ExchangeErrorKind::RateLimited;
    } else if (http_status >= 500) {
        error.kind = ExchangeErrorKind::UnknownStatus;
    }
    if (error.kind == ExchangeErrorKind::RateLimited) {
        error.retry_after = retry_after;
    }
    return error;
}

}  // namespace robson::binance
