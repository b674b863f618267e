// Exchange benchmarks (make bench): the simulator over loopback and the Binance adapter's
// overhead. Baseline: a bare keep-alive HTTP GET of /api/v3/ping in the same run.
#include "robson/binance/binance_gateway.hpp"
#include "robson/domain/execution_plan.hpp"
#include "sim_process.hpp"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>
#include <benchmark/benchmark.h>

#include <istream>
#include <memory>
#include <string>

namespace {

using robson::binance::testing::SimProcess;

/// One simulator for the whole run, with the weight limit lifted so pacing does not dominate.
SimProcess& simulator() {
    static SimProcess process({"--weight-limit", "100000000"});
    return process;
}

robson::binance::BinanceConfig config() {
    auto cfg = robson::binance::BinanceConfig::forUrl(
        simulator().url(), SimProcess::kApiKey, SimProcess::kApiSecret);
    cfg.max_weight_per_minute = 100'000'000;
    return cfg;
}

void baselineBareHttpPing(benchmark::State& state) {
    const Poco::URI uri(simulator().url());
    Poco::Net::HTTPClientSession session(uri.getHost(), uri.getPort());
    session.setKeepAlive(true);
    for (auto _ : state) {
        Poco::Net::HTTPRequest request(
            Poco::Net::HTTPRequest::HTTP_GET, "/api/v3/ping", Poco::Net::HTTPMessage::HTTP_1_1);
        request.setKeepAlive(true);
        session.sendRequest(request);
        Poco::Net::HTTPResponse response;
        std::istream& body = session.receiveResponse(response);
        std::string text;
        Poco::StreamCopier::copyToString(body, text);
        benchmark::DoNotOptimize(text);
    }
}
BENCHMARK(baselineBareHttpPing)->UseRealTime();

void adapterLastPrice(benchmark::State& state) {
    robson::binance::BinanceGateway gateway(config());
    for (auto _ : state) {
        benchmark::DoNotOptimize(gateway.lastPrice("BTCUSDT"));
    }
}
BENCHMARK(adapterLastPrice)->UseRealTime();

void adapterBalances(benchmark::State& state) {  // a signed call: HMAC + time offset
    robson::binance::BinanceGateway gateway(config());
    for (auto _ : state) {
        benchmark::DoNotOptimize(gateway.balances());
    }
}
BENCHMARK(adapterBalances)->UseRealTime();

// One order round trip: place a LIMIT far below the market (it rests), then cancel it.
void simulatorOrderRoundTrip(benchmark::State& state) {
    robson::binance::BinanceGateway gateway(config());
    const auto price = gateway.lastPrice("BTCUSDT");
    robson::domain::PlannedOrder order;
    order.symbol = "BTCUSDT";
    order.side = robson::domain::Side::Buy;
    order.type = robson::domain::OrderType::Limit;
    order.quantity = robson::domain::Decimal::fromString("0.001");
    order.price =
        robson::domain::div(
            price, robson::domain::Decimal::fromInteger(2), robson::domain::Rounding::Floor)
            .floorToStep(robson::domain::Decimal::fromString("0.01"));
    order.time_in_force = robson::domain::TimeInForce::Gtc;
    std::int64_t n = 0;
    for (auto _ : state) {
        order.client_order_id = "bench-" + std::to_string(n++);
        auto placed = gateway.placeOrder(order);
        benchmark::DoNotOptimize(placed);
        benchmark::DoNotOptimize(gateway.cancelOrder("BTCUSDT", order.client_order_id));
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(simulatorOrderRoundTrip)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
