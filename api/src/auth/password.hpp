#pragma once

#include <string>
#include <string_view>

namespace robson::api::auth {

/// PBKDF2-HMAC-SHA256 iterations for new hashes (OWASP's floor for this PRF is higher, but
/// every login pays it on a 2-core machine; the stored string carries the count, so raising it
/// later only needs a re-hash at the next password change).
inline constexpr int kPasswordIterations = 120'000;
/// Bounds accepted when verifying: a tampered row must not make one login cost minutes.
inline constexpr int kMinPasswordIterations = 1'000;
inline constexpr int kMaxPasswordIterations = 5'000'000;
/// Longer passwords are refused at login (PBKDF2 hashes them anyway; this bounds the input).
inline constexpr std::size_t kMaxPasswordLength = 1024;

/// "pbkdf2_sha256$<iterations>$<salt base64>$<hash base64>" with a fresh 16-byte salt from the
/// CSPRNG and a 32-byte derived key.
[[nodiscard]] std::string hashPassword(std::string_view password,
                                       int iterations = kPasswordIterations);

/// True when `password` matches the stored string; false for a mismatch and for any stored
/// string that is not in the format above. The comparison is constant-time.
[[nodiscard]] bool verifyPassword(std::string_view password, std::string_view stored);

/// Spends the time of one verification without a user, so an unknown username answers as
/// slowly as a wrong password (no user enumeration by timing).
void burnPasswordCheck(std::string_view password);

}  // namespace robson::api::auth
