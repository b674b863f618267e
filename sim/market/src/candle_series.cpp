#include "robson/sim/market/candle_series.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace robson::sim {

using domain::Rounding;

namespace {

std::uint64_t splitMix(std::uint64_t& state) {
    state += 0x9e3779b97f4a7c15ULL;
    std::uint64_t z = state;
    z = (z ^ (z >> 30U)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27U)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31U);
}

/// A uniform integer in [-bound, bound].
std::int64_t symmetric(std::uint64_t& state, std::int64_t bound) {
    if (bound <= 0) {
        return 0;
    }
    const auto span = static_cast<std::uint64_t>(2 * bound + 1);
    return static_cast<std::int64_t>(splitMix(state) % span) - bound;
}

Decimal median(std::vector<Decimal> values) {
    if (values.empty()) {
        return Decimal{};
    }
    const auto middle = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
    std::nth_element(values.begin(), middle, values.end());
    return *middle;
}

}  // namespace

std::optional<std::int64_t> intervalMs(std::string_view interval) {
    constexpr std::int64_t kMinute = 60'000;
    constexpr std::int64_t kDay = 1440 * kMinute;
    static constexpr std::array<std::pair<std::string_view, std::int64_t>, 15> kIntervals{{
        {"1s", 1000},
        {"1m", kMinute},
        {"3m", 3 * kMinute},
        {"5m", 5 * kMinute},
        {"15m", 15 * kMinute},
        {"30m", 30 * kMinute},
        {"1h", 60 * kMinute},
        {"2h", 120 * kMinute},
        {"4h", 240 * kMinute},
        {"6h", 360 * kMinute},
        {"8h", 480 * kMinute},
        {"12h", 720 * kMinute},
        {"1d", kDay},
        {"3d", 3 * kDay},
        {"1w", 7 * kDay},
    }};
    for (const auto& [name, ms] : kIntervals) {
        if (name == interval) {
            return ms;
        }
    }
    return std::nullopt;
}

CandleSeries::CandleSeries(SeriesSetup setup, std::vector<Candle> file_candles)
    : setup_(std::move(setup)), candles_(std::move(file_candles)) {
    const std::int64_t step = setup_.interval_ms;
    const std::size_t past =
        std::min(setup_.past_count, candles_.empty() ? 0 : candles_.size() - 1);
    first_open_ms_ = (setup_.launch_ms / step) * step - static_cast<std::int64_t>(past) * step;
    std::vector<Decimal> ranges;
    std::vector<Decimal> volumes;
    for (std::size_t k = 0; k < candles_.size(); ++k) {
        candles_[k].open_time_ms = first_open_ms_ + static_cast<std::int64_t>(k) * step;
        candles_[k].close_time_ms = candles_[k].open_time_ms + step - 1;
        ranges.push_back(candles_[k].high - candles_[k].low);
        volumes.push_back(candles_[k].volume);
    }
    typical_range_ = median(ranges);
    typical_volume_ = median(volumes);
    rng_state_ = setup_.seed ^ std::hash<std::string>{}(setup_.symbol + setup_.interval);
}

void CandleSeries::extendTo(std::size_t k) {
    while (candles_.size() <= k) {
        const Decimal previous =
            candles_.empty() ? Decimal::fromInteger(100) : candles_.back().close;
        const Decimal tick = setup_.tick;
        const Decimal range = typical_range_.isPositive()
                                  ? typical_range_
                                  : mul(previous, Decimal::fromUnits(300'000), Rounding::Down);
        Candle next;
        next.open_time_ms =
            first_open_ms_ + static_cast<std::int64_t>(candles_.size()) * setup_.interval_ms;
        next.close_time_ms = next.open_time_ms + setup_.interval_ms - 1;
        next.open = previous;
        const Decimal close =
            previous + Decimal::fromUnits(symmetric(rng_state_, range.units() / 2));
        next.close = max(close, tick).roundToStep(tick, Rounding::HalfEven);
        const std::int64_t wick = range.units() / 4;
        next.high =
            (max(next.open, next.close) + Decimal::fromUnits(std::abs(symmetric(rng_state_, wick))))
                .roundToStep(tick, Rounding::Ceiling);
        const Decimal low =
            min(next.open, next.close) - Decimal::fromUnits(std::abs(symmetric(rng_state_, wick)));
        next.low = max(low, tick).roundToStep(tick, Rounding::Floor);
        next.volume = typical_volume_;
        candles_.push_back(next);
    }
}

const Candle& CandleSeries::candle(std::size_t k) {
    extendTo(k);
    return candles_[k];
}

std::size_t CandleSeries::indexAt(std::int64_t sim_ms) const {
    if (sim_ms < first_open_ms_) {
        return 0;
    }
    return static_cast<std::size_t>((sim_ms - first_open_ms_) / setup_.interval_ms);
}

std::vector<CandleSeries::Vertex> CandleSeries::vertices(std::size_t k) {
    const Candle& c = candle(k);
    const std::int64_t third = setup_.interval_ms / 3;
    const bool bearish = c.close < c.open;
    const Decimal first = bearish ? c.low : c.high;
    const Decimal second = bearish ? c.high : c.low;
    return {{c.open_time_ms, c.open},
            {c.open_time_ms + third, first},
            {c.open_time_ms + 2 * third, second},
            {c.close_time_ms, c.close}};
}

Decimal CandleSeries::priceAt(std::int64_t sim_ms) {
    const std::vector<Vertex> path = vertices(indexAt(sim_ms));
    if (sim_ms <= path.front().time) {
        return path.front().price;
    }
    for (std::size_t i = 1; i < path.size(); ++i) {
        if (sim_ms <= path[i].time) {
            const Vertex& a = path[i - 1];
            const Vertex& b = path[i];
            const Decimal fraction = div(Decimal::fromInteger(sim_ms - a.time),
                                         Decimal::fromInteger(b.time - a.time),
                                         Rounding::Down);
            const Decimal moved = a.price + mul(b.price - a.price, fraction, Rounding::HalfEven);
            return moved.roundToStep(setup_.tick, Rounding::HalfEven);
        }
    }
    return path.back().price;
}

Candle CandleSeries::formingAt(std::int64_t sim_ms) {
    const std::size_t k = indexAt(sim_ms);
    Candle forming = candle(k);
    const Decimal full_volume = forming.volume;
    forming.high = forming.open;
    forming.low = forming.open;
    for (const Vertex& vertex : vertices(k)) {
        if (vertex.time <= sim_ms) {
            forming.high = max(forming.high, vertex.price);
            forming.low = min(forming.low, vertex.price);
        }
    }
    const Decimal now = priceAt(sim_ms);
    forming.high = max(forming.high, now);
    forming.low = min(forming.low, now);
    forming.close = now;
    const std::int64_t elapsed =
        std::clamp<std::int64_t>(sim_ms - forming.open_time_ms, 0, setup_.interval_ms);
    forming.volume = mul(full_volume,
                         div(Decimal::fromInteger(elapsed),
                             Decimal::fromInteger(setup_.interval_ms),
                             Rounding::Down),
                         Rounding::Down);
    return forming;
}

std::vector<Decimal> CandleSeries::pathBetween(std::int64_t from_ms, std::int64_t to_ms) {
    std::vector<Decimal> points;
    if (to_ms <= from_ms) {
        return points;
    }
    for (std::size_t k = indexAt(from_ms); k <= indexAt(to_ms); ++k) {
        for (const Vertex& vertex : vertices(k)) {
            if (vertex.time > from_ms && vertex.time < to_ms) {
                points.push_back(vertex.price);
            }
        }
    }
    points.push_back(priceAt(to_ms));
    return points;
}

std::vector<Candle> CandleSeries::klines(std::optional<std::int64_t> start_ms,
                                         std::optional<std::int64_t> end_ms,
                                         std::size_t limit,
                                         std::int64_t now_ms) {
    std::vector<Candle> result;
    const std::size_t now_index = indexAt(now_ms);
    std::size_t last = end_ms ? std::min(indexAt(*end_ms), now_index) : now_index;
    if (end_ms && *end_ms < first_open_ms_) {
        return result;
    }
    std::size_t first = last + 1 > limit ? last + 1 - limit : 0;
    if (start_ms) {
        if (*start_ms > now_ms) {
            return result;
        }
        first = indexAt(*start_ms);
        if (candle(first).open_time_ms < *start_ms) {
            ++first;
        }
        last = std::min(last, first + limit - 1);
    }
    for (std::size_t k = first; k <= last && limit > 0; ++k) {
        result.push_back(k == now_index ? formingAt(now_ms) : candle(k));
    }
    return result;
}

}  // namespace robson::sim
