#pragma once

#include "robson/binance/binance_config.hpp"
#include "robson/binance/weight_pacer.hpp"
#include "robson/exchange/exchange_gateway.hpp"
#include "robson/exchange/place_or_reconcile.hpp"

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace robson::binance {

namespace detail {
class HttpTransport;
struct HttpReply;
}  // namespace detail

/// The Binance Spot REST implementation of the exchange port (also the simulator's client).
///
/// - Signs USER_DATA/TRADE calls with HMAC-SHA256 over the exact query it sends, with
///   `timestamp` = local clock + the server-time offset (synced from GET /api/v3/time at the
///   first signed call, every `time_resync_interval`, and after a -1021, when the call is
///   re-signed and sent once more: a -1021 was never accepted, for orders too).
/// - One keep-alive connection per object: NOT thread-safe; use one gateway per thread.
/// - Paces by X-MBX-USED-WEIGHT-1M and honours Retry-After on 429/418: waits up to
///   `max_rate_limit_wait`, beyond that throws RateLimited carrying the wait.
/// - Never retries a POST at the HTTP layer: an unknown outcome is returned as Unknown (use
///   placeOrReconcile). A GET that lost its connection is retried once.
/// - Keys never appear in exceptions or messages.
/// - exchangeInfo is cached per symbol for `rules_ttl`.
class BinanceGateway final : public exchange::ExchangeGateway {
public:
    /// Local wall clock in ms since the epoch (injectable to test clock skew).
    using Clock = std::function<std::int64_t()>;

    explicit BinanceGateway(BinanceConfig config, Clock clock = {});
    ~BinanceGateway() override;
    BinanceGateway(const BinanceGateway&) = delete;
    BinanceGateway& operator=(const BinanceGateway&) = delete;
    BinanceGateway(BinanceGateway&&) = delete;
    BinanceGateway& operator=(BinanceGateway&&) = delete;

    [[nodiscard]] domain::SymbolRules symbolRules(std::string_view symbol) override;
    [[nodiscard]] std::vector<domain::Candle> candles(std::string_view symbol,
                                                      std::string_view interval,
                                                      int limit) override;
    /// The `limit` most recent candles whose open time is <= end_time_ms (klines' endTime),
    /// oldest first: a window of the past, for charts of older events. Not part of the
    /// exchange port because no worker reads history; only the API's chart does.
    [[nodiscard]] std::vector<domain::Candle> candlesUntil(std::string_view symbol,
                                                           std::string_view interval,
                                                           int limit,
                                                           std::int64_t end_time_ms);
    [[nodiscard]] domain::Decimal lastPrice(std::string_view symbol) override;
    [[nodiscard]] exchange::BookTicker bookTicker(std::string_view symbol) override;
    [[nodiscard]] std::vector<exchange::Balance> balances() override;
    [[nodiscard]] exchange::PlaceResult placeOrder(const domain::PlannedOrder& order) override;
    [[nodiscard]] std::optional<exchange::OrderState> queryOrder(
        std::string_view symbol, std::string_view client_order_id) override;
    exchange::OrderState cancelOrder(std::string_view symbol,
                                     std::string_view client_order_id) override;
    [[nodiscard]] std::vector<exchange::OrderState> openOrders(std::string_view symbol) override;
    [[nodiscard]] std::vector<exchange::Trade> trades(
        std::string_view symbol, std::optional<std::int64_t> order_id) override;

    /// exchange::placeOrReconcile with this gateway and config.reconcile. The caller has
    /// persisted the client order id BEFORE calling (see place_or_reconcile.hpp).
    [[nodiscard]] exchange::PlaceResult placeOrReconcile(const domain::PlannedOrder& order);

    /// GET /api/v3/ping; throws ExchangeException when unreachable.
    void ping();
    /// Measures the server-time offset now (fastest of three GET /api/v3/time samples).
    void syncTime();
    /// Server time − local time, in ms, as last measured.
    [[nodiscard]] std::int64_t clockOffsetMs() const { return offset_ms_; }
    /// X-MBX-USED-WEIGHT-1M as last reported.
    [[nodiscard]] int usedWeight() const { return pacer_.usedWeight(); }

private:
    /// One REST call: method, path, encoded parameters (without timestamp/signature).
    struct Call {
        std::string method;
        std::string path;
        std::string params;
        bool is_signed = false;
        int weight = 1;
        bool is_order = false;  ///< POST/DELETE order: longer read timeout, never resent
    };
    struct CachedRules {
        domain::SymbolRules rules;
        std::int64_t fetched_ms = 0;
    };

    [[nodiscard]] std::vector<domain::Candle> klines(std::string_view symbol,
                                                     std::string_view interval,
                                                     int limit,
                                                     std::optional<std::int64_t> end_time_ms);
    detail::HttpReply perform(const Call& call);
    detail::HttpReply sendOnce(const Call& call);
    void paceOrThrow(int weight);
    void syncTimeIfDue();
    [[nodiscard]] std::int64_t fetchServerTime();
    [[nodiscard]] std::int64_t localNowMs() const;
    [[nodiscard]] std::int64_t serverNowMs() const { return localNowMs() + offset_ms_; }

    BinanceConfig config_;
    Clock clock_;
    std::unique_ptr<detail::HttpTransport> transport_;
    WeightPacer pacer_;
    std::int64_t offset_ms_ = 0;
    std::int64_t last_sync_ms_ = 0;
    bool synced_ = false;
    std::map<std::string, CachedRules, std::less<>> rules_cache_;
};

}  // namespace robson::binance
