#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/registry.h>

#include <array>
#include <string_view>

namespace robson::api {

/// robson_http_gate_answers_total{code}: the answers the connection gate gives before any
/// route sees the request (408 slow request, 413 body too large, 431 head too large, 400 /
/// 501 / 505 bad framing, 503 over the connection budget). The router's
/// robson_http_requests_total cannot count them; without this an overloaded or attacked API
/// would look quiet. `code` is the exact status, one of seven; every series exists at 0.
class GateMetrics {
public:
    explicit GateMetrics(prometheus::Registry& registry);

    /// Counts one answer; a status the gate does not give counts as "other".
    void answered(int status);

    [[nodiscard]] double count(std::string_view code) const;

    static constexpr std::array<std::string_view, 7> kCodes{
        "400", "408", "413", "431", "501", "503", "505"};

private:
    prometheus::Family<prometheus::Counter>& answers_;
    std::array<prometheus::Counter*, kCodes.size()> by_code_{};
    prometheus::Counter* other_ = nullptr;
};

}  // namespace robson::api
