#include "robson/binance/weight_pacer.hpp"

#include <boost/test/unit_test.hpp>

using robson::binance::WeightPacer;

BOOST_AUTO_TEST_SUITE(weight_pacer)

BOOST_AUTO_TEST_CASE(no_wait_while_the_minute_has_room) {
    WeightPacer pacer(100);
    pacer.onResponse(50, 60'000);
    BOOST_TEST(pacer.delayFor(50, 60'500).count() == 0);
    BOOST_TEST(pacer.usedWeight() == 50);
}

BOOST_AUTO_TEST_CASE(a_full_minute_waits_for_the_next_one) {
    WeightPacer pacer(100);
    pacer.onResponse(95, 60'000);
    BOOST_TEST(pacer.delayFor(10, 90'000).count() == 30'000);
}

BOOST_AUTO_TEST_CASE(weight_used_in_an_earlier_minute_does_not_count) {
    WeightPacer pacer(100);
    pacer.onResponse(100, 60'000);
    BOOST_TEST(pacer.delayFor(10, 120'001).count() == 0);
}

BOOST_AUTO_TEST_CASE(retry_after_blocks_until_it_expires) {
    WeightPacer pacer(100);
    pacer.onRetryAfter(std::chrono::milliseconds(2000), 10'000);
    BOOST_TEST(pacer.delayFor(1, 10'500).count() == 1500);
    BOOST_TEST(pacer.delayFor(1, 12'000).count() == 0);
}

BOOST_AUTO_TEST_CASE(a_response_without_the_header_changes_nothing) {
    WeightPacer pacer(100);
    pacer.onResponse(99, 60'000);
    pacer.onResponse(std::nullopt, 60'100);
    BOOST_TEST(pacer.delayFor(5, 60'200).count() > 0);
}

BOOST_AUTO_TEST_SUITE_END()
