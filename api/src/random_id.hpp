#pragma once

#include <cstddef>
#include <string>

namespace robson::api {

/// `bytes` bytes from OpenSSL's CSPRNG as lowercase hex; throws when the CSPRNG fails (never
/// falls back to a predictable generator: ids and secrets must not be guessable).
[[nodiscard]] std::string randomHex(std::size_t bytes);

/// "intent-" + 16 lowercase hex characters: unguessable, so an id seen in a log or a URL says
/// nothing about other intents (tenant scoping still decides who may read it).
[[nodiscard]] std::string newIntentId();

}  // namespace robson::api
