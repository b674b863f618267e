#include "gate_metrics.hpp"

#include <string>

namespace robson::api {

GateMetrics::GateMetrics(prometheus::Registry& registry)
    : answers_(prometheus::BuildCounter()
                   .Name("robson_http_gate_answers_total")
                   .Help("Requests the API's connection gate answered itself (never routed), by "
                         "status")
                   .Register(registry)) {
    for (std::size_t i = 0; i < kCodes.size(); ++i) {
        by_code_.at(i) = &answers_.Add({{"code", std::string(kCodes.at(i))}});
    }
    other_ = &answers_.Add({{"code", "other"}});
}

void GateMetrics::answered(int status) {
    const std::string code = std::to_string(status);
    for (std::size_t i = 0; i < kCodes.size(); ++i) {
        if (kCodes.at(i) == code) {
            by_code_.at(i)->Increment();
            return;
        }
    }
    other_->Increment();
}

double GateMetrics::count(std::string_view code) const {
    for (std::size_t i = 0; i < kCodes.size(); ++i) {
        if (kCodes.at(i) == code) {
            return by_code_.at(i)->Value();
        }
    }
    return code == "other" ? other_->Value() : 0;
}

}  // namespace robson::api
