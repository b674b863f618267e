#include "robson/domain/position_sizing.hpp"
#include "robson/testing/domain_printing.hpp"

#include <boost/test/unit_test.hpp>

#include <array>
#include <cmath>
#include <random>

using robson::domain::CostModel;
using robson::domain::Decimal;
using robson::domain::lossAtStop;
using robson::domain::Rounding;
using robson::domain::Side;
using robson::domain::sizePosition;
using robson::domain::SizingBound;
using robson::domain::SizingRefusalCode;
using robson::domain::SizingRequest;
using namespace robson::domain::decimal_literals;

namespace {

/// A random request: log-uniform prices over six decades, 0.1%–10% stops, random costs,
/// steps and ticks from 1e-8 to 1, sometimes a free balance or a position limit.
class RequestGenerator {
public:
    explicit RequestGenerator(std::uint64_t seed) : random_(seed) {}

    SizingRequest next() {
        SizingRequest request;
        request.side = coin() ? Side::Buy : Side::Sell;
        request.capital = decimal(std::pow(10.0, uniform(1.0, 7.0)));
        request.risk_rate = decimal(uniform(0.001, 0.02));
        request.rules.step_size = pick(kSteps);
        request.rules.min_qty = coin() ? request.rules.step_size : Decimal{};
        request.rules.max_qty = coin() ? "9000"_d : Decimal{};
        request.rules.min_notional = coin() ? "5"_d : Decimal{};
        const Decimal price = decimal(std::pow(10.0, uniform(0.0, 6.0)));
        // Real ticks are far finer than the price: keep the tick at most price / 1000.
        do {
            request.rules.tick_size = pick(kTicks);
        } while (mulInteger(request.rules.tick_size, 1000) > price);
        request.entry = price.roundToStep(request.rules.tick_size, Rounding::Ceiling);
        const double distance = uniform(0.001, 0.1);
        const double factor = request.side == Side::Buy ? 1.0 - distance : 1.0 + distance;
        request.stop = decimal(request.entry.toDouble() * factor);
        request.costs = {decimal(uniform(0.0, 0.002)),
                         decimal(uniform(0.0, 0.005)),
                         decimal(uniform(0.0, 0.001))};
        request.max_position_rate = coin() ? "1"_d : decimal(uniform(0.1, 1.0));
        if (coin()) {
            request.free_balance = decimal(request.capital.toDouble() * uniform(0.0, 1.5));
        }
        request.market_order = coin();
        return request;
    }

private:
    static constexpr std::array<const char*, 5> kSteps{
        "0.00000001", "0.000001", "0.00001", "0.001", "1"};
    static constexpr std::array<const char*, 3> kTicks{"0.00000001", "0.01", "1"};

    bool coin() { return std::uniform_int_distribution<int>(0, 1)(random_) == 1; }
    double uniform(double low, double high) {
        return std::uniform_real_distribution<double>(low, high)(random_);
    }
    static Decimal decimal(double value) { return Decimal::fromDouble(value, Rounding::Floor); }
    template <std::size_t N>
    Decimal pick(const std::array<const char*, N>& values) {
        return Decimal::fromString(
            values[std::uniform_int_distribution<std::size_t>(0, N - 1)(random_)]);
    }

    std::mt19937_64 random_;
};

Decimal capValue(const SizingRequest& request) {
    const Decimal available = request.free_balance
                                  ? robson::domain::min(request.capital, *request.free_balance)
                                  : request.capital;
    return mul(available, request.max_position_rate, Rounding::Floor);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(position_sizing_property)

BOOST_AUTO_TEST_CASE(never_plans_more_risk_than_the_budget_nor_more_value_than_the_cap) {
    RequestGenerator generator(20261125);
    int sized = 0;
    for (int i = 0; i < 20'000; ++i) {
        const SizingRequest request = generator.next();
        const auto result = sizePosition(request);
        if (!result.ok()) {
            const auto code = result.refusal().code;
            BOOST_TEST_REQUIRE((code == SizingRefusalCode::BelowMinQuantity ||
                                code == SizingRefusalCode::BelowMinNotional),
                               result.refusal().reason);
            continue;
        }
        ++sized;
        const auto& size = result.size();
        const Decimal step = request.rules.step_size;
        BOOST_TEST_REQUIRE(size.quantity.isPositive());
        BOOST_TEST_REQUIRE(size.quantity.isMultipleOf(step));
        BOOST_TEST_REQUIRE(size.planned_risk <= size.risk_budget);
        BOOST_TEST_REQUIRE(size.value_with_fees <= capValue(request));
        // The promise matches the independent loss calculation.
        BOOST_TEST_REQUIRE(size.planned_risk == lossAtStop(size.quantity,
                                                           request.entry,
                                                           request.stop,
                                                           request.costs,
                                                           request.side,
                                                           request.rules.tick_size));
        // Maximal: one more step would break the bound that decided the size.
        const Decimal bigger = size.quantity + step;
        const bool breaks_risk =
            mul(bigger, size.unit_loss.total, Rounding::Ceiling) > size.risk_budget;
        const bool breaks_cap = bigger > size.cap_quantity;
        const bool at_max = size.bound == SizingBound::MaxQuantity;
        BOOST_TEST_REQUIRE((breaks_risk || breaks_cap || at_max));
    }
    BOOST_TEST(sized > 15'000);
}

BOOST_AUTO_TEST_CASE(handles_tiny_steps_and_whole_unit_steps) {
    SizingRequest request;
    request.capital = "1000"_d;
    request.risk_rate = "0.01"_d;
    request.costs = CostModel::none();
    // A low-priced coin with whole-unit lots: 10 / (0.00001234 − 0.00001200) = 29411764.7… →
    // 29411764.
    request.entry = "0.00001234"_d;
    request.stop = "0.00001200"_d;
    request.rules.step_size = "1"_d;
    auto result = sizePosition(request);
    BOOST_REQUIRE(result.ok());
    BOOST_TEST(result.size().quantity == "29411764"_d);
    BOOST_TEST(result.size().planned_risk == "9.99999976"_d);  // 29411764 × 0.00000034
    // The finest step keeps every digit: 10 / 1932.10 = 0.00517571 (floored at 8 decimals).
    request.entry = "95432.10"_d;
    request.stop = "93500.00"_d;
    request.rules.step_size = "0.00000001"_d;
    result = sizePosition(request);
    BOOST_TEST(result.size().quantity == "0.00517571"_d);
}

BOOST_AUTO_TEST_CASE(handles_huge_prices_and_balances) {
    SizingRequest request;
    request.capital = "50000000000"_d;  // 50 billion, near the Decimal range
    request.risk_rate = "0.02"_d;
    request.entry = "1000000"_d;
    request.stop = "900000"_d;
    request.costs = CostModel::binanceSpot();
    request.rules.step_size = "0.00001"_d;
    const auto result = sizePosition(request);
    BOOST_REQUIRE(result.ok());
    // worst = (1000500 − 899100) + 0.001 × 1899600 = 101400 + 1899.6 = 103299.6;
    // 1e9 / 103299.6 = 9680.5795956… → 9680.57959 on the 0.00001 step.
    BOOST_TEST(result.size().unit_loss.total == "103299.6"_d);
    BOOST_TEST(result.size().quantity == "9680.57959"_d);
    BOOST_TEST(result.size().planned_risk <= result.size().risk_budget);
}

BOOST_AUTO_TEST_SUITE_END()
