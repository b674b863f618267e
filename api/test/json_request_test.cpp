#include "json_request.hpp"

#include "http_errors.hpp"
#include "query_params.hpp"

#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <map>
#include <string>

using robson::api::ApiError;
using robson::api::FieldReader;
using robson::api::parseJsonObject;

namespace {

/// The code of the ApiError `action` throws, or "" when it does not throw.
template <typename Action>
std::string codeOf(Action&& action) {
    try {
        action();
    } catch (const ApiError& error) {
        return error.code();
    }
    return "";
}

std::string amountOf(const std::string& body) {
    const auto object = parseJsonObject(body, false);
    return FieldReader(object, {"capital"}).requiredAmount("capital", 1'000'000'000);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(json_request)

BOOST_AUTO_TEST_CASE(malformed_bodies_are_invalid_json) {
    for (const std::string body : {"{",
                                   "[1]",
                                   "\"text\"",
                                   "{\"a\":}",
                                   "{'a':1}",
                                   "nul",
                                   "{\"a\":1,\"a\":2}",
                                   "{\"a\":\"\xff\"}",
                                   "{} {}"}) {
        BOOST_TEST(codeOf([&] { (void)parseJsonObject(body, false); }) == "invalid_json", body);
    }
    BOOST_TEST(codeOf([] { (void)parseJsonObject("", false); }) == "invalid_json");
    BOOST_TEST(parseJsonObject("  ", true).empty());
}

BOOST_AUTO_TEST_CASE(deep_nesting_is_refused_without_building_it) {
    const std::string deep = "{\"a\":" + std::string(10000, '[') + std::string(10000, ']') + "}";
    BOOST_TEST(codeOf([&] { (void)parseJsonObject(deep, false); }) == "invalid_json");
    const std::string fine = "{\"a\":" + std::string(20, '[') + std::string(20, ']') + "}";
    BOOST_TEST(parseJsonObject(fine, false).contains("a"));
}

BOOST_AUTO_TEST_CASE(unknown_members_are_refused_by_name) {
    const auto body = parseJsonObject(R"({"mode":"LIVE","acknowledge_risks":true})", false);
    try {
        FieldReader(body, {"mode", "acknowledge_risk"});
        BOOST_FAIL("accepted an unknown field");
    } catch (const ApiError& error) {
        BOOST_TEST(error.code() == "unknown_field");
        BOOST_TEST(std::string(error.what()).find("acknowledge_risks") != std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(wrong_types_and_ranges_are_invalid_field_and_absence_is_missing_field) {
    const auto body = parseJsonObject(
        R"({"id":"1","neg":-1,"float":1.5,"flag":"true","text":5,"long":"xxxxxxxxxxx","nul":null})",
        false);
    const FieldReader fields(body, {"id", "neg", "float", "flag", "text", "long", "nul", "x"});
    BOOST_TEST(codeOf([&] { (void)fields.requiredInteger("id", 1, 10); }) == "invalid_field");
    BOOST_TEST(codeOf([&] { (void)fields.requiredInteger("neg", 1, 10); }) == "invalid_field");
    BOOST_TEST(codeOf([&] { (void)fields.requiredInteger("float", 1, 10); }) == "invalid_field");
    BOOST_TEST(codeOf([&] { (void)fields.optionalBool("flag"); }) == "invalid_field");
    BOOST_TEST(codeOf([&] { (void)fields.requiredString("text", 10); }) == "invalid_field");
    BOOST_TEST(codeOf([&] { (void)fields.requiredString("long", 10); }) == "invalid_field");
    BOOST_TEST(codeOf([&] { (void)fields.requiredString("x", 10); }) == "missing_field");
    BOOST_TEST(!fields.optionalString("nul", 10).has_value());  // null is absent
}

BOOST_AUTO_TEST_CASE(amounts_are_exact_decimal_strings_or_integers) {
    BOOST_TEST(amountOf(R"({"capital":"100.00"})") == "100");
    BOOST_TEST(amountOf(R"({"capital":"0.00000001"})") == "0.00000001");
    BOOST_TEST(amountOf(R"({"capital":250})") == "250");
    BOOST_TEST(amountOf(R"({"capital":"1000000000"})") == "1000000000");
}

BOOST_AUTO_TEST_CASE(bad_amounts_are_refused_with_the_right_code) {
    for (const std::string body : {R"({"capital":100.5})",
                                   R"({"capital":"1e3"})",
                                   R"({"capital":"1.123456789"})",
                                   R"({"capital":"abc"})",
                                   R"({"capital":" 1"})",
                                   R"({"capital":true})",
                                   R"({"capital":"1."})",
                                   R"({"capital":"99999999999999999999"})"}) {
        BOOST_TEST(codeOf([&] { (void)amountOf(body); }) == "invalid_decimal", body);
    }
    for (const std::string body : {R"({"capital":"0"})",
                                   R"({"capital":"-5"})",
                                   R"({"capital":-5})",
                                   R"({"capital":"1000000000.00000001"})",
                                   R"({"capital":18446744073709551615})"}) {
        BOOST_TEST(codeOf([&] { (void)amountOf(body); }) == "invalid_field", body);
    }
    BOOST_TEST(codeOf([] { (void)amountOf("{}"); }) == "missing_field");
}

BOOST_AUTO_TEST_CASE(string_lists_keep_their_order_and_refuse_repeats_and_wrong_shapes) {
    const auto body = parseJsonObject(
        R"({"ok":["B","A"],"one":["A"],"twice":["A","A"],"empty":[],"many":["A","B","C"],)"
        R"("mixed":["A",1],"blank":[""],"long":["ABCDEF"],"text":"A","nul":null})",
        false);
    const FieldReader fields(
        body, {"ok", "one", "twice", "empty", "many", "mixed", "blank", "long", "text", "nul"});
    const auto list = [&fields](const char* name) {
        return fields.optionalStringArray(name, 1, 2, 5);
    };
    BOOST_TEST(*list("ok") == (std::vector<std::string>{"B", "A"}),
               boost::test_tools::per_element());
    BOOST_TEST(list("one")->size() == 1U);
    BOOST_TEST(!list("nul").has_value());
    BOOST_TEST(!list("absent").has_value());
    for (const char* bad : {"twice", "empty", "many", "mixed", "blank", "long", "text"}) {
        BOOST_TEST(codeOf([&] { (void)list(bad); }) == "invalid_field", bad);
    }
}

BOOST_AUTO_TEST_CASE(decimals_are_exact_strings_or_integers_of_any_sign) {
    const auto body = parseJsonObject(
        R"({"s":"0.705","z":"0","i":1,"n":-2,"f":0.7,"e":"7e-1","b":true,"big":10000000000000})",
        false);
    const FieldReader fields(body, {"s", "z", "i", "n", "f", "e", "b", "big"});
    BOOST_TEST(fields.optionalDecimal("s")->toString() == "0.705");
    BOOST_TEST(fields.optionalDecimal("z")->isZero());
    BOOST_TEST(fields.optionalDecimal("i")->toString() == "1");
    BOOST_TEST(fields.optionalDecimal("n")->toString() == "-2");
    BOOST_TEST(!fields.optionalDecimal("absent").has_value());
    for (const char* bad : {"f", "e", "b"}) {
        BOOST_TEST(codeOf([&] { (void)fields.optionalDecimal(bad); }) == "invalid_decimal", bad);
    }
    BOOST_TEST(codeOf([&] { (void)fields.optionalDecimal("big"); }) == "invalid_field");
    BOOST_TEST(!fields.optionalAmount("absent", 10).has_value());
    BOOST_TEST(codeOf([&] { (void)fields.optionalAmount("z", 10); }) == "invalid_field");
}

BOOST_AUTO_TEST_CASE(integers_past_what_a_decimal_holds_are_a_400_not_an_overflow) {
    // Found by fuzz_json_request: 1.8e11 passed the old 1e12 bound and overflowed Decimal.
    const auto body = parseJsonObject(
        R"({"above":184467441615,"below":-184467441615,"edge":92233720368})", false);
    const FieldReader fields(body, {"above", "below", "edge"});
    BOOST_TEST(codeOf([&] { (void)fields.optionalDecimal("above"); }) == "invalid_field");
    BOOST_TEST(codeOf([&] { (void)fields.optionalDecimal("below"); }) == "invalid_field");
    BOOST_TEST(fields.optionalDecimal("edge")->toString() == "92233720368");
}

BOOST_AUTO_TEST_CASE(query_strings_decode_and_refuse_repeats_and_bad_escapes) {
    const auto query = robson::api::parseQuery("a=1&b=x%20y+z&empty=");
    BOOST_TEST(query.at("a") == "1");
    BOOST_TEST(query.at("b") == "x y z");
    BOOST_TEST(query.at("empty").empty());
    BOOST_TEST(codeOf([] { (void)robson::api::parseQuery("a=1&a=2"); }) == "invalid_field");
    BOOST_TEST(codeOf([] { (void)robson::api::parseQuery("a=%zz"); }) == "invalid_field");
    BOOST_TEST(codeOf([] { (void)robson::api::parseQuery("a=%0"); }) == "invalid_field");
    BOOST_TEST(codeOf([] { (void)robson::api::parseQuery("a=%00"); }) == "invalid_field");
}

BOOST_AUTO_TEST_CASE(query_integers_take_epoch_milliseconds_and_refuse_overflowing_text) {
    const std::map<std::string, std::string> query = {{"ms", "1787666400000"},
                                                      {"max", "999999999999999999"},
                                                      {"long", "9999999999999999999"},
                                                      {"signed", "-5"},
                                                      {"spaced", " 5"}};
    const robson::api::QueryReader reader(query, {"ms", "max", "long", "signed", "spaced"});
    constexpr std::int64_t kTop = 999'999'999'999'999'999;
    // Thirteen digits: every epoch time in milliseconds since 2001.
    BOOST_TEST(reader.integer("ms", 1, kTop).value() == 1787666400000);
    BOOST_TEST(reader.integer("max", 1, kTop).value() == kTop);
    BOOST_TEST(!reader.integer("absent", 1, kTop).has_value());
    BOOST_TEST(codeOf([&] { (void)reader.integer("ms", 1, 1787666399999); }) == "invalid_field");
    // Nineteen digits could pass std::int64_t's maximum: refused before converting.
    BOOST_TEST(codeOf([&] { (void)reader.integer("long", 1, kTop); }) == "invalid_field");
    BOOST_TEST(codeOf([&] { (void)reader.integer("signed", -10, 10); }) == "invalid_field");
    BOOST_TEST(codeOf([&] { (void)reader.integer("spaced", 1, 10); }) == "invalid_field");
}

BOOST_AUTO_TEST_SUITE_END()
