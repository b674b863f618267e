#pragma once

#include "robson/domain/candle.hpp"

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace robson::binance {
class BinanceGateway;
}

namespace robson::api {

/// Candles through the exchange port. A BinanceGateway owns one keep-alive connection and is
/// not thread-safe, so each request borrows one from a small free list (created on demand,
/// returned after use). Exchange failures become ApiError 502 `exchange_unavailable` with the
/// adapter's description (codes and server messages only; the adapter never puts keys in it).
class MarketData {
public:
    explicit MarketData(std::string exchange_url);
    ~MarketData();
    MarketData(const MarketData&) = delete;
    MarketData& operator=(const MarketData&) = delete;
    MarketData(MarketData&&) = delete;
    MarketData& operator=(MarketData&&) = delete;

    /// The `limit` most recent candles, or with `end_time_ms` the `limit` most recent whose
    /// open time is <= it (an older window); oldest first.
    [[nodiscard]] std::vector<domain::Candle> candles(std::string_view symbol,
                                                      std::string_view interval,
                                                      int limit,
                                                      std::optional<std::int64_t> end_time_ms);

private:
    [[nodiscard]] std::unique_ptr<binance::BinanceGateway> borrow();
    void giveBack(std::unique_ptr<binance::BinanceGateway> gateway);

    std::string exchange_url_;
    std::mutex mutex_;
    std::vector<std::unique_ptr<binance::BinanceGateway>> idle_;
};

}  // namespace robson::api
