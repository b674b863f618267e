#include "robson/binance/signer.hpp"

#include <boost/test/unit_test.hpp>

using robson::binance::hmacSha256Hex;
using robson::binance::percentEncode;
using robson::binance::QueryString;

namespace {
// binance-spot.md §2, the published "SIGNED Endpoint Examples for POST /api/v3/order".
constexpr const char* kSecret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
}  // namespace

BOOST_AUTO_TEST_SUITE(signer)

BOOST_AUTO_TEST_CASE(vector_one_signs_the_published_query) {
    BOOST_TEST(hmacSha256Hex(kSecret,
                             "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&"
                             "price=0.1&recvWindow=5000&timestamp=1499827319559") ==
               "c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71");
}

BOOST_AUTO_TEST_CASE(vector_two_signs_the_percent_encoded_full_width_symbol) {
    QueryString query;
    query.add("symbol", "\xEF\xBC\x91\xEF\xBC\x92\xEF\xBC\x93\xEF\xBC\x94\xEF\xBC\x95\xEF\xBC\x96")
        .add("side", "BUY")
        .add("type", "LIMIT")
        .add("timeInForce", "GTC")
        .add("quantity", "1")
        .add("price", "0.1")
        .add("recvWindow", "5000")
        .add("timestamp", "1499827319559");
    BOOST_TEST(query.str() ==
               "symbol=%EF%BC%91%EF%BC%92%EF%BC%93%EF%BC%94%EF%BC%95%EF%BC%96&side=BUY&type=LIMIT&"
               "timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559");
    BOOST_TEST(hmacSha256Hex(kSecret, query.str()) ==
               "e1353ec6b14d888f1164ae9af8228a3dbd508bc82eb867db8ab6046442f33ef3");
}

BOOST_AUTO_TEST_CASE(vector_three_signs_query_and_body_joined_without_separator) {
    const std::string query = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC";
    const std::string body = "quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";
    BOOST_TEST(hmacSha256Hex(kSecret, query + body) ==
               "0fd168b8ddb4876a0358a8d14d0c9f3da0e9b20c5d52b2a00fcf7d1c602f9a77");
}

BOOST_AUTO_TEST_CASE(the_signature_is_64_lowercase_hex_digits) {
    const auto signature = hmacSha256Hex("k", "");
    BOOST_TEST(signature.size() == 64U);
    BOOST_TEST(signature.find_first_not_of("0123456789abcdef") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(percent_encoding_keeps_unreserved_and_encodes_the_rest) {
    BOOST_TEST(percentEncode("AZaz09-_.~") == "AZaz09-_.~");
    BOOST_TEST(percentEncode("a b&c=d/e:f") == "a%20b%26c%3Dd%2Fe%3Af");
    BOOST_TEST(percentEncode("[\"BTCUSDT\"]") == "%5B%22BTCUSDT%22%5D");
}

BOOST_AUTO_TEST_CASE(a_query_keeps_insertion_order) {
    QueryString query;
    query.add("b", "1").add("a", "2");
    BOOST_TEST(query.str() == "b=1&a=2");
    BOOST_TEST(!query.empty());
}

BOOST_AUTO_TEST_SUITE_END()
