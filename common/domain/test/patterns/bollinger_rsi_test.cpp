#include "pattern_find.hpp"
#include "pattern_printing.hpp"
#include "pattern_test_candles.hpp"
#include "robson/domain/indicators.hpp"
#include "robson/domain/patterns/pattern.hpp"

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

namespace patterns = robson::domain::patterns;
namespace pt = robson::domain::pattern_test;
using patterns::PatternKind;
using robson::domain::Candle;
using namespace robson::domain::decimal_literals;

namespace {

/// 20 closes of 100, then a gentle zig-zag down to 99.7, then a last close of `last` whose
/// low is `low`: the last close alone moves RSI(14) across 30 (98.77 → 29.53, 98.87 → 30.54),
/// while the low decides the band touch.
std::vector<Candle> slideEndingAt(const std::string& last, const std::string& low) {
    auto series = pt::fromCloses(pt::repeat("100", 20));
    pt::appendCloses(series, {"100.4", "100.0", "100.3", "99.9", "100.2", "99.8", "100.1", "99.7"});
    series.push_back(pt::bar(series.size(), "99.7", "99.7", low, last));
    return series;
}

/// RSI(14) and the lower band (20, 2σ) on the last candle, to state each test's premise.
struct LastIndicators {
    double rsi;
    double lower_band;
};
LastIndicators indicatorsAtEnd(const std::vector<Candle>& series) {
    const auto closes = robson::domain::closes(series);
    const auto strength = robson::domain::rsi(closes, 14);
    const auto bands = robson::domain::bollinger(closes, 20, 2.0);
    return {*strength.back(), bands.back()->lower};
}

/// A steady slide of 0.1 a candle from 100: RSI(14) is 0 from the 15th candle, but every
/// close stays above the lower band (the band lags a straight line), so nothing touches it
/// unless a wick is added.
std::vector<Candle> steadySlide(std::size_t count) {
    std::vector<std::string> closes;
    for (std::size_t i = 0; i < count; ++i) {
        closes.push_back(robson::domain::Decimal::fromUnits(
                             10'000'000'000 - static_cast<std::int64_t>(i) * 10'000'000)
                             .toString());
    }
    return pt::fromCloses(closes);
}

void setLow(std::vector<Candle>& series, std::size_t index, const char* low) {
    series[index].low = robson::domain::Decimal::fromString(low);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(bollinger_rsi)

BOOST_AUTO_TEST_CASE(a_band_touch_with_rsi_below_30_fires_confirmed_at_its_close) {
    const auto series = slideEndingAt("98.77", "98.5");
    const auto premise = indicatorsAtEnd(series);
    BOOST_TEST_REQUIRE(premise.rsi < 30.0);
    BOOST_TEST_REQUIRE(98.5 <= premise.lower_band);
    const auto detection = pt::findKind(patterns::detectAt(series, series.size() - 1),
                                        PatternKind::BollingerRsiBounce);
    BOOST_TEST_REQUIRE(detection.has_value());
    BOOST_TEST(detection->confidence == "0.70"_d);
    BOOST_TEST(detection->confirmed_on_detection);
    BOOST_TEST(detection->confirmation_level == "98.77"_d);
    BOOST_TEST(detection->invalidation_level == "98.5"_d);
    BOOST_TEST(detection->explanation.find("RSI(14) was 29.53 < 30") != std::string::npos,
               detection->explanation);
}

BOOST_AUTO_TEST_CASE(rsi_30_5_with_a_band_touch_does_not_fire) {
    const auto series = slideEndingAt("98.87", "98.5");
    const auto premise = indicatorsAtEnd(series);
    BOOST_TEST_REQUIRE(premise.rsi >= 30.0);
    BOOST_TEST_REQUIRE(premise.rsi < 31.0);
    BOOST_TEST_REQUIRE(98.5 <= premise.lower_band);
    BOOST_TEST(
        pt::triggersOf(patterns::detectAll(series), PatternKind::BollingerRsiBounce).empty());
}

BOOST_AUTO_TEST_CASE(rsi_below_30_without_a_band_touch_does_not_fire) {
    const auto series = steadySlide(40);
    const auto premise = indicatorsAtEnd(series);
    BOOST_TEST_REQUIRE(premise.rsi < 30.0);
    BOOST_TEST_REQUIRE(series.back().low.toDouble() > premise.lower_band);
    BOOST_TEST(
        pt::triggersOf(patterns::detectAll(series), PatternKind::BollingerRsiBounce).empty());
}

BOOST_AUTO_TEST_CASE(a_run_of_touches_fires_on_its_first_candle_and_again_after_a_break) {
    auto series = steadySlide(44);
    setLow(series, 40, "95.7");  // band ≈ 95.797: touch, starts a run → fires
    // 41 keeps its low 95.9 (band ≈ 95.697): no touch, the run ends
    setLow(series, 42, "95.5");  // band ≈ 95.597: touch after a break → fires again
    setLow(series, 43, "95.4");  // band ≈ 95.497: touch inside the run → silent
    BOOST_TEST(pt::triggersOf(patterns::detectAll(series), PatternKind::BollingerRsiBounce) ==
                   (std::vector<std::size_t>{40, 42}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(too_few_candles_for_the_band_never_fire) {
    // 19 candles: no Bollinger band yet, however oversold.
    auto series = steadySlide(19);
    setLow(series, 18, "50");
    BOOST_TEST(
        pt::triggersOf(patterns::detectAll(series), PatternKind::BollingerRsiBounce).empty());
}

BOOST_AUTO_TEST_SUITE_END()
