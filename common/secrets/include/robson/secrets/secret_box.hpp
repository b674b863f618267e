#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace robson::secrets {

/// A key, a nonce or a ciphertext was refused (wrong length, not hex, tampered with). The
/// message never contains key material or plaintext.
class SecretError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Authenticated encryption of small secrets (exchange API keys) at rest: libsodium's
/// crypto_secretbox (XSalsa20-Poly1305) under one 32-byte key that lives outside the database
/// (ROBSON_SECRET_KEY). Each sealed value carries its own random 24-byte nonce in front, so
/// two values never share a nonce. Tampering is detected, never decrypted into garbage.
class SecretBox {
public:
    static constexpr std::size_t kKeyBytes = 32;

    /// From 64 hexadecimal characters. Throws SecretError otherwise.
    static SecretBox fromHex(std::string_view hex);
    /// A fresh random key, as 64 hex characters (for `robson-api new-secret-key`).
    [[nodiscard]] static std::string generateHexKey();

    /// nonce ‖ ciphertext ‖ tag, as bytes.
    [[nodiscard]] std::string seal(std::string_view plaintext) const;
    /// The plaintext; throws SecretError when `sealed` was not made by this key or was altered.
    [[nodiscard]] std::string open(std::string_view sealed) const;

private:
    explicit SecretBox(std::array<unsigned char, kKeyBytes> key) : key_(key) {}
    std::array<unsigned char, kKeyBytes> key_{};
};

/// The key from ROBSON_SECRET_KEY (64 hex characters), or nullopt when it is unset.
[[nodiscard]] std::optional<SecretBox> secretBoxFromEnvironment();

}  // namespace robson::secrets
