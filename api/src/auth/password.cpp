#include "auth/password.hpp"

#include "auth/base64url.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <array>
#include <charconv>
#include <optional>
#include <stdexcept>
#include <vector>

namespace robson::api::auth {

namespace {

constexpr std::string_view kScheme = "pbkdf2_sha256";
constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kKeyBytes = 32;

std::string derive(std::string_view password,
                   std::string_view salt,
                   int iterations,
                   std::size_t key_bytes) {
    std::string key(key_bytes, '\0');
    if (PKCS5_PBKDF2_HMAC(password.data(),
                          static_cast<int>(password.size()),
                          reinterpret_cast<const unsigned char*>(salt.data()),
                          static_cast<int>(salt.size()),
                          iterations,
                          EVP_sha256(),
                          static_cast<int>(key.size()),
                          reinterpret_cast<unsigned char*>(key.data())) != 1) {
        throw std::runtime_error("PBKDF2 failed");
    }
    return key;
}

struct ParsedHash {
    int iterations = 0;
    std::string salt;
    std::string key;
};

std::optional<ParsedHash> parse(std::string_view stored) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (parts.size() < 5) {
        const std::size_t dollar = stored.find('$', start);
        parts.push_back(stored.substr(start, dollar - start));
        if (dollar == std::string_view::npos) {
            break;
        }
        start = dollar + 1;
    }
    if (parts.size() != 4 || parts[0] != kScheme) {
        return std::nullopt;
    }
    ParsedHash parsed;
    const auto [end, error] =
        std::from_chars(parts[1].data(), parts[1].data() + parts[1].size(), parsed.iterations);
    if (error != std::errc() || end != parts[1].data() + parts[1].size() ||
        parsed.iterations < kMinPasswordIterations || parsed.iterations > kMaxPasswordIterations) {
        return std::nullopt;
    }
    auto salt = base64Decode(parts[2]);
    auto key = base64Decode(parts[3]);
    if (!salt || !key || salt->empty() || key->size() < 16 || key->size() > 64) {
        return std::nullopt;
    }
    parsed.salt = std::move(*salt);
    parsed.key = std::move(*key);
    return parsed;
}

}  // namespace

std::string hashPassword(std::string_view password, int iterations) {
    if (iterations < kMinPasswordIterations || iterations > kMaxPasswordIterations) {
        throw std::invalid_argument("PBKDF2 iteration count out of range");
    }
    std::array<unsigned char, kSaltBytes> salt{};
    if (RAND_bytes(salt.data(), static_cast<int>(salt.size())) != 1) {
        throw std::runtime_error("the system random generator failed");
    }
    const std::string salt_bytes(reinterpret_cast<const char*>(salt.data()), salt.size());
    return std::string(kScheme) + "$" + std::to_string(iterations) + "$" +
           base64Encode(salt_bytes) + "$" +
           base64Encode(derive(password, salt_bytes, iterations, kKeyBytes));
}

bool verifyPassword(std::string_view password, std::string_view stored) {
    const auto parsed = parse(stored);
    if (!parsed) {
        return false;
    }
    const std::string key = derive(password, parsed->salt, parsed->iterations, parsed->key.size());
    return CRYPTO_memcmp(key.data(), parsed->key.data(), key.size()) == 0;
}

void burnPasswordCheck(std::string_view password) {
    static const std::string kSalt(kSaltBytes, 's');
    (void)derive(password, kSalt, kPasswordIterations, kKeyBytes);
}

}  // namespace robson::api::auth
