#include "auth/jwt.hpp"

#include "auth/base64url.hpp"

#include <boost/test/unit_test.hpp>

#include <atomic>
#include <vector>

using robson::api::auth::JwtCodec;
using robson::api::auth::TokenClaims;
using robson::api::auth::TokenError;
using robson::api::auth::TokenType;

namespace {

const std::string kSecret = "0123456789abcdef0123456789abcdef";

}  // namespace

BOOST_AUTO_TEST_SUITE(jwt)

BOOST_AUTO_TEST_CASE(an_issued_access_token_verifies_with_its_claims) {
    const JwtCodec codec(kSecret, [] { return std::int64_t{1'000'000}; });
    const auto token = codec.issue(7, 3, "alice", TokenType::Access);
    const auto verified = codec.verify(token, TokenType::Access);
    BOOST_REQUIRE(std::holds_alternative<TokenClaims>(verified));
    const auto& claims = std::get<TokenClaims>(verified);
    BOOST_TEST(claims.user_id == 7);
    BOOST_TEST(claims.tenant_id == 3);
    BOOST_TEST(claims.username == "alice");
    BOOST_TEST(claims.expires_at == 1'000'000 + 900);
}

BOOST_AUTO_TEST_CASE(a_refresh_token_is_not_an_access_token_and_vice_versa) {
    const JwtCodec codec(kSecret);
    const auto refresh = codec.issue(1, 1, "a", TokenType::Refresh);
    const auto access = codec.issue(1, 1, "a", TokenType::Access);
    BOOST_TEST(std::holds_alternative<TokenError>(codec.verify(refresh, TokenType::Access)));
    BOOST_TEST(std::holds_alternative<TokenError>(codec.verify(access, TokenType::Refresh)));
    BOOST_TEST(std::holds_alternative<TokenClaims>(codec.verify(refresh, TokenType::Refresh)));
}

BOOST_AUTO_TEST_CASE(a_token_past_its_expiry_is_expired_not_invalid) {
    std::atomic<std::int64_t> now{1000};
    const JwtCodec codec(kSecret, [&now] { return now.load(); });
    const auto token = codec.issue(1, 1, "a", TokenType::Access);
    now = 1000 + 899;
    BOOST_TEST(std::holds_alternative<TokenClaims>(codec.verify(token, TokenType::Access)));
    now = 1000 + 900;
    const auto verified = codec.verify(token, TokenType::Access);
    BOOST_REQUIRE(std::holds_alternative<TokenError>(verified));
    BOOST_TEST((std::get<TokenError>(verified) == TokenError::Expired));
}

BOOST_AUTO_TEST_CASE(a_token_signed_with_another_secret_or_tampered_is_invalid) {
    const JwtCodec codec(kSecret);
    const JwtCodec other("another-secret-another-secret-xx");
    const auto foreign = other.issue(1, 1, "a", TokenType::Access);
    BOOST_TEST(std::holds_alternative<TokenError>(codec.verify(foreign, TokenType::Access)));

    // Swap the payload for one naming another tenant, keep the signature.
    auto token = codec.issue(1, 1, "a", TokenType::Access);
    const auto first = token.find('.');
    const auto second = token.find('.', first + 1);
    const std::string forged_payload = robson::api::auth::base64UrlEncode(
        R"({"sub":"1","tid":2,"usr":"a","typ":"access","iat":0,"exp":99999999999})");
    const std::string forged = token.substr(0, first + 1) + forged_payload + token.substr(second);
    BOOST_TEST(std::holds_alternative<TokenError>(codec.verify(forged, TokenType::Access)));
}

BOOST_AUTO_TEST_CASE(an_unsigned_alg_none_token_is_invalid) {
    const JwtCodec codec(kSecret);
    using robson::api::auth::base64UrlEncode;
    const std::string none = base64UrlEncode(R"({"alg":"none","typ":"JWT"})") + "." +
                             base64UrlEncode(R"({"sub":"1","tid":1,"usr":"a","typ":"access",)"
                                             R"("iat":0,"exp":99999999999})") +
                             ".";
    BOOST_TEST(std::holds_alternative<TokenError>(codec.verify(none, TokenType::Access)));
}

BOOST_AUTO_TEST_CASE(garbage_is_invalid_and_never_throws) {
    const JwtCodec codec(kSecret);
    const std::vector<std::string> garbage_tokens{
        "", ".", "..", "a.b.c", "a.b", "a.b.c.d", "%%%.%%%.%%%", std::string(5000, 'x')};
    for (const std::string& garbage : garbage_tokens) {
        BOOST_TEST(std::holds_alternative<TokenError>(codec.verify(garbage, TokenType::Access)));
    }
}

BOOST_AUTO_TEST_CASE(a_short_secret_is_refused) {
    BOOST_CHECK_THROW(JwtCodec("short"), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(base64url_round_trips_and_refuses_non_canonical_text) {
    using robson::api::auth::base64UrlDecode;
    using robson::api::auth::base64UrlEncode;
    for (const std::string bytes : {"", "f", "fo", "foo", "foob", "fooba", "foobar", "\xff\xfe"}) {
        BOOST_TEST(base64UrlDecode(base64UrlEncode(bytes)).value() == bytes);
    }
    BOOST_TEST(base64UrlEncode("foobar") == "Zm9vYmFy");
    BOOST_TEST(!base64UrlDecode("Zm9=").has_value());
    BOOST_TEST(!base64UrlDecode("Zh").has_value());  // non-zero leftover bits
}

BOOST_AUTO_TEST_SUITE_END()
