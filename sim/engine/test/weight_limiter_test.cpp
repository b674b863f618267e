#include "robson/sim/engine/weight_limiter.hpp"

#include <boost/test/unit_test.hpp>

using robson::sim::WeightDecision;
using robson::sim::WeightLimiter;

BOOST_AUTO_TEST_SUITE(sim_weight_limiter)

BOOST_AUTO_TEST_CASE(weight_accumulates_per_ip_within_a_minute_and_resets_after) {
    WeightLimiter limiter(100);
    BOOST_TEST(limiter.charge("a", 20, 60'000).used == 20);
    BOOST_TEST(limiter.charge("a", 20, 61'000).used == 40);
    BOOST_TEST(limiter.charge("b", 5, 61'000).used == 5);
    BOOST_TEST(limiter.charge("a", 1, 120'000).used == 1);
}

BOOST_AUTO_TEST_CASE(going_over_answers_429_until_the_window_ends_then_a_repeat_bans) {
    WeightLimiter limiter(10, 120'000);
    (void)limiter.charge("a", 10, 60'000);
    const WeightDecision over = limiter.charge("a", 1, 90'000);
    BOOST_TEST((over.kind == WeightDecision::Kind::TooMany));
    BOOST_TEST(over.retry_after_s == 30);
    const WeightDecision ban = limiter.charge("a", 1, 91'000);
    BOOST_TEST((ban.kind == WeightDecision::Kind::Banned));
    BOOST_TEST(ban.retry_after_s == 120);
    BOOST_TEST((limiter.charge("a", 1, 150'000).kind == WeightDecision::Kind::Banned));
    BOOST_TEST((limiter.charge("a", 1, 211'001).kind == WeightDecision::Kind::Allowed));
}

BOOST_AUTO_TEST_CASE(a_refund_gives_weight_back) {
    WeightLimiter limiter(10);
    (void)limiter.charge("a", 3, 0);
    limiter.refund("a", 1, 0);
    BOOST_TEST(limiter.used("a", 0) == 2);
}

BOOST_AUTO_TEST_SUITE_END()
