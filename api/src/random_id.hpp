#pragma once

#include <cstddef>
#include <string>

namespace robson::api {

/// `bytes` bytes from OpenSSL's CSPRNG as lowercase hex; throws when the CSPRNG fails (never
/// falls back to a predictable generator: ids and secrets must not be guessable).
[[nodiscard]] std::string randomHex(std::size_t bytes);

}  // namespace robson::api
