#include "robson/binance/error_mapping.hpp"

#include <boost/test/unit_test.hpp>

#include <chrono>

using robson::binance::kindForCode;
using robson::binance::mapHttpError;
using Kind = robson::exchange::ExchangeErrorKind;

namespace {
Kind kindOf(int status, const char* body) {
    return mapHttpError(status, body, std::nullopt).kind;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(error_mapping)

BOOST_AUTO_TEST_CASE(order_rejections_are_split_by_the_engine_message) {
    BOOST_TEST((kindForCode(-2010, "Duplicate order sent.") == Kind::DuplicateOrder));
    BOOST_TEST((kindForCode(-2010, "Account has insufficient balance for requested action.") ==
                Kind::InsufficientBalance));
    BOOST_TEST((kindForCode(-2010, "Order would trigger immediately.") == Kind::Rejected));
}

BOOST_AUTO_TEST_CASE(every_listed_code_has_its_kind) {
    BOOST_TEST((kindForCode(-1013, "Filter failure: LOT_SIZE") == Kind::FilterFailure));
    BOOST_TEST((kindForCode(-2013, "Order does not exist.") == Kind::UnknownOrder));
    BOOST_TEST((kindForCode(-2011, "Unknown order sent.") == Kind::UnknownOrder));
    BOOST_TEST((kindForCode(-2011, "Order was not canceled due to cancel restrictions.") ==
                Kind::Rejected));
    for (const int code : {-1000, -1001, -1006, -1007, -1008}) {
        BOOST_TEST((kindForCode(code, "") == Kind::UnknownStatus), "code " << code);
    }
    for (const int code : {-2014, -2015, -1022}) {
        BOOST_TEST((kindForCode(code, "") == Kind::Auth), "code " << code);
    }
    BOOST_TEST((kindForCode(-1021, "") == Kind::ClockSkew));
    for (const int code : {-1100, -1102, -1111, -1120, -1121}) {
        BOOST_TEST((kindForCode(code, "") == Kind::BadRequest), "code " << code);
    }
    BOOST_TEST((kindForCode(-1003, "") == Kind::RateLimited));
    BOOST_TEST((kindForCode(-1015, "") == Kind::RateLimited));
    BOOST_TEST((kindForCode(-2026, "") == Kind::Rejected));
}

BOOST_AUTO_TEST_CASE(http_429_and_418_are_rate_limited_with_retry_after) {
    const auto error = mapHttpError(429,
                                    R"({"code":-1003,"msg":"Too much request weight used"})",
                                    std::chrono::milliseconds(3000));
    BOOST_TEST((error.kind == Kind::RateLimited));
    BOOST_TEST(error.retry_after->count() == 3000);
    BOOST_TEST((kindOf(418, "") == Kind::RateLimited));
}

BOOST_AUTO_TEST_CASE(any_5xx_is_unknown_status_whatever_the_body) {
    BOOST_TEST((kindOf(503, "Service Unavailable") == Kind::UnknownStatus));
    BOOST_TEST((kindOf(500, R"({"code":-1007,"msg":"Timeout waiting"})") == Kind::UnknownStatus));
    BOOST_TEST((kindOf(502, R"({"code":-1013,"msg":"x"})") == Kind::UnknownStatus));
}

BOOST_AUTO_TEST_CASE(code_and_message_come_from_the_body) {
    const auto error = mapHttpError(400, R"({"code":-1121,"msg":"Invalid symbol."})", {});
    BOOST_TEST(error.code == -1121);
    BOOST_TEST(error.http_status == 400);
    BOOST_TEST(error.message == "Invalid symbol.");
    BOOST_TEST(!error.retry_after.has_value());
}

BOOST_AUTO_TEST_CASE(a_foreign_body_is_never_copied_into_the_message) {
    const auto error = mapHttpError(403, "<html>GET /api/v3/order?signature=abc</html>", {});
    BOOST_TEST(error.message == "HTTP 403 without a Binance error body");
    BOOST_TEST((error.kind == Kind::Rejected));
    BOOST_TEST((kindOf(401, "") == Kind::Auth));
}

BOOST_AUTO_TEST_SUITE_END()
