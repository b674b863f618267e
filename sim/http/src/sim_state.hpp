#pragma once

#include "fault_dice.hpp"
#include "robson/sim/engine/engine.hpp"
#include "robson/sim/engine/weight_limiter.hpp"
#include "robson/sim/http/sim_server.hpp"
#include "robson/sim/market/market.hpp"
#include "sim_metrics.hpp"

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace robson::sim {

/// An order request the exchange refused (GET /sim/admin/orders, "refused"): the request's
/// own texts (nullopt when not sent) and Binance's answer.
struct RefusedOrder {
    std::int64_t received_at = 0;
    std::optional<std::string> client_order_id;
    std::optional<std::string> symbol;
    std::optional<std::string> side;
    std::optional<std::string> type;
    int code = 0;
    std::string msg;
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
    /// Orders, refusals, trades, faults, weights and price overrides cleared; balances back to
    /// defaults; the random faults re-seeded with the current seed.
    void reset(std::int64_t real_ms);
    /// The random fault (if any) for one well-formed order request (Faults::rate).
    [[nodiscard]] std::optional<FaultKind> rollOrderFault(bool is_stop_loss);
    /// A fresh client order id for an order sent without one.
    [[nodiscard]] std::string nextClientOrderId();
    [[nodiscard]] std::int64_t now() const { return wall_clock_(); }

    std::mutex mutex;
    Engine engine;
    Market market;
    WeightLimiter weights;
    Faults faults;
    FaultDice dice;
    std::vector<RefusedOrder> refused_orders;  ///< arrival order
    SimMetrics metrics;
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
