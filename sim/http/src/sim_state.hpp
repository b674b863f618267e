#pragma once

#include "robson/sim/engine/engine.hpp"
#include "robson/sim/engine/weight_limiter.hpp"
#include "robson/sim/http/sim_server.hpp"
#include "robson/sim/market/market.hpp"

#include <map>
#include <mutex>
#include <string>

namespace robson::sim {

/// Armed faults (docs/exchange-simulator.md, "Faults"); counters decrement as they fire.
struct Faults {
    std::int64_t latency_ms = 0;
    int http_5xx_next = 0;
    int unknown_status_next_orders = 0;
    int drop_connection_next_orders = 0;
    int reject_next_stop_orders = 0;
    int rate_limit_burst = 0;
};

/// The whole simulated exchange: engine, market replay, weights, faults and price overrides.
/// One mutex guards everything; callers take `mutex` for every access (handlers hold it for
/// the duration of one request's work, never while sleeping or writing to the socket).
class SimState {
public:
    SimState(const SimConfig& config, std::vector<std::string>& warnings);

    /// Brings the engine's prices up to the market clock at real time real_ms, walking the
    /// candle path so resting orders match every price on the way.
    void sync(std::int64_t real_ms);
    /// The admin price: holds until the symbol's finest candle closes or the clock is advanced.
    void setPrice(const std::string& symbol, Decimal price, std::int64_t real_ms);
    void advanceClock(std::int64_t ms, std::int64_t real_ms);
    /// Orders, trades, faults, weights and price overrides cleared; balances back to defaults.
    void reset(std::int64_t real_ms);
    /// A fresh client order id for an order sent without one.
    [[nodiscard]] std::string nextClientOrderId();
    [[nodiscard]] std::int64_t now() const { return wall_clock_(); }

    std::mutex mutex;
    Engine engine;
    Market market;
    WeightLimiter weights;
    Faults faults;
    const SimConfig& config;

private:
    struct Override {
        std::size_t candle_index = 0;
    };
    std::map<std::string, Override> overrides_;
    std::int64_t synced_sim_ms_ = 0;
    std::int64_t client_id_seq_ = 0;
    std::function<std::int64_t()> wall_clock_;
};

}  // namespace robson::sim
