#pragma once

#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace robson::exchange {

/// What went wrong, as a caller must react to it.
enum class ExchangeErrorKind {
    FilterFailure,        ///< -1013: a price/quantity/notional filter; fix the order
    InsufficientBalance,  ///< -2010 "Account has insufficient balance…"
    DuplicateOrder,       ///< -2010 "Duplicate order sent.": an OPEN order has that client id
    UnknownOrder,         ///< -2013 / -2011: no such order (or no longer cancellable)
    UnknownStatus,        ///< sent, outcome unknown (timeout, 5xx, -1006/-1007, dropped link)
    RateLimited,          ///< 429/418 or local pacing would wait too long; see retry_after
    Auth,                 ///< -2014/-2015/-1022: keys or permissions; needs configuration
    ClockSkew,            ///< -1021: timestamp outside recvWindow (not accepted)
    BadRequest,           ///< -1100/-1102/-1111/-1121/…: the request itself is malformed
    Network,              ///< could not connect or send; the exchange never saw the request
    BadResponse,          ///< a 2xx answer that is not the JSON we expect
    Rejected,             ///< any other definite refusal (other -2010 texts, …)
};

[[nodiscard]] std::string_view toString(ExchangeErrorKind kind);

/// A typed exchange failure: kind, Binance code (0 when none) and the exchange's message.
/// Never holds keys, signatures or signed query strings — only codes and server messages.
/// A plain value, safe to copy between threads.
struct ExchangeError {
    ExchangeErrorKind kind = ExchangeErrorKind::Rejected;
    int code = 0;         ///< Binance's negative code, 0 for transport failures
    int http_status = 0;  ///< 0 when no response arrived
    std::string message;
    std::optional<std::chrono::milliseconds> retry_after;  ///< RateLimited only

    /// "FilterFailure (-1013, HTTP 400): Filter failure: LOT_SIZE"
    [[nodiscard]] std::string describe() const;
};

/// The symbol's open-order limit refused the order (-1013 "Filter failure: MAX_NUM_ORDERS"):
/// any new order on the symbol, a stop or a market exit too, is refused until one of the
/// account's open orders there closes. (MAX_NUM_ALGO_ORDERS, the stop-order limit, is not this.)
[[nodiscard]] bool isOpenOrderLimit(const ExchangeError& error);

/// The symbol's algo-order limit refused the order (-1013 "Filter failure:
/// MAX_NUM_ALGO_ORDERS"): a new stop-loss or take-profit order is refused until one of the
/// account's open ones there closes, while a MARKET order (an exit) is still accepted.
[[nodiscard]] bool isAlgoOrderLimit(const ExchangeError& error);

/// Thrown by ExchangeGateway calls other than placeOrder. what() is ExchangeError::describe().
class ExchangeException : public std::runtime_error {
public:
    explicit ExchangeException(ExchangeError error);
    [[nodiscard]] const ExchangeError& error() const { return error_; }
    [[nodiscard]] ExchangeErrorKind kind() const { return error_.kind; }

private:
    ExchangeError error_;
};

}  // namespace robson::exchange
