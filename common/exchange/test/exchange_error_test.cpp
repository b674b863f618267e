#include "robson/exchange/exchange_error.hpp"

#include "robson/exchange/place_result.hpp"

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <string>

using robson::exchange::ExchangeError;
using robson::exchange::ExchangeErrorKind;
using robson::exchange::ExchangeException;

BOOST_AUTO_TEST_SUITE(exchange_error)

BOOST_AUTO_TEST_CASE(describe_names_kind_code_status_and_message) {
    const ExchangeError error{
        ExchangeErrorKind::FilterFailure, -1013, 400, "Filter failure: LOT_SIZE", std::nullopt};
    BOOST_TEST(error.describe() == "FilterFailure (-1013, HTTP 400): Filter failure: LOT_SIZE");
}

BOOST_AUTO_TEST_CASE(the_open_order_limit_is_the_max_num_orders_filter_failure_only) {
    const auto filter = [](const char* message) {
        return ExchangeError{ExchangeErrorKind::FilterFailure, -1013, 400, message, std::nullopt};
    };
    BOOST_TEST(robson::exchange::isOpenOrderLimit(filter("Filter failure: MAX_NUM_ORDERS")));
    BOOST_TEST(!robson::exchange::isOpenOrderLimit(filter("Filter failure: LOT_SIZE")));
    BOOST_TEST(!robson::exchange::isOpenOrderLimit(filter("Filter failure: MAX_NUM_ALGO_ORDERS")));
    const ExchangeError other_kind{
        ExchangeErrorKind::Rejected, -2010, 400, "Filter failure: MAX_NUM_ORDERS", std::nullopt};
    BOOST_TEST(!robson::exchange::isOpenOrderLimit(other_kind));
}

BOOST_AUTO_TEST_CASE(the_algo_order_limit_is_the_max_num_algo_orders_filter_failure_only) {
    const auto filter = [](const char* message) {
        return ExchangeError{ExchangeErrorKind::FilterFailure, -1013, 400, message, std::nullopt};
    };
    BOOST_TEST(robson::exchange::isAlgoOrderLimit(filter("Filter failure: MAX_NUM_ALGO_ORDERS")));
    BOOST_TEST(!robson::exchange::isAlgoOrderLimit(filter("Filter failure: MAX_NUM_ORDERS")));
    BOOST_TEST(!robson::exchange::isAlgoOrderLimit(filter("Filter failure: PRICE_FILTER")));
    const ExchangeError other_kind{ExchangeErrorKind::Rejected,
                                   -2010,
                                   400,
                                   "Filter failure: MAX_NUM_ALGO_ORDERS",
                                   std::nullopt};
    BOOST_TEST(!robson::exchange::isAlgoOrderLimit(other_kind));
}

BOOST_AUTO_TEST_CASE(describe_of_a_transport_failure_has_no_code) {
    const ExchangeError error{ExchangeErrorKind::Network, 0, 0, "connection refused", std::nullopt};
    BOOST_TEST(error.describe() == "Network: connection refused");
}

BOOST_AUTO_TEST_CASE(rate_limited_describes_its_retry_after) {
    const ExchangeError error{ExchangeErrorKind::RateLimited,
                              -1003,
                              429,
                              "Too many requests",
                              std::chrono::milliseconds(2000)};
    BOOST_TEST(error.describe().find("retry after 2000 ms") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_exception_carries_the_typed_error_and_its_description) {
    const ExchangeException exception(
        ExchangeError{ExchangeErrorKind::Auth, -2015, 401, "Invalid API-key", std::nullopt});
    BOOST_TEST((exception.kind() == ExchangeErrorKind::Auth));
    BOOST_TEST(exception.error().code == -2015);
    BOOST_TEST(std::string(exception.what()) == "Auth (-2015, HTTP 401): Invalid API-key");
}

BOOST_AUTO_TEST_CASE(place_result_exposes_the_error_of_rejected_and_unknown) {
    using robson::exchange::PlaceResult;
    const PlaceResult rejected{robson::exchange::Rejected{
        ExchangeError{ExchangeErrorKind::Rejected, -2010, 400, "x", std::nullopt}}};
    const PlaceResult unknown{robson::exchange::Unknown{
        ExchangeError{ExchangeErrorKind::UnknownStatus, -1007, 500, "y", std::nullopt}}};
    BOOST_TEST(rejected.error().code == -2010);
    BOOST_TEST(unknown.error().code == -1007);
    BOOST_TEST(!unknown.placed());
}

BOOST_AUTO_TEST_SUITE_END()
