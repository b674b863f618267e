#include "model_random.hpp"

#include <cmath>
#include <numbers>

namespace robson::datagen {

double ModelRandom::uniform() {
    constexpr int kMantissaBits = 53;
    constexpr double kScale = 0x1.0p-53;
    return static_cast<double>(engine_() >> (64 - kMantissaBits)) * kScale;
}

double ModelRandom::normal() {
    if (has_spare_) {
        has_spare_ = false;
        return spare_normal_;
    }
    const double radius = std::sqrt(-2.0 * std::log(uniformOpenZero()));
    const double angle = 2.0 * std::numbers::pi * uniform();
    spare_normal_ = radius * std::sin(angle);
    has_spare_ = true;
    return radius * std::cos(angle);
}

double ModelRandom::exponential() {
    return -std::log(uniformOpenZero());
}

}  // namespace robson::datagen
