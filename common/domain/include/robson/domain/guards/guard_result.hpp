#pragma once

#include "robson/domain/execution_mode.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace robson::domain {

/// A guard's verdict. FAIL blocks the intent; WARNING is shown to the user but never blocks.
enum class GuardStatus { Pass, Warning, Fail };

/// "PASS" / "WARNING" / "FAIL", the wire spelling of the validation JSON.
[[nodiscard]] std::string_view toString(GuardStatus status);
/// The inverse of toString (exact, upper case); nullopt for anything else.
[[nodiscard]] std::optional<GuardStatus> parseGuardStatus(std::string_view text);
/// The more severe of two verdicts (FAIL > WARNING > PASS).
[[nodiscard]] GuardStatus worse(GuardStatus a, GuardStatus b);

/// The guard names as the validation JSON spells them, in the order runGuards returns them.
inline constexpr std::string_view kBalanceCheckGuard = "balance_check";
inline constexpr std::string_view kRiskLimitGuard = "risk_limit";
inline constexpr std::string_view kDailyLossGuard = "daily_loss";
inline constexpr std::string_view kPositionLimitGuard = "position_limit";
inline constexpr std::string_view kMarketHoursGuard = "market_hours";

/// Machine-readable reasons a guard did not PASS, collected in one place so the API, the CLI
/// and tests agree on the spelling.
namespace guard_code {
inline constexpr std::string_view kInvalidOrder = "INVALID_ORDER";
inline constexpr std::string_view kBalanceUnknown = "BALANCE_UNKNOWN";
inline constexpr std::string_view kInsufficientBalance = "INSUFFICIENT_BALANCE";
inline constexpr std::string_view kLowBalanceHeadroom = "LOW_BALANCE_HEADROOM";
inline constexpr std::string_view kInvalidCapital = "INVALID_CAPITAL";
inline constexpr std::string_view kInvalidStop = "INVALID_STOP";
inline constexpr std::string_view kInvalidRisk = "INVALID_RISK";
inline constexpr std::string_view kRiskLimitExceeded = "RISK_LIMIT_EXCEEDED";
inline constexpr std::string_view kPnlUnknown = "PNL_UNKNOWN";
inline constexpr std::string_view kDailyLossLimit = "DAILY_LOSS_LIMIT";
inline constexpr std::string_view kMonthlyLossLimit = "MONTHLY_LOSS_LIMIT";
inline constexpr std::string_view kLossLimitNear = "LOSS_LIMIT_NEAR";
inline constexpr std::string_view kDuplicatePosition = "DUPLICATE_POSITION";
inline constexpr std::string_view kMaxPositions = "MAX_POSITIONS";
inline constexpr std::string_view kPositionLimitNear = "POSITION_LIMIT_NEAR";
inline constexpr std::string_view kPositionsUnknown = "POSITIONS_UNKNOWN";
inline constexpr std::string_view kMarketStatusUnknown = "MARKET_STATUS_UNKNOWN";
inline constexpr std::string_view kMarketClosed = "MARKET_CLOSED";
inline constexpr std::string_view kMaintenanceWindow = "MAINTENANCE_WINDOW";
inline constexpr std::string_view kOrderTypeNotAllowed = "ORDER_TYPE_NOT_ALLOWED";
inline constexpr std::string_view kStaleMarketData = "STALE_MARKET_DATA";
/// The guard's arithmetic left the Decimal range (absurd inputs); set by runGuards.
inline constexpr std::string_view kUncomputable = "UNCOMPUTABLE";
}  // namespace guard_code

/// One guard's outcome, serialised as {name, status, message} (+ code) in the validation
/// JSON. `code` is empty exactly when the guard passed.
struct GuardResult {
    std::string name;
    GuardStatus status = GuardStatus::Fail;
    std::string message;
    std::string code;

    [[nodiscard]] static GuardResult pass(std::string_view name, std::string message);
    [[nodiscard]] static GuardResult warning(std::string_view name,
                                             std::string message,
                                             std::string_view code);
    [[nodiscard]] static GuardResult fail(std::string_view name,
                                          std::string message,
                                          std::string_view code);
    /// For data we could not obtain: FAIL in LIVE (never trade blind), WARNING in DRY_RUN (a
    /// rehearsal may proceed without it, and says so).
    [[nodiscard]] static GuardResult unknownData(ExecutionMode mode,
                                                 std::string_view name,
                                                 std::string message,
                                                 std::string_view code);

    friend bool operator==(const GuardResult&, const GuardResult&) = default;
};

/// The most severe status among the results; PASS for none.
[[nodiscard]] GuardStatus worstStatus(std::span<const GuardResult> results);

}  // namespace robson::domain
