#include "robson/metrics/intents_created.hpp"

namespace robson::metrics {

IntentsCreated::IntentsCreated(prometheus::Registry& registry)
    : family_(prometheus::BuildCounter()
                  .Name("robson_intents_created_total")
                  .Help("Trading intents created, by who made them (api, pattern)")
                  .Register(registry)),
      api_(family_.Add({{"source", "api"}})),
      pattern_(family_.Add({{"source", "pattern"}})) {}

}  // namespace robson::metrics
