#pragma once

#include <string>

namespace robson::store {

/// "intent-" + 16 lowercase hex characters from OpenSSL's CSPRNG: unguessable, so an id seen
/// in a log or a URL says nothing about other intents. Throws when the CSPRNG fails (never
/// falls back to a predictable generator). Every intent id, from the API or the scanner.
[[nodiscard]] std::string newIntentId();

}  // namespace robson::store
