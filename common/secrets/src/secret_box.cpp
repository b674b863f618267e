#include "robson/secrets/secret_box.hpp"

#include <cstdlib>
#include <sodium.h>

namespace robson::secrets {
namespace {

void requireSodium() {
    // sodium_init is idempotent and thread-safe; it returns 1 when already initialised.
    if (sodium_init() < 0) {
        throw SecretError("libsodium could not be initialised");
    }
}

}  // namespace

SecretBox SecretBox::fromHex(std::string_view hex) {
    requireSodium();
    std::array<unsigned char, kKeyBytes> key{};
    std::size_t length = 0;
    if (hex.size() != kKeyBytes * 2 ||
        sodium_hex2bin(key.data(), key.size(), hex.data(), hex.size(), nullptr, &length, nullptr) !=
            0 ||
        length != kKeyBytes) {
        throw SecretError("the secret key must be 64 hexadecimal characters (32 bytes)");
    }
    return SecretBox(key);
}

std::string SecretBox::generateHexKey() {
    requireSodium();
    std::array<unsigned char, kKeyBytes> key{};
    crypto_secretbox_keygen(key.data());
    std::string hex(kKeyBytes * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), key.data(), key.size());
    hex.pop_back();
    sodium_memzero(key.data(), key.size());
    return hex;
}

std::string SecretBox::seal(std::string_view plaintext) const {
    requireSodium();
    std::string sealed(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plaintext.size(),
                       '\0');
    auto* out = reinterpret_cast<unsigned char*>(sealed.data());  // NOLINT: byte view
    randombytes_buf(out, crypto_secretbox_NONCEBYTES);
    crypto_secretbox_easy(out + crypto_secretbox_NONCEBYTES,
                          reinterpret_cast<const unsigned char*>(plaintext.data()),  // NOLINT
                          plaintext.size(),
                          out,
                          key_.data());
    return sealed;
}

std::string SecretBox::open(std::string_view sealed) const {
    requireSodium();
    if (sealed.size() < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) {
        throw SecretError("the sealed value is too short to be a secret");
    }
    const auto* in = reinterpret_cast<const unsigned char*>(sealed.data());  // NOLINT
    std::string plaintext(sealed.size() - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES,
                          '\0');
    if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plaintext.data()),  // NOLINT
                                   in + crypto_secretbox_NONCEBYTES,
                                   sealed.size() - crypto_secretbox_NONCEBYTES,
                                   in,
                                   key_.data()) != 0) {
        throw SecretError("the sealed value does not open with this key (wrong key or altered)");
    }
    return plaintext;
}

std::optional<SecretBox> secretBoxFromEnvironment() {
    const char* hex = std::getenv("ROBSON_SECRET_KEY");  // NOLINT(concurrency-mt-unsafe)
    if (hex == nullptr || *hex == '\0') {
        return std::nullopt;
    }
    return SecretBox::fromHex(hex);
}

}  // namespace robson::secrets
