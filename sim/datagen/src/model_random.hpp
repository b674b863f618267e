#pragma once

#include <cstdint>
#include <random>

namespace robson::datagen {

/// The candle model's source of randomness: std::mt19937_64 (whose output sequence the C++
/// standard fixes) with hand-written transforms, because std::*_distribution results differ
/// between standard libraries. Not thread-safe; one per generation run.
class ModelRandom {
public:
    explicit ModelRandom(std::uint64_t seed) : engine_(seed) {}

    /// Uniform in [0, 1).
    double uniform();
    /// Uniform in (0, 1]: safe to take the logarithm of.
    double uniformOpenZero() { return 1.0 - uniform(); }
    /// Standard normal (Box–Muller, both values used).
    double normal();
    /// Exponential with mean 1.
    double exponential();
    /// True with the given probability.
    bool chance(double probability) { return uniform() < probability; }

private:
    std::mt19937_64 engine_;
    double spare_normal_ = 0.0;
    bool has_spare_ = false;
};

}  // namespace robson::datagen
