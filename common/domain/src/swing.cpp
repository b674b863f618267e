#include "robson/domain/swing.hpp"

#include "robson/domain/stop_validation.hpp"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <stdexcept>
#include <string>

namespace robson::domain {
namespace {

template <typename Extreme, typename Beats>
std::vector<Swing> findSwings(CandleSpan candles, int pivot_bars, Extreme extreme, Beats beats) {
    if (pivot_bars <= 0) {
        throw std::invalid_argument("pivot_bars must be positive, got " +
                                    std::to_string(pivot_bars));
    }
    const auto bars = static_cast<std::size_t>(pivot_bars);
    std::vector<Swing> swings;
    if (candles.size() < 2 * bars + 1) {
        return swings;
    }
    for (std::size_t i = bars; i + bars < candles.size(); ++i) {
        const Decimal price = extreme(candles[i]);
        bool pivot = true;
        for (std::size_t j = i - bars; j <= i + bars && pivot; ++j) {
            pivot = j == i || beats(price, extreme(candles[j]));
        }
        if (pivot) {
            swings.push_back(Swing{i, price, candles[i].open_time_ms});
        }
    }
    return swings;
}

struct Cluster {
    Decimal sum;
    Decimal adverse;
    int touches = 0;
    std::int64_t first_ms = 0;
    std::int64_t last_ms = 0;
};

/// |mean − price| ≤ tolerance, kept exact as |sum − price × n| ≤ tolerance × n.
bool accepts(const Cluster& cluster, Decimal price, Decimal tolerance) {
    return (cluster.sum - mulInteger(price, cluster.touches)).abs() <=
           mulInteger(tolerance, cluster.touches);
}

void addTo(Cluster& cluster, const Swing& swing, Side side) {
    cluster.sum += swing.price;
    cluster.adverse =
        side == Side::Buy ? min(cluster.adverse, swing.price) : max(cluster.adverse, swing.price);
    cluster.first_ms = std::min(cluster.first_ms, swing.time_ms);
    cluster.last_ms = std::max(cluster.last_ms, swing.time_ms);
    ++cluster.touches;
}

}  // namespace

std::vector<Swing> findSwingLows(CandleSpan candles, int pivot_bars) {
    return findSwings(
        candles,
        pivot_bars,
        [](const Candle& c) { return c.low; },
        [](Decimal candidate, Decimal other) { return candidate < other; });
}

std::vector<Swing> findSwingHighs(CandleSpan candles, int pivot_bars) {
    return findSwings(
        candles,
        pivot_bars,
        [](const Candle& c) { return c.high; },
        [](Decimal candidate, Decimal other) { return candidate > other; });
}

std::vector<Swing> findProtectiveSwings(CandleSpan candles, Side side, int pivot_bars) {
    return side == Side::Buy ? findSwingLows(candles, pivot_bars)
                             : findSwingHighs(candles, pivot_bars);
}

std::vector<SwingLevel> clusterSwingLevels(std::span<const Swing> swings,
                                           Side side,
                                           Decimal entry,
                                           Decimal tolerance_rate,
                                           int min_touches) {
    if (!entry.isPositive() || tolerance_rate.isNegative()) {
        throw std::invalid_argument("clusterSwingLevels needs entry > 0 and tolerance_rate >= 0");
    }
    // Filter first (ADR-0050): a swing on the wrong side must not drag a cluster's mean.
    std::vector<Swing> protective;
    for (const auto& swing : swings) {
        if (side == Side::Buy ? swing.price < entry : swing.price > entry) {
            protective.push_back(swing);
        }
    }
    std::stable_sort(protective.begin(), protective.end(), [entry](const Swing& a, const Swing& b) {
        return (entry - a.price).abs() < (entry - b.price).abs();
    });
    // Rounded down: the configured tolerance is never exceeded.
    const Decimal tolerance = mul(entry, tolerance_rate, Rounding::Down);
    std::vector<Cluster> clusters;
    for (const auto& swing : protective) {
        auto home = std::find_if(clusters.begin(), clusters.end(), [&](const Cluster& c) {
            return accepts(c, swing.price, tolerance);
        });
        if (home == clusters.end()) {
            clusters.push_back(Cluster{{}, swing.price, 0, swing.time_ms, swing.time_ms});
            home = std::prev(clusters.end());
        }
        addTo(*home, swing, side);
    }
    std::vector<SwingLevel> levels;
    for (const auto& cluster : clusters) {
        if (cluster.touches < min_touches) {
            continue;
        }
        levels.push_back(SwingLevel{cluster.adverse,
                                    cluster.touches,
                                    cluster.first_ms,
                                    cluster.last_ms,
                                    (entry - cluster.adverse).abs(),
                                    stopDistancePercent(entry, cluster.adverse)});
    }
    // Clusters were seeded nearest first, but an adverse extreme can reorder them.
    std::stable_sort(levels.begin(), levels.end(), [](const SwingLevel& a, const SwingLevel& b) {
        return a.distance < b.distance;
    });
    return levels;
}

}  // namespace robson::domain
