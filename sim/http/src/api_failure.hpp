#pragma once

#include "robson/sim/engine/order.hpp"

#include <stdexcept>
#include <utility>

namespace robson::sim {

/// Thrown inside a request to answer a Binance error; caught once at the handler entry.
class ApiFailure : public std::runtime_error {
public:
    explicit ApiFailure(ApiError error) : std::runtime_error(error.msg), error_(std::move(error)) {}
    [[nodiscard]] const ApiError& error() const { return error_; }

private:
    ApiError error_;
};

}  // namespace robson::sim
