#include "sim_state.hpp"

#include <chrono>

namespace robson::sim {

namespace {

std::int64_t systemNowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

EngineConfig engineConfigFor(const SimConfig& config, const Market& market) {
    EngineConfig engine_config = defaultEngineConfig(Decimal::fromString(config.commission));
    engine_config.symbols.clear();
    for (const std::string& symbol : market.symbols()) {
        engine_config.symbols.push_back(domain::defaultSpotRules(symbol));
        engine_config.symbols.back().max_num_orders = config.max_num_orders;
        engine_config.symbols.back().max_num_algo_orders = config.max_num_algo_orders;
    }
    return engine_config;
}

Market loadMarket(const SimConfig& config,
                  std::int64_t launch_ms,
                  std::vector<std::string>& warnings) {
    MarketSetup setup{config.data_dir, launch_ms};
    setup.speed = config.speed;
    setup.seed = config.seed;
    return Market::load(setup, warnings);
}

}  // namespace

SimState::SimState(const SimConfig& sim_config, std::vector<std::string>& warnings)
    : engine(defaultEngineConfig(Decimal::fromString(sim_config.commission))),
      market(loadMarket(
          sim_config, sim_config.wall_clock ? sim_config.wall_clock() : systemNowMs(), warnings)),
      weights(sim_config.weight_limit),
      faults(sim_config.faults),
      dice(sim_config.faults.seed),
      metrics(sim_config.metrics_registry),
      config(sim_config),
      wall_clock_(sim_config.wall_clock ? sim_config.wall_clock : systemNowMs) {
    engine = Engine(engineConfigFor(config, market));
    const std::int64_t real = now();
    synced_sim_ms_ = market.simNow(real);
    for (const std::string& symbol : market.symbols()) {
        engine.setLastPrice(symbol, market.finest(symbol).priceAt(synced_sim_ms_), real, false);
    }
}

void SimState::sync(std::int64_t real_ms) {
    const std::int64_t sim_now = market.simNow(real_ms);
    if (sim_now <= synced_sim_ms_) {
        return;
    }
    for (const std::string& symbol : market.symbols()) {
        CandleSeries& series = market.finest(symbol);
        const auto override_it = overrides_.find(symbol);
        if (override_it != overrides_.end()) {
            if (series.indexAt(sim_now) == override_it->second.candle_index) {
                continue;
            }
            overrides_.erase(override_it);
            engine.setLastPrice(symbol, series.priceAt(sim_now), real_ms, false);
            continue;
        }
        for (const Decimal price : series.pathBetween(synced_sim_ms_, sim_now)) {
            engine.setLastPrice(symbol, price, real_ms, true);
        }
    }
    synced_sim_ms_ = sim_now;
}

void SimState::setPrice(const std::string& symbol, Decimal price, std::int64_t real_ms) {
    sync(real_ms);
    overrides_[symbol] = Override{market.finest(symbol).indexAt(market.simNow(real_ms))};
    engine.setLastPrice(symbol, price, real_ms, false);
}

void SimState::advanceClock(std::int64_t ms, std::int64_t real_ms) {
    sync(real_ms);
    market.advance(ms);
    // Overrides end with an advance: the candle path takes over from the override price.
    for (const auto& entry : overrides_) {
        const std::string& symbol = entry.first;
        engine.setLastPrice(symbol, market.finest(symbol).priceAt(synced_sim_ms_), real_ms, false);
    }
    overrides_.clear();
    sync(real_ms);
}

void SimState::reset(std::int64_t real_ms) {
    engine.reset();
    weights.reset();
    refused_orders.clear();
    // Every fault is disarmed, the start flags included (a reset means "clean exchange"); the
    // seed stays, so arming the same rate again replays the same random sequence.
    const std::uint64_t seed = faults.seed;
    faults = Faults{};
    faults.seed = seed;
    dice.reseed(seed);
    overrides_.clear();
    synced_sim_ms_ = market.simNow(real_ms);
    for (const std::string& symbol : market.symbols()) {
        engine.setLastPrice(symbol, market.finest(symbol).priceAt(synced_sim_ms_), real_ms, false);
    }
}

std::optional<FaultKind> SimState::rollOrderFault(bool is_stop_loss) {
    return dice.roll(faults.rate, faults.kinds, is_stop_loss);
}

std::string SimState::nextClientOrderId() {
    return "sim" + std::to_string(now()) + "x" + std::to_string(++client_id_seq_);
}

}  // namespace robson::sim
