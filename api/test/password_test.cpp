#include "auth/password.hpp"

#include <boost/test/unit_test.hpp>

using robson::api::auth::hashPassword;
using robson::api::auth::verifyPassword;

BOOST_AUTO_TEST_SUITE(password)

BOOST_AUTO_TEST_CASE(a_hash_verifies_its_password_and_no_other) {
    const std::string stored = hashPassword("correct horse", 1000);
    BOOST_TEST(verifyPassword("correct horse", stored));
    BOOST_TEST(!verifyPassword("correct horsE", stored));
    BOOST_TEST(!verifyPassword("", stored));
}

BOOST_AUTO_TEST_CASE(the_stored_format_is_pbkdf2_sha256_with_a_fresh_salt) {
    const std::string first = hashPassword("pw");
    const std::string second = hashPassword("pw");
    BOOST_TEST(first.starts_with("pbkdf2_sha256$120000$"));
    BOOST_TEST(first != second);  // different salts
    BOOST_TEST(verifyPassword("pw", first));
}

BOOST_AUTO_TEST_CASE(a_known_vector_verifies) {
    // PBKDF2-HMAC-SHA256("password", "salt", 1000, 32), base64 of both.
    const std::string stored =
        "pbkdf2_sha256$1000$c2FsdA==$YywoEuRtRgQQK6dhjp1tfS+BKPYma0oDJk0qBGC33LM=";
    BOOST_TEST(verifyPassword("password", stored));
}

BOOST_AUTO_TEST_CASE(malformed_stored_strings_never_verify) {
    for (const std::string stored :
         {"",
          "plain",
          "pbkdf2_sha256$1000$c2FsdA==",
          "md5$1000$c2FsdA==$AAAA",
          "pbkdf2_sha256$1$c2FsdA==$YywoEuRtRgQQK6dhjp1tfS+BKPYma0oDJk0qBGC33LM=",
          "pbkdf2_sha256$999999999$c2FsdA==$YywoEuRtRgQQK6dhjp1tfS+BKPYma0oDJk0qBGC33LM=",
          "pbkdf2_sha256$x$c2FsdA==$YywoEuRtRgQQK6dhjp1tfS+BKPYma0oDJk0qBGC33LM=",
          "pbkdf2_sha256$1000$!!$YywoEuRtRgQQK6dhjp1tfS+BKPYma0oDJk0qBGC33LM="}) {
        BOOST_TEST(!verifyPassword("password", stored), stored);
    }
}

BOOST_AUTO_TEST_SUITE_END()
