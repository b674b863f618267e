#include "robson/datagen/interval.hpp"

#include <array>
#include <utility>

namespace robson::datagen {

std::optional<std::int64_t> intervalMillis(std::string_view interval) {
    constexpr std::int64_t kMinute = 60'000;
    constexpr std::int64_t kHour = 60 * kMinute;
    static constexpr std::array<std::pair<std::string_view, std::int64_t>, 12> kIntervals{{
        {"1m", kMinute},
        {"3m", 3 * kMinute},
        {"5m", 5 * kMinute},
        {"15m", 15 * kMinute},
        {"30m", 30 * kMinute},
        {"1h", kHour},
        {"2h", 2 * kHour},
        {"4h", 4 * kHour},
        {"6h", 6 * kHour},
        {"8h", 8 * kHour},
        {"12h", 12 * kHour},
        {"1d", 24 * kHour},
    }};
    for (const auto& [name, millis] : kIntervals) {
        if (name == interval) {
            return millis;
        }
    }
    return std::nullopt;
}

}  // namespace robson::datagen
