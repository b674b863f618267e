#pragma once

#include <string>

namespace robson::store {

/// "intent-" + 16 lowercase hex characters from OpenSSL's CSPRNG: unguessable, so an id seen
/// in a log or a URL says nothing about other intents. Throws when the CSPRNG fails (never
/// falls back to a predictable generator). The same form as the API's intent ids.
[[nodiscard]] std::string newIntentId();

}  // namespace robson::store
