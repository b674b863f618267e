#pragma once

#include "robson/exchange/exchange_error.hpp"

#include <chrono>
#include <optional>
#include <string_view>

namespace robson::binance {

/// The typed kind of a Binance error code and message (binance-spot.md §5): -1013 filter,
/// -2010 split by message (duplicate / insufficient balance / other), -2011 and -2013 unknown
/// order, -1000/-1001/-1006/-1007/-1008 unknown status, -1003/-1015 rate limited,
/// -2014/-2015/-1022 auth, -1021 clock skew, -11xx bad request, anything else Rejected.
[[nodiscard]] exchange::ExchangeErrorKind kindForCode(int code, std::string_view message);

/// Maps a non-2xx HTTP answer to a typed error. 429/418 are RateLimited and 5xx are
/// UnknownStatus whatever the body says; otherwise the body's {"code","msg"} decides. A body
/// that is not Binance's error JSON is never copied into the message (it could echo the
/// request); the message then names only the HTTP status. Pure; thread-safe.
[[nodiscard]] exchange::ExchangeError mapHttpError(
    int http_status, std::string_view body, std::optional<std::chrono::milliseconds> retry_after);

}  // namespace robson::binance
