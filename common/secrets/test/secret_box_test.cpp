#include "robson/secrets/secret_box.hpp"

#include <boost/test/unit_test.hpp>

using robson::secrets::SecretBox;
using robson::secrets::SecretError;

BOOST_AUTO_TEST_SUITE(secret_box)

BOOST_AUTO_TEST_CASE(a_sealed_secret_opens_with_its_key_and_hides_its_text) {
    const auto box = SecretBox::fromHex(SecretBox::generateHexKey());
    const std::string secret = "binance-api-secret-0123456789";
    const auto sealed = box.seal(secret);
    BOOST_TEST(sealed.find(secret) == std::string::npos);
    BOOST_TEST(box.open(sealed) == secret);
}

BOOST_AUTO_TEST_CASE(sealing_twice_never_reuses_a_nonce) {
    const auto box = SecretBox::fromHex(SecretBox::generateHexKey());
    BOOST_TEST(box.seal("same text") != box.seal("same text"));
}

BOOST_AUTO_TEST_CASE(an_altered_value_or_another_key_is_refused) {
    const auto box = SecretBox::fromHex(SecretBox::generateHexKey());
    auto sealed = box.seal("api-key");
    const auto other = SecretBox::fromHex(SecretBox::generateHexKey());
    BOOST_CHECK_THROW(static_cast<void>(other.open(sealed)), SecretError);
    sealed.back() = static_cast<char>(sealed.back() ^ 1);
    BOOST_CHECK_THROW(static_cast<void>(box.open(sealed)), SecretError);
    BOOST_CHECK_THROW(static_cast<void>(box.open("short")), SecretError);
}

BOOST_AUTO_TEST_CASE(a_key_must_be_64_hex_characters_and_errors_do_not_echo_it) {
    BOOST_CHECK_THROW(static_cast<void>(SecretBox::fromHex("abcd")), SecretError);
    const std::string not_hex(64, 'z');
    try {
        static_cast<void>(SecretBox::fromHex(not_hex));
        BOOST_FAIL("a non-hex key must be refused");
    } catch (const SecretError& error) {
        BOOST_TEST(std::string(error.what()).find(not_hex) == std::string::npos);
    }
}

BOOST_AUTO_TEST_SUITE_END()
