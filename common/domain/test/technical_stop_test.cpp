#include "robson/domain/technical_stop.hpp"

#include "robson/testing/domain_printing.hpp"
#include "technical_stop_test_candles.hpp"

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

using robson::domain::analyzeTechnicalStop;
using robson::domain::Candle;
using robson::domain::Decimal;
using robson::domain::defaultSpotRules;
using robson::domain::FallbackReason;
using robson::domain::LevelSkipReason;
using robson::domain::Side;
using robson::domain::StopConfidence;
using robson::domain::StopConfig;
using robson::domain::StopMethod;
using robson::domain::StopRejectionCode;
using robson::domain::SymbolRules;
using namespace robson::domain::decimal_literals;
namespace tc = robson::domain::test_candles;

namespace {

const SymbolRules kBtc = defaultSpotRules("BTCUSDT");  // tick 0.01

SymbolRules withTick(Decimal tick) {
    SymbolRules rules = kBtc;
    rules.tick_size = tick;
    rules.max_price = {};
    return rules;
}

/// §2.4: swing lows 99.40, 97.70, 99.60, 96.00, 98.00, two higher candles around each.
std::vector<Candle> workedExample(int bars = 2) {
    return tc::fromLows(
        tc::withFillers({"99.40", "97.70", "99.60", "96.00", "98.00"}, "101", bars));
}

/// Lows (in hundredths) falling or rising by 0.40 per candle from `from` to `to`, `from`
/// excluded.
void walk(std::vector<std::string>& lows, std::int64_t from, std::int64_t to) {
    const std::int64_t step = to < from ? -40 : 40;
    for (std::int64_t value = from + step; step < 0 ? value >= to : value <= to; value += step) {
        lows.push_back(tc::hundredths(value));
    }
}

/// Every true range 0.80; swing lows at 99.20 and 88.00 (levels at 0.8% and 12%).
std::vector<Candle> tooFarLevelWithAtr080() {
    std::vector<std::string> lows{"100"};
    walk(lows, 10000, 9920);
    walk(lows, 9920, 10000);
    walk(lows, 10000, 8800);
    walk(lows, 8800, 10000);
    return tc::constantRange(lows, "0.8"_d);
}

std::vector<Candle> flatCandles(int count, Decimal low, Decimal high) {
    std::vector<Candle> out;
    out.reserve(static_cast<std::size_t>(count));
    const Decimal mid = Decimal::fromUnits((low.units() + high.units()) / 2);
    for (int i = 0; i < count; ++i) {
        out.push_back(tc::candle(out.size(), mid, high, low, mid));
    }
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(technical_stop)

BOOST_AUTO_TEST_CASE(worked_example_anchors_at_the_second_support_adverse_extreme) {
    const auto a = analyzeTechnicalStop(workedExample(), Side::Buy, "100"_d, StopConfig{}, kBtc);
    BOOST_TEST(!a.rejection.has_value());
    BOOST_TEST(a.method == StopMethod::Level);
    BOOST_TEST(a.stop == "97.70"_d);  // R's representative; P's mean rule gave 97.85
    BOOST_TEST(a.confidence == StopConfidence::High);
    BOOST_TEST(a.chosen_level.value_or(0) == 2);
    BOOST_TEST(a.distance == "2.30"_d);
    BOOST_TEST(a.distance_percent == "2.3"_d);
    BOOST_TEST(a.candles_read == 17U);
    BOOST_TEST(a.swings_found == 5U);
    BOOST_REQUIRE(a.levels.size() == 3U);
    BOOST_TEST(a.levels[0].price == "99.40"_d);
    BOOST_TEST(a.levels[1].touches == 2);
    BOOST_TEST(a.levels[2].price == "96"_d);
    BOOST_TEST(a.skips.empty());
    BOOST_TEST(!a.atr.has_value());
    BOOST_TEST(robson::domain::explainTechnicalStop(a) ==
               "Stop 97.70 at the 2nd support below 100.00 (97.70, 2 touches), 2.30% away; "
               "confidence HIGH. Read 17 candles: 5 swings, 3 supports below the entry.");
}

BOOST_AUTO_TEST_CASE(walks_deeper_past_a_level_that_is_too_close) {
    StopConfig config;
    config.cluster_tolerance_rate = "0.0005"_d;  // 0.05 at entry 100
    const auto candles = tc::fromLows(tc::withFillers({"99.97", "99.91", "99.50"}, "101"));
    const auto a = analyzeTechnicalStop(candles, Side::Buy, "100"_d, config, kBtc);
    BOOST_TEST(a.stop == "99.50"_d);
    BOOST_TEST(a.chosen_level.value_or(0) == 3);
    BOOST_TEST(a.confidence == StopConfidence::Medium);
    BOOST_REQUIRE(a.skips.size() == 1U);
    BOOST_TEST(a.skips[0].level == 2);
    BOOST_TEST(a.skips[0].level_price == "99.91"_d);
    BOOST_TEST(a.skips[0].distance_percent == "0.09"_d);
    BOOST_TEST(a.skips[0].reason == LevelSkipReason::BelowMin);
    BOOST_TEST(robson::domain::explainTechnicalStop(a) ==
               "Stop 99.50 at the 3rd support below 100.00 (99.50, 1 touch), 0.50% away; "
               "confidence MEDIUM. Before it, the 2nd support 99.91 was skipped (stop 99.91, "
               "0.09% away, under the 0.1% minimum). Read 11 candles: 3 swings, 3 supports "
               "below the entry.");
}

BOOST_AUTO_TEST_CASE(a_level_too_far_falls_back_to_the_atr) {
    const auto a =
        analyzeTechnicalStop(tooFarLevelWithAtr080(), Side::Buy, "100"_d, StopConfig{}, kBtc);
    BOOST_REQUIRE(a.levels.size() == 2U);
    BOOST_TEST(a.levels[1].price == "88"_d);
    BOOST_REQUIRE(a.skips.size() == 1U);
    BOOST_TEST(a.skips[0].reason == LevelSkipReason::AboveMax);
    BOOST_TEST(a.fallback_reason == FallbackReason::LevelTooFar);
    BOOST_TEST(a.method == StopMethod::AtrFallback);
    BOOST_REQUIRE(a.atr.has_value());
    BOOST_TEST(std::abs(*a.atr - 0.8) < 1e-9);
    BOOST_TEST(a.stop == "98.80"_d);  // 100 − 1.5 × 0.80
    BOOST_TEST(a.confidence == StopConfidence::Low);
    BOOST_TEST(!a.chosen_level.has_value());
    BOOST_TEST(robson::domain::explainTechnicalStop(a) ==
               "Stop 98.80 is 1.5 x ATR(14) below the entry 100.00 (ATR 0.80), 1.20% away; "
               "confidence LOW, because the 2nd support 88.00 was skipped (stop 88.00, 12.00% "
               "away, beyond the 10% maximum). Read 65 candles: 2 swings, 2 supports below the "
               "entry.");
}

BOOST_AUTO_TEST_CASE(an_atr_fallback_out_of_bounds_is_a_rejection) {
    // No swings (equal lows), every true range 8: 100 − 1.5 × 8 = 88.00, 12% away.
    const auto a = analyzeTechnicalStop(
        flatCandles(20, "96"_d, "104"_d), Side::Buy, "100"_d, StopConfig{}, kBtc);
    BOOST_TEST(a.fallback_reason == FallbackReason::FewerLevelsThanN);
    BOOST_TEST(a.method == StopMethod::AtrFallback);
    BOOST_TEST(!a.stop.has_value());
    BOOST_TEST(!a.confidence.has_value());
    BOOST_REQUIRE(a.rejection.has_value());
    BOOST_TEST(a.rejection->code == StopRejectionCode::TooFar);
    BOOST_TEST(a.rejection->message ==
               "no usable level and the ATR(14) fallback fails: stop 88.00 is 12.00% from the "
               "entry 100.00; the maximum is 10%");
    BOOST_TEST(*a.atr == 8.0);
}

BOOST_AUTO_TEST_CASE(a_flat_market_has_no_pivots_and_a_zero_atr) {
    const auto a = analyzeTechnicalStop(
        flatCandles(30, "100"_d, "100"_d), Side::Buy, "100"_d, StopConfig{}, kBtc);
    BOOST_TEST(a.swings_found == 0U);
    BOOST_TEST(*a.atr == 0.0);
    BOOST_REQUIRE(a.rejection.has_value());
    BOOST_TEST(a.rejection->code == StopRejectionCode::TooClose);
    BOOST_TEST(!a.stop.has_value());
}

BOOST_AUTO_TEST_CASE(sell_side_mirrors_on_resistances) {
    const auto candles =
        tc::fromHighs(tc::withFillers({"100.60", "102.30", "100.40", "104.00", "102.00"}, "99"));
    const auto a = analyzeTechnicalStop(candles, Side::Sell, "100"_d, StopConfig{}, kBtc);
    BOOST_TEST(a.stop == "102.30"_d);
    BOOST_TEST(a.confidence == StopConfidence::High);
    BOOST_TEST(a.levels[0].price == "100.60"_d);
    BOOST_TEST(robson::domain::explainTechnicalStop(a).starts_with(
        "Stop 102.30 at the 2nd resistance above 100.00 (102.30, 2 touches), 2.30% away"));
}

BOOST_AUTO_TEST_CASE(too_little_data_is_named) {
    const auto none = analyzeTechnicalStop({}, Side::Buy, "100"_d, StopConfig{}, kBtc);
    BOOST_TEST(none.rejection->code == StopRejectionCode::InsufficientData);
    BOOST_TEST(!none.method.has_value());
    const auto one =
        analyzeTechnicalStop(tc::fromLows({"99"}), Side::Buy, "100"_d, StopConfig{}, kBtc);
    BOOST_TEST(one.candles_read == 1U);
    BOOST_TEST(one.fallback_reason == FallbackReason::FewerLevelsThanN);
    BOOST_TEST(one.rejection->code == StopRejectionCode::InsufficientData);
    BOOST_TEST(one.rejection->message ==
               "no usable level and the ATR(14) fallback needs at least 15 candles, got 1");
    BOOST_TEST(robson::domain::explainTechnicalStop(one) ==
               "No stop for the BUY at 100.00: no usable level and the ATR(14) fallback needs at "
               "least 15 candles, got 1. The ATR fallback was tried because no support was found "
               "below the entry and the 2nd is needed. Read 1 candle: 0 swings, 0 supports below "
               "the entry.");
}

BOOST_AUTO_TEST_CASE(bad_input_is_rejected_not_thrown) {
    const auto zero = analyzeTechnicalStop(workedExample(), Side::Buy, "0"_d, StopConfig{}, kBtc);
    BOOST_TEST(zero.rejection->code == StopRejectionCode::InvalidInput);
    auto candles = workedExample();
    candles[3].low = candles[3].high + "1"_d;
    const auto malformed = analyzeTechnicalStop(candles, Side::Buy, "100"_d, StopConfig{}, kBtc);
    BOOST_TEST(malformed.rejection->code == StopRejectionCode::InvalidInput);
    BOOST_TEST(malformed.rejection->message.starts_with("candle 4 of 17 (open time 2700000)"));
    StopConfig config;
    config.level_n = 0;
    const auto bad_config = analyzeTechnicalStop(workedExample(), Side::Buy, "100"_d, config, kBtc);
    BOOST_TEST(bad_config.rejection->code == StopRejectionCode::InvalidInput);
    BOOST_TEST(robson::domain::explainTechnicalStop(bad_config) ==
               "No stop for the BUY at 100.00: stop config level_n must be at least 1, got 0.");
}

BOOST_AUTO_TEST_CASE(a_gap_leaves_old_supports_above_the_entry_out) {
    // Swings at 110 and 108, then a gap down to a range with swings at 99 and 97.
    auto lows = tc::withFillers({"110", "108"}, "112");
    const auto after_gap = tc::withFillers({"99", "97"}, "101");
    lows.insert(lows.end(), after_gap.begin(), after_gap.end());
    const auto a = analyzeTechnicalStop(tc::fromLows(lows), Side::Buy, "100"_d, StopConfig{}, kBtc);
    BOOST_TEST(a.swings_found == 4U);
    BOOST_TEST(a.levels.size() == 2U);
    BOOST_TEST(a.stop == "97"_d);
    BOOST_TEST(a.confidence == StopConfidence::High);
}

BOOST_AUTO_TEST_CASE(equal_lows_do_not_make_a_swing) {
    const auto candles = tc::fromLows({"101", "101", "97", "97", "101", "101"});
    const auto a = analyzeTechnicalStop(candles, Side::Buy, "100"_d, StopConfig{}, kBtc);
    BOOST_TEST(a.swings_found == 0U);
}

BOOST_AUTO_TEST_CASE(pivot_bars_one_and_three) {
    StopConfig config;
    config.pivot_bars = 1;
    const auto tight = workedExample(1);
    BOOST_TEST(analyzeTechnicalStop(tight, Side::Buy, "100"_d, config, kBtc).stop == "97.70"_d);
    // With 3 bars only 97.70 and 96.00 are lower than three neighbours on each side.
    config.pivot_bars = 3;
    const auto a = analyzeTechnicalStop(tight, Side::Buy, "100"_d, config, kBtc);
    BOOST_TEST(a.swings_found == 2U);
    BOOST_TEST(a.stop == "96"_d);
    BOOST_TEST(analyzeTechnicalStop(workedExample(3), Side::Buy, "100"_d, config, kBtc).stop ==
               "97.70"_d);
}

BOOST_AUTO_TEST_CASE(min_touches_two_drops_single_swings) {
    StopConfig config;
    config.min_touches = 2;
    const auto a = analyzeTechnicalStop(workedExample(), Side::Buy, "100"_d, config, kBtc);
    BOOST_TEST(a.levels.size() == 2U);  // {96.00} is gone
    BOOST_TEST(a.stop == "97.70"_d);
    config.level_n = 3;
    const auto deeper = analyzeTechnicalStop(workedExample(), Side::Buy, "100"_d, config, kBtc);
    BOOST_TEST(deeper.fallback_reason == FallbackReason::FewerLevelsThanN);
}

BOOST_AUTO_TEST_CASE(level_buffer_moves_the_stop_beyond_the_level_then_floors_to_the_tick) {
    StopConfig config;
    config.level_buffer_rate = "0.001"_d;  // 97.70 × 0.001 = 0.0977 → 97.6023 → 97.60
    const auto a = analyzeTechnicalStop(workedExample(), Side::Buy, "100"_d, config, kBtc);
    BOOST_TEST(a.stop == "97.60"_d);
    BOOST_TEST(a.distance == "2.40"_d);
    BOOST_TEST(robson::domain::explainTechnicalStop(a).starts_with(
        "Stop 97.60 at the 2nd support below 100.00 (97.70, 2 touches), 2.40% away, 0.1% "
        "beyond the level; confidence HIGH."));
}

BOOST_AUTO_TEST_CASE(level_n_one_takes_the_nearest_level) {
    StopConfig config;
    config.level_n = 1;
    const auto a = analyzeTechnicalStop(workedExample(), Side::Buy, "100"_d, config, kBtc);
    BOOST_TEST(a.stop == "99.40"_d);
    BOOST_TEST(a.confidence == StopConfidence::High);
}

BOOST_AUTO_TEST_CASE(every_level_too_close_falls_back_to_the_atr) {
    StopConfig config;
    config.cluster_tolerance_rate = "0.0001"_d;
    auto lows = std::vector<std::string>(20, "101");
    const auto swings = tc::withFillers({"99.95", "99.92"}, "101");
    lows.insert(lows.end(), swings.begin(), swings.end());
    const auto a = analyzeTechnicalStop(tc::fromLows(lows), Side::Buy, "100"_d, config, kBtc);
    BOOST_TEST(a.fallback_reason == FallbackReason::NoLevelFarEnough);
    BOOST_TEST(a.skips.size() == 1U);
    BOOST_TEST(a.method == StopMethod::AtrFallback);
    BOOST_TEST(a.confidence == StopConfidence::Low);
    BOOST_TEST(a.stop.has_value());
}

BOOST_AUTO_TEST_CASE(only_the_lookback_window_is_read) {
    StopConfig config;
    config.lookback = 10;  // the last 10 candles hold the swings 96.00 and 98.00 only
    const auto a = analyzeTechnicalStop(workedExample(), Side::Buy, "100"_d, config, kBtc);
    BOOST_TEST(a.candles_read == 10U);
    BOOST_TEST(a.swings_found == 2U);
    BOOST_TEST(a.stop == "96"_d);
}

BOOST_AUTO_TEST_CASE(huge_prices) {
    const auto candles = tc::fromLows(
        tc::withFillers({"4970000", "4885000", "4980000", "4800000", "4900000"}, "5050000"));
    const auto a = analyzeTechnicalStop(candles, Side::Buy, "5000000"_d, StopConfig{}, kBtc);
    BOOST_TEST(a.stop == "4885000"_d);
    BOOST_TEST(a.confidence == StopConfidence::High);
    BOOST_TEST(a.distance_percent == "2.3"_d);
}

BOOST_AUTO_TEST_CASE(tiny_prices_with_a_one_satoshi_tick) {
    // tolerance 0.00001234 × 0.5% = 6.17e-8 → 6 units; swings 14, 34 and 84 units away.
    // Buffer 0.1%: 1200 units × 0.001 = 1.2 → 2 units (rounded away) → 0.00001198.
    StopConfig config;
    config.level_buffer_rate = "0.001"_d;
    const auto candles = tc::fromLows(
        tc::withFillers({"0.00001220", "0.00001200", "0.00001150"}, "0.00001300"), "0.0000001"_d);
    const auto a =
        analyzeTechnicalStop(candles, Side::Buy, "0.00001234"_d, config, withTick("0.00000001"_d));
    BOOST_TEST(a.levels.size() == 3U);
    BOOST_TEST(a.stop == "0.00001198"_d);
    BOOST_TEST(a.confidence == StopConfidence::High);
    BOOST_TEST(robson::domain::explainTechnicalStop(a).starts_with(
        "Stop 0.00001198 at the 2nd support below 0.00001234 (0.000012, 1 touch), 2.92% away, 0.1% "
        "beyond the "
        "level"));
}

BOOST_AUTO_TEST_CASE(a_whole_number_tick_rounds_away_from_the_entry) {
    const auto rules = withTick("1"_d);
    const auto lows = tc::fromLows(tc::withFillers({"29850.5", "29400.7"}, "30100"));
    const auto buy = analyzeTechnicalStop(lows, Side::Buy, "30000"_d, StopConfig{}, rules);
    BOOST_TEST(buy.stop == "29400"_d);
    const auto highs = tc::fromHighs(tc::withFillers({"30150.5", "30600.2"}, "29900"));
    const auto sell = analyzeTechnicalStop(highs, Side::Sell, "30000"_d, StopConfig{}, rules);
    BOOST_TEST(sell.stop == "30601"_d);
}

BOOST_AUTO_TEST_CASE(wire_names) {
    BOOST_TEST(toString(StopMethod::Level) == "LEVEL");
    BOOST_TEST(toString(StopMethod::AtrFallback) == "ATR_FALLBACK");
    BOOST_TEST(toString(StopConfidence::Medium) == "MEDIUM");
    BOOST_TEST(toString(LevelSkipReason::BelowMin) == "below_min");
    BOOST_TEST(toString(LevelSkipReason::AboveMax) == "above_max");
    BOOST_TEST(toString(FallbackReason::NoLevelFarEnough) == "NO_LEVEL_FAR_ENOUGH");
}

BOOST_AUTO_TEST_SUITE_END()
