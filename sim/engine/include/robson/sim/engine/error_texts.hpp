#pragma once

#include "robson/sim/engine/order.hpp"

#include <string>
#include <string_view>

/// Binance's exact error texts (docs/reference binance-spot.md §2, §5), in one place so the
/// engine and the HTTP layer answer the same words.
namespace robson::sim::errors {

inline constexpr std::string_view kInvalidSymbol = "Invalid symbol.";
inline constexpr std::string_view kOrderDoesNotExist = "Order does not exist.";
inline constexpr std::string_view kUnknownOrderSent = "Unknown order sent.";
inline constexpr std::string_view kDuplicateOrder = "Duplicate order sent.";
inline constexpr std::string_view kInsufficientBalance =
    "Account has insufficient balance for requested action.";
inline constexpr std::string_view kWouldTrigger = "Order would trigger immediately.";
inline constexpr std::string_view kWouldTake = "Order would immediately match and take.";
inline constexpr std::string_view kSignatureInvalid = "Signature for this request is not valid.";
inline constexpr std::string_view kTimestampBehind =
    "Timestamp for this request is outside of the recvWindow.";
inline constexpr std::string_view kTimestampAhead =
    "Timestamp for this request was 1000ms ahead of the server's time.";
inline constexpr std::string_view kKeyFormat = "API-key format invalid.";
inline constexpr std::string_view kKeyInvalid = "Invalid API-key, IP, or permissions for action.";
inline constexpr std::string_view kUnknownStatus =
    "Timeout waiting for response from backend server. Send status unknown; execution status "
    "unknown.";
inline constexpr std::string_view kInternal =
    "Internal error; unable to process your request. Please try again.";
inline constexpr std::string_view kDecimalRange = "^([0-9]{1,20})(\\.[0-9]{1,20})?$";

[[nodiscard]] inline ApiError invalidSymbol() {
    return ApiError{-1121, std::string(kInvalidSymbol), 400};
}
[[nodiscard]] inline ApiError rejected(std::string_view text) {
    return ApiError{-2010, std::string(text), 400};
}
[[nodiscard]] inline ApiError filterFailure(std::string_view filter) {
    return ApiError{-1013, "Filter failure: " + std::string(filter), 400};
}
[[nodiscard]] inline ApiError mandatory(std::string_view name) {
    return ApiError{-1102,
                    "Mandatory parameter '" + std::string(name) +
                        "' was not sent, was empty/null, or malformed.",
                    400};
}
[[nodiscard]] inline ApiError illegalChars(std::string_view name, std::string_view range) {
    return ApiError{-1100,
                    "Illegal characters found in parameter '" + std::string(name) +
                        "'; legal range is '" + std::string(range) + "'.",
                    400};
}
[[nodiscard]] inline ApiError tooMuchPrecision(std::string_view name) {
    return ApiError{-1111, "Parameter '" + std::string(name) + "' has too much precision.", 400};
}
[[nodiscard]] inline ApiError notRequired(std::string_view name) {
    return ApiError{-1106, "Parameter '" + std::string(name) + "' sent when not required.", 400};
}

}  // namespace robson::sim::errors
