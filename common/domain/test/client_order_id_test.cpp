#include "robson/domain/client_order_id.hpp"

#include "robson/testing/domain_printing.hpp"

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <map>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

using robson::domain::clientOrderId;
using robson::domain::fnv1a64;
using robson::domain::isValidClientOrderId;
using robson::domain::kMaxClientOrderIdLength;
using robson::domain::OrderRole;
using robson::domain::roleSuffix;
namespace bdata = boost::unit_test::data;

BOOST_AUTO_TEST_SUITE(client_order_id)

BOOST_AUTO_TEST_CASE(keeps_a_short_clean_intent_id_readable) {
    BOOST_TEST(clientOrderId("intent-42", OrderRole::entry()) == "rb-intent-42-e");
    BOOST_TEST(clientOrderId("intent-42", OrderRole::stop()) == "rb-intent-42-s");
    BOOST_TEST(clientOrderId("intent-42", OrderRole::stopRetry(2)) == "rb-intent-42-s2");
    BOOST_TEST(clientOrderId("intent-42", OrderRole::exitMarket()) == "rb-intent-42-x");
}

BOOST_AUTO_TEST_CASE(hashes_a_uuid_that_would_not_fit) {
    // "rb-<UUID>-e" would be 41 characters; FNV-1a-64 of the UUID is f7d0dd9799e5de06.
    const std::string uuid = "3f2a9c1e-7b4d-4e8a-9c2f-1a2b3c4d5e6f";
    BOOST_TEST(clientOrderId(uuid, OrderRole::entry()) == "rb-f7d0dd9799e5de06-e");
    BOOST_TEST(clientOrderId(uuid, OrderRole::stopRetry(99)) == "rb-f7d0dd9799e5de06-s99");
}

BOOST_AUTO_TEST_CASE(uses_the_verbatim_form_up_to_29_characters) {
    const std::string fits(29, 'a');
    const std::string too_long(30, 'a');
    BOOST_TEST(clientOrderId(fits, OrderRole::stopRetry(99)) == "rb-" + fits + "-s99");
    BOOST_TEST(clientOrderId(fits, OrderRole::stopRetry(99)).size() == kMaxClientOrderIdLength);
    BOOST_TEST(clientOrderId(too_long, OrderRole::entry()).size() == 3U + 16U + 2U);
}

BOOST_AUTO_TEST_CASE(hashes_ids_with_characters_binance_refuses) {
    // A space is not allowed: hashing, not stripping, keeps "a b" and "ab" apart.
    BOOST_TEST(clientOrderId("a b", OrderRole::entry()) != clientOrderId("ab", OrderRole::entry()));
    BOOST_TEST(clientOrderId("a b", OrderRole::entry()).size() == 21U);
    BOOST_TEST(clientOrderId("", OrderRole::entry()) == "rb-cbf29ce484222325-e");
}

BOOST_AUTO_TEST_CASE(never_lets_a_verbatim_id_look_like_a_hash) {
    // "0123456789abcdef" is 16 lowercase hex, the shape of a hash stem, so it is hashed too.
    BOOST_TEST(clientOrderId("0123456789abcdef", OrderRole::entry()) == "rb-2e373913e5ad677d-e");
    BOOST_TEST(clientOrderId("0123456789ABCDEF", OrderRole::entry()) == "rb-0123456789ABCDEF-e");
}

BOOST_AUTO_TEST_CASE(matches_the_published_fnv1a_vectors) {
    BOOST_TEST(fnv1a64("") == 0xcbf29ce484222325ULL);
    BOOST_TEST(fnv1a64("a") == 0xaf63dc4c8601ec8cULL);
    BOOST_TEST(fnv1a64("foobar") == 0x85944171f73967e8ULL);
}

BOOST_DATA_TEST_CASE(refuses_retry_attempts_outside_the_range, bdata::make({0, -1, 100}), attempt) {
    BOOST_CHECK_THROW(static_cast<void>(roleSuffix(OrderRole::stopRetry(attempt))),
                      std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(validates_binance_client_id_text) {
    BOOST_TEST(isValidClientOrderId("rb-a.b:c/d_e-s1"));
    BOOST_TEST(!isValidClientOrderId(""));
    BOOST_TEST(!isValidClientOrderId("rb a"));
    BOOST_TEST(!isValidClientOrderId(std::string(37, 'a')));
}

BOOST_AUTO_TEST_CASE(produces_valid_deterministic_distinct_ids_for_random_intents) {
    // A fixed seed keeps the property test reproducible.
    std::mt19937_64 random(36);  // NOLINT(cert-msc32-c,cert-msc51-cpp)
    std::uniform_int_distribution<int> length(0, 60);
    std::uniform_int_distribution<int> byte(0, 255);
    const std::vector<OrderRole> roles{OrderRole::entry(),
                                       OrderRole::stop(),
                                       OrderRole::stopRetry(1),
                                       OrderRole::stopRetry(42),
                                       OrderRole::exitMarket()};
    std::map<std::string, std::string> intent_of;  // id → the intent that produced it
    for (int i = 0; i < 5'000; ++i) {
        std::string intent;
        const int size = length(random);
        for (int c = 0; c < size; ++c) {
            // Mostly ASCII, some raw UTF-8 bytes (é = C3 A9) and arbitrary bytes.
            const int b = byte(random);
            intent += b < 200 ? static_cast<char>('!' + b % 94)
                              : (b < 230 ? '\xC3' : static_cast<char>(b));
        }
        std::set<std::string> per_intent;
        for (const OrderRole role : roles) {
            const std::string id = clientOrderId(intent, role);
            BOOST_TEST_REQUIRE(isValidClientOrderId(id), id);
            BOOST_TEST_REQUIRE(id == clientOrderId(intent, role));
            per_intent.insert(id);
        }
        BOOST_TEST_REQUIRE(per_intent.size() == roles.size());
        // Distinct intents never share an id (no collision among these 5000).
        const auto [it, inserted] =
            intent_of.emplace(clientOrderId(intent, OrderRole::entry()), intent);
        BOOST_TEST_REQUIRE((inserted || it->second == intent));
    }
    BOOST_TEST(intent_of.size() > 4'000U);
}

BOOST_AUTO_TEST_SUITE_END()
