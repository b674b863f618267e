#pragma once

#include <prometheus/counter.h>
#include <prometheus/registry.h>

namespace robson::metrics {

/// robson_intents_created_total{source}: intents the API made for a person (`api`) and those
/// the pattern scanner made (`pattern`). Both processes create both series, so the sum over
/// processes is the system's total and neither is ever missing.
class IntentsCreated {
public:
    explicit IntentsCreated(prometheus::Registry& registry);

    void byApi() { api_.Increment(); }
    void byPattern(double count) { pattern_.Increment(count); }

    [[nodiscard]] double apiCount() const { return api_.Value(); }
    [[nodiscard]] double patternCount() const { return pattern_.Value(); }

private:
    prometheus::Family<prometheus::Counter>& family_;
    prometheus::Counter& api_;
    prometheus::Counter& pattern_;
};

}  // namespace robson::metrics
