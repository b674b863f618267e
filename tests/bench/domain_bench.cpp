// Domain benchmarks (make bench). Each group has a baseline measured in the same run, so
// results are read as ratios: e.g. the technical stop costs N× one pass over the candles.
#include "robson/domain/decimal.hpp"
#include "robson/domain/indicators.hpp"
#include "robson/domain/position_sizing.hpp"
#include "robson/domain/strategy.hpp"
#include "robson/domain/technical_stop.hpp"
#include "synthetic_candles.hpp"

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <string>
#include <vector>

namespace {

using robson::domain::Decimal;
using robson::domain::Side;

std::vector<robson::domain::Candle> candlesFor(const benchmark::State& state) {
    return robson::bench::syntheticCandles(static_cast<std::size_t>(state.range(0)), 42, 95000.0);
}

// Baseline: one pass over the candles finding the lowest low (what any analysis must at
// least do).
void baselineScanCandles(benchmark::State& state) {
    const auto candles = candlesFor(state);
    for (auto _ : state) {
        Decimal lowest = candles.front().low;
        for (const auto& candle : candles) {
            lowest = robson::domain::min(lowest, candle.low);
        }
        benchmark::DoNotOptimize(lowest);
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(baselineScanCandles)->Arg(200)->Arg(5000);

void technicalStop(benchmark::State& state) {
    const auto candles = candlesFor(state);
    auto config = robson::domain::findStrategyByName("All In")->stop;
    config.lookback = static_cast<int>(state.range(0));
    const auto rules = robson::domain::defaultSpotRules("BTCUSDT");
    const Decimal entry = candles.back().close;
    for (auto _ : state) {
        auto analysis =
            robson::domain::analyzeTechnicalStop(candles, Side::Buy, entry, config, rules);
        benchmark::DoNotOptimize(analysis);
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(technicalStop)->Arg(200)->Arg(5000);

void indicatorBaselineSum(benchmark::State& state) {
    const auto closes = robson::domain::closes(candlesFor(state));
    for (auto _ : state) {
        double sum = 0;
        for (const double close : closes) {
            sum += close;
        }
        benchmark::DoNotOptimize(sum);
    }
}
BENCHMARK(indicatorBaselineSum)->Arg(5000);

void indicatorSma20(benchmark::State& state) {
    const auto closes = robson::domain::closes(candlesFor(state));
    for (auto _ : state) {
        benchmark::DoNotOptimize(robson::domain::sma(closes, 20));
    }
}
BENCHMARK(indicatorSma20)->Arg(5000);

void indicatorEma20(benchmark::State& state) {
    const auto closes = robson::domain::closes(candlesFor(state));
    for (auto _ : state) {
        benchmark::DoNotOptimize(robson::domain::ema(closes, 20));
    }
}
BENCHMARK(indicatorEma20)->Arg(5000);

void indicatorRsi14(benchmark::State& state) {
    const auto closes = robson::domain::closes(candlesFor(state));
    for (auto _ : state) {
        benchmark::DoNotOptimize(robson::domain::rsi(closes, 14));
    }
}
BENCHMARK(indicatorRsi14)->Arg(5000);

void indicatorBollinger20(benchmark::State& state) {
    const auto closes = robson::domain::closes(candlesFor(state));
    for (auto _ : state) {
        benchmark::DoNotOptimize(robson::domain::bollinger(closes, 20, 2.0));
    }
}
BENCHMARK(indicatorBollinger20)->Arg(5000);

void indicatorAtr14(benchmark::State& state) {
    const auto candles = candlesFor(state);
    for (auto _ : state) {
        benchmark::DoNotOptimize(robson::domain::atr(candles, 14));
    }
}
BENCHMARK(indicatorAtr14)->Arg(5000);

// Baseline for sizing: the naive rule in binary floating point (what we refuse to ship).
void sizingBaselineNaiveDouble(benchmark::State& state) {
    double capital = 100.0;
    double entry = 95432.10;
    double stop = 93500.00;
    for (auto _ : state) {
        benchmark::DoNotOptimize(capital);
        const double quantity =
            static_cast<double>(static_cast<long long>(capital * 0.01 / (entry - stop) * 1e6)) /
            1e6;
        benchmark::DoNotOptimize(quantity);
    }
}
BENCHMARK(sizingBaselineNaiveDouble);

void sizingExactWithCosts(benchmark::State& state) {
    robson::domain::SizingRequest request;
    request.capital = Decimal::fromString("100");
    request.risk_rate = Decimal::fromString("0.01");
    request.entry = Decimal::fromString("95432.10");
    request.stop = Decimal::fromString("93500.00");
    request.rules = robson::domain::defaultSpotRules("BTCUSDT");
    for (auto _ : state) {
        auto result = robson::domain::sizePosition(request);
        benchmark::DoNotOptimize(result);
    }
}
BENCHMARK(sizingExactWithCosts);

void parseBaselineStrtod(benchmark::State& state) {
    const std::string text = "95432.10000000";
    for (auto _ : state) {
        benchmark::DoNotOptimize(std::strtod(text.c_str(), nullptr));
    }
}
BENCHMARK(parseBaselineStrtod);

void parseDecimal(benchmark::State& state) {
    const std::string text = "95432.10000000";
    for (auto _ : state) {
        benchmark::DoNotOptimize(Decimal::parse(text));
    }
}
BENCHMARK(parseDecimal);

}  // namespace

BENCHMARK_MAIN();
