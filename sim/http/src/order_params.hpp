#pragma once

#include "json_views.hpp"
#include "params.hpp"
#include "sim_state.hpp"

namespace robson::sim {

/// POST /api/v3/order parameters checked as Binance does: required per type (-1102), not
/// allowed per type (-1106, -1114), enums (-1115/-1116/-1117), client id (-1100/-1118),
/// decimals (-1100/-1111), symbol (-1121). Throws ApiFailure.
struct ParsedOrder {
    OrderRequest request;
    RespType resp_type = RespType::Ack;
};
[[nodiscard]] ParsedOrder parseOrder(SimState& state, const Params& params);

/// A client id parameter: -1118 (new) when empty, -1100 when illegal or longer than 36.
[[nodiscard]] std::optional<std::string> clientIdParam(const Params& params, std::string_view name);

}  // namespace robson::sim
