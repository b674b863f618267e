#pragma once

#include "robson/sim/market/candle_series.hpp"

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace robson::sim {

/// Where the market's candles come from and how its clock runs.
struct MarketSetup {
    std::filesystem::path data_dir;  ///< holds <SYMBOL>-<interval>.csv (Binance kline columns)
    std::int64_t launch_ms = 0;      ///< real time of launch = simulated time of launch
    double speed = 1.0;              ///< simulated ms per real ms
    std::uint64_t seed = 1;
    std::vector<std::string> default_symbols{"BTCUSDT", "ETHUSDT", "SOLUSDT"};
};

/// Every replayed candle series, by symbol and interval, and the simulated clock.
///
/// simNow(real) = launch + (real − launch) × speed + advanced. A default symbol without any
/// data file gets a 15m random walk from a plausible price, so the simulator always serves
/// BTCUSDT, ETHUSDT and SOLUSDT. Not thread-safe: the simulator holds one lock around it.
class Market {
public:
    /// Loads every <SYMBOL>-<interval>.csv of setup.data_dir (a missing directory is fine).
    /// Files that cannot be used are skipped and described in `warnings`.
    static Market load(const MarketSetup& setup, std::vector<std::string>& warnings);

    [[nodiscard]] std::vector<std::string> symbols() const;
    /// nullptr when the symbol has no series at that interval.
    [[nodiscard]] CandleSeries* series(const std::string& symbol, const std::string& interval);
    /// The symbol's shortest interval: the one the last price follows. Symbol must exist.
    [[nodiscard]] CandleSeries& finest(const std::string& symbol);
    [[nodiscard]] bool has(const std::string& symbol) const { return by_symbol_.contains(symbol); }

    [[nodiscard]] std::int64_t simNow(std::int64_t real_ms) const;
    /// Moves the simulated clock forward by ms (ms ≥ 0).
    void advance(std::int64_t ms) { advanced_ms_ += ms; }
    [[nodiscard]] std::int64_t advancedMs() const { return advanced_ms_; }
    [[nodiscard]] double speed() const { return setup_.speed; }

private:
    explicit Market(MarketSetup setup) : setup_(std::move(setup)) {}

    MarketSetup setup_;
    std::int64_t advanced_ms_ = 0;
    /// symbol → interval ms → series (ordered, so begin() is the finest)
    std::map<std::string, std::map<std::int64_t, std::unique_ptr<CandleSeries>>> by_symbol_;
};

}  // namespace robson::sim
