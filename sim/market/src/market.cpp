#include "robson/sim/market/market.hpp"

#include "robson/marketdata/kline_csv.hpp"

#include <cmath>
#include <system_error>

namespace robson::sim {

namespace {

Decimal defaultPrice(const std::string& symbol) {
    if (symbol == "BTCUSDT") {
        return Decimal::fromInteger(65'000);
    }
    if (symbol == "ETHUSDT") {
        return Decimal::fromInteger(3'200);
    }
    if (symbol == "SOLUSDT") {
        return Decimal::fromInteger(150);
    }
    return Decimal::fromInteger(100);
}

/// "BTCUSDT-15m.csv" → {"BTCUSDT", "15m"}; nullopt for other names.
std::optional<std::pair<std::string, std::string>> splitName(const std::filesystem::path& path) {
    if (path.extension() != ".csv") {
        return std::nullopt;
    }
    const std::string stem = path.stem().string();
    const auto dash = stem.rfind('-');
    if (dash == std::string::npos || dash == 0) {
        return std::nullopt;
    }
    std::string symbol = stem.substr(0, dash);
    std::string interval = stem.substr(dash + 1);
    for (const char c : symbol) {
        if ((c < 'A' || c > 'Z') && (c < '0' || c > '9')) {
            return std::nullopt;
        }
    }
    if (!intervalMs(interval)) {
        return std::nullopt;
    }
    return std::make_pair(std::move(symbol), std::move(interval));
}

}  // namespace

Market Market::load(const MarketSetup& setup, std::vector<std::string>& warnings) {
    Market market(setup);
    std::error_code error;
    std::filesystem::directory_iterator it(setup.data_dir, error);
    if (error) {
        warnings.push_back("no data directory " + setup.data_dir.string() + "; random walks only");
    }
    for (; !error && it != std::filesystem::directory_iterator(); it.increment(error)) {
        const auto name = splitName(it->path());
        if (!name) {
            continue;
        }
        auto parsed = marketdata::readKlineCsvFile(it->path());
        if (!parsed.errors.empty() || parsed.candles.empty()) {
            warnings.push_back("skipped " + it->path().string() + ": " +
                               (parsed.errors.empty() ? "no candles" : parsed.errors[0].message));
            continue;
        }
        SeriesSetup series{name->first, name->second, *intervalMs(name->second), setup.launch_ms};
        series.seed = setup.seed;
        market.by_symbol_[name->first][series.interval_ms] =
            std::make_unique<CandleSeries>(series, std::move(parsed.candles));
    }
    for (const std::string& symbol : setup.default_symbols) {
        if (!market.by_symbol_.contains(symbol)) {
            SeriesSetup series{symbol, "15m", *intervalMs("15m"), setup.launch_ms};
            series.seed = setup.seed;
            series.past_count = 0;
            const Decimal price = defaultPrice(symbol);
            std::vector<Candle> seed_candle{
                Candle{0, price, price, price, price, Decimal::fromInteger(10), 0}};
            market.by_symbol_[symbol][series.interval_ms] =
                std::make_unique<CandleSeries>(series, std::move(seed_candle));
        }
    }
    return market;
}

std::vector<std::string> Market::symbols() const {
    std::vector<std::string> result;
    for (const auto& entry : by_symbol_) {
        result.push_back(entry.first);
    }
    return result;
}

CandleSeries* Market::series(const std::string& symbol, const std::string& interval) {
    const auto symbol_it = by_symbol_.find(symbol);
    const auto ms = intervalMs(interval);
    if (symbol_it == by_symbol_.end() || !ms) {
        return nullptr;
    }
    const auto found = symbol_it->second.find(*ms);
    return found == symbol_it->second.end() ? nullptr : found->second.get();
}

CandleSeries& Market::finest(const std::string& symbol) {
    return *by_symbol_.at(symbol).begin()->second;
}

std::int64_t Market::simNow(std::int64_t real_ms) const {
    const auto elapsed = static_cast<double>(real_ms - setup_.launch_ms) * setup_.speed;
    return setup_.launch_ms + static_cast<std::int64_t>(std::llround(elapsed)) + advanced_ms_;
}

}  // namespace robson::sim
