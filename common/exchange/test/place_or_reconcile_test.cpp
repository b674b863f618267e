#include "robson/exchange/place_or_reconcile.hpp"

#include "fake_gateway.hpp"
#include "robson/testing/domain_printing.hpp"

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <vector>

using robson::exchange::ExchangeError;
using robson::exchange::ExchangeErrorKind;
using robson::exchange::OrderState;
using robson::exchange::OrderStatus;
using robson::exchange::Placed;
using robson::exchange::PlaceResult;
using robson::exchange::ReconcilePolicy;
using robson::exchange::Rejected;
using robson::exchange::Unknown;
using robson::exchange::testing::FakeGateway;

namespace {

robson::domain::PlannedOrder marketBuy() {
    robson::domain::PlannedOrder order;
    order.client_order_id = "rb-42-e";
    order.symbol = "BTCUSDT";
    order.quantity = robson::domain::Decimal::fromString("0.001");
    return order;
}

OrderState filled(std::int64_t order_id) {
    OrderState state;
    state.symbol = "BTCUSDT";
    state.order_id = order_id;
    state.client_order_id = "rb-42-e";
    state.status = OrderStatus::Filled;
    return state;
}

ExchangeError error(ExchangeErrorKind kind, int code) {
    return ExchangeError{kind, code, 400, "scripted", std::nullopt};
}

/// A policy that records its waits instead of sleeping.
struct RecordingPolicy {
    std::vector<std::chrono::milliseconds> waits;
    ReconcilePolicy policy;
    explicit RecordingPolicy(int attempts) {
        policy.query_attempts = attempts;
        policy.first_backoff = std::chrono::milliseconds(100);
        policy.max_backoff = std::chrono::milliseconds(300);
        policy.sleep = [this](std::chrono::milliseconds wait) { waits.push_back(wait); };
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(place_or_reconcile)

BOOST_AUTO_TEST_CASE(a_placed_order_is_returned_without_any_query) {
    FakeGateway gateway;
    gateway.place_answers.push_back(PlaceResult{Placed{filled(7)}});
    RecordingPolicy recording(3);
    const auto result = placeOrReconcile(gateway, marketBuy(), recording.policy);
    BOOST_TEST(result.placed());
    BOOST_TEST(gateway.queries == 0);
}

BOOST_AUTO_TEST_CASE(a_definite_rejection_is_returned_without_any_query) {
    FakeGateway gateway;
    gateway.place_answers.push_back(
        PlaceResult{Rejected{error(ExchangeErrorKind::FilterFailure, -1013)}});
    RecordingPolicy recording(3);
    const auto result = placeOrReconcile(gateway, marketBuy(), recording.policy);
    BOOST_TEST(result.rejected());
    BOOST_TEST(gateway.queries == 0);
    BOOST_TEST(gateway.placements == 1);
}

BOOST_AUTO_TEST_CASE(an_unknown_outcome_adopts_the_order_found_by_its_client_id) {
    FakeGateway gateway;
    gateway.place_answers.push_back(
        PlaceResult{Unknown{error(ExchangeErrorKind::UnknownStatus, -1007)}});
    gateway.query_answers.emplace_back(std::monostate{});  // lagging GET: -2013 first
    gateway.query_answers.emplace_back(filled(9));
    RecordingPolicy recording(5);
    const auto result = placeOrReconcile(gateway, marketBuy(), recording.policy);
    BOOST_REQUIRE(result.placed());
    BOOST_TEST(result.order().order_id == 9);
    BOOST_TEST(gateway.placements == 1);
    BOOST_TEST(gateway.queries == 2);
}

BOOST_AUTO_TEST_CASE(the_order_is_sent_again_only_after_it_is_confirmed_absent) {
    FakeGateway gateway;
    gateway.place_answers.push_back(
        PlaceResult{Unknown{error(ExchangeErrorKind::UnknownStatus, 0)}});
    gateway.place_answers.push_back(PlaceResult{Placed{filled(11)}});
    for (int i = 0; i < 3; ++i) {
        gateway.query_answers.emplace_back(std::monostate{});
    }
    RecordingPolicy recording(3);
    const auto result = placeOrReconcile(gateway, marketBuy(), recording.policy);
    BOOST_REQUIRE(result.placed());
    BOOST_TEST(result.order().order_id == 11);
    BOOST_TEST(gateway.placements == 2);
    BOOST_TEST(gateway.queries == 3);
}

BOOST_AUTO_TEST_CASE(failing_queries_never_lead_to_a_second_send) {
    FakeGateway gateway;
    gateway.place_answers.push_back(
        PlaceResult{Unknown{error(ExchangeErrorKind::UnknownStatus, 0)}});
    gateway.query_answers.emplace_back(std::monostate{});
    gateway.query_answers.emplace_back(error(ExchangeErrorKind::Network, 0));
    RecordingPolicy recording(2);
    const auto result = placeOrReconcile(gateway, marketBuy(), recording.policy);
    BOOST_TEST(result.unknown());
    BOOST_TEST(gateway.placements == 1);
    BOOST_TEST(toString(result.error().kind) == "UnknownStatus");
}

BOOST_AUTO_TEST_CASE(a_duplicate_order_rejection_adopts_the_open_order) {
    FakeGateway gateway;
    gateway.place_answers.push_back(
        PlaceResult{Rejected{error(ExchangeErrorKind::DuplicateOrder, -2010)}});
    OrderState open = filled(5);
    open.status = OrderStatus::New;
    gateway.query_answers.emplace_back(open);
    RecordingPolicy recording(3);
    const auto result = placeOrReconcile(gateway, marketBuy(), recording.policy);
    BOOST_REQUIRE(result.placed());
    BOOST_TEST(result.order().order_id == 5);
    BOOST_TEST(gateway.placements == 1);
}

BOOST_AUTO_TEST_CASE(sends_are_bounded_by_max_placements) {
    FakeGateway gateway;
    for (int i = 0; i < 2; ++i) {
        gateway.place_answers.push_back(
            PlaceResult{Unknown{error(ExchangeErrorKind::UnknownStatus, 0)}});
        gateway.query_answers.emplace_back(std::monostate{});
    }
    RecordingPolicy recording(1);
    recording.policy.max_placements = 2;
    const auto result = placeOrReconcile(gateway, marketBuy(), recording.policy);
    BOOST_TEST(result.unknown());
    BOOST_TEST(gateway.placements == 2);
}

BOOST_AUTO_TEST_CASE(backoff_doubles_up_to_its_cap) {
    FakeGateway gateway;
    gateway.place_answers.push_back(
        PlaceResult{Unknown{error(ExchangeErrorKind::UnknownStatus, 0)}});
    for (int i = 0; i < 4; ++i) {
        gateway.query_answers.emplace_back(error(ExchangeErrorKind::Network, 0));
    }
    RecordingPolicy recording(4);
    (void)placeOrReconcile(gateway, marketBuy(), recording.policy);
    const std::vector<std::chrono::milliseconds> expected{std::chrono::milliseconds(100),
                                                          std::chrono::milliseconds(200),
                                                          std::chrono::milliseconds(300),
                                                          std::chrono::milliseconds(300)};
    BOOST_TEST(recording.waits == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
