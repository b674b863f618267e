// Pattern detector benchmarks (make bench): detectAll over a long series against a plain
// single pass over the same candles, so the result reads as "detection costs N passes".
#include "robson/domain/decimal.hpp"
#include "robson/domain/patterns/pattern.hpp"
#include "synthetic_candles.hpp"

#include <benchmark/benchmark.h>

#include <cstddef>
#include <vector>

namespace {

using robson::domain::Candle;
using robson::domain::Decimal;

std::vector<Candle> candlesFor(const benchmark::State& state) {
    return robson::bench::syntheticCandles(static_cast<std::size_t>(state.range(0)), 42, 95000.0);
}

void countCandles(benchmark::State& state) {
    state.counters["candles_per_second"] = benchmark::Counter(
        static_cast<double>(state.iterations()) * static_cast<double>(state.range(0)),
        benchmark::Counter::kIsRate);
}

// Baseline: one pass summing the closes and tracking the lowest low and highest high — the
// least any look at every candle costs.
void patternBaselineSinglePass(benchmark::State& state) {
    const auto candles = candlesFor(state);
    for (auto _ : state) {
        Decimal sum;
        Decimal lowest = candles.front().low;
        Decimal highest = candles.front().high;
        for (const Candle& candle : candles) {
            sum += candle.close;
            lowest = robson::domain::min(lowest, candle.low);
            highest = robson::domain::max(highest, candle.high);
        }
        benchmark::DoNotOptimize(sum);
        benchmark::DoNotOptimize(lowest);
        benchmark::DoNotOptimize(highest);
    }
    countCandles(state);
}
BENCHMARK(patternBaselineSinglePass)->Arg(5'000)->Arg(50'000);

// Every detector on every candle: the indicators once over the series, then each trigger.
void patternDetectAll(benchmark::State& state) {
    const auto candles = candlesFor(state);
    std::size_t detections = 0;
    for (auto _ : state) {
        auto found = robson::domain::patterns::detectAll(candles);
        detections = found.size();
        benchmark::DoNotOptimize(found);
    }
    state.counters["detections"] = static_cast<double>(detections);
    countCandles(state);
}
BENCHMARK(patternDetectAll)->Arg(5'000)->Arg(50'000);

// What one scan job does: detectAt on the newest 3 of the 260 closed candles it fetches.
void patternScanWindow(benchmark::State& state) {
    const auto candles = candlesFor(state);
    for (auto _ : state) {
        for (std::size_t index = candles.size() - 3; index < candles.size(); ++index) {
            auto found = robson::domain::patterns::detectAt(candles, index);
            benchmark::DoNotOptimize(found);
        }
    }
    countCandles(state);
}
BENCHMARK(patternScanWindow)->Arg(260);

}  // namespace

BENCHMARK_MAIN();
