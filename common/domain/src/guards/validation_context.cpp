#include "robson/domain/guards/validation_context.hpp"

#include <stdexcept>
#include <string>

namespace robson::domain {
namespace {

void require(bool condition, const char* what) {
    if (!condition) {
        throw std::invalid_argument(std::string("invalid guard limits: ") + what);
    }
}

}  // namespace

void requireValidLimits(const GuardLimits& limits) {
    const Decimal one = Decimal::fromInteger(1);
    require(limits.max_risk_rate.isPositive(), "max_risk_rate must be > 0");
    require(limits.daily_loss_limit_rate.isPositive(), "daily_loss_limit_rate must be > 0");
    require(limits.monthly_loss_limit_rate.isPositive(), "monthly_loss_limit_rate must be > 0");
    require(limits.max_open_positions >= 1, "max_open_positions must be >= 1");
    require(limits.max_data_age_ms > 0, "max_data_age_ms must be > 0");
    require(limits.balance_headroom_rate >= one, "balance_headroom_rate must be >= 1");
    require(limits.loss_warning_rate.isPositive() && limits.loss_warning_rate <= one,
            "loss_warning_rate must be within (0, 1]");
    require(limits.position_warning_margin >= 0, "position_warning_margin must be >= 0");
}

}  // namespace robson::domain
