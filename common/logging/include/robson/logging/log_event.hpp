#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>

namespace robson::logging {

/// Names the process in every line ("worker", "broker", "api", "sweeper", "sim"); set once at
/// start-up, before any thread logs.
void setService(std::string service);

/// Where lines go (stderr unless a test redirects them). Not thread-safe: set before logging.
void setSink(std::ostream& sink);

/// One event as a single JSON line: {"ts", "level", "service", "event", …fields}. Fields carry
/// ids (intent_id, job_id, tenant) and reasons; a field whose name says it is a secret (a key,
/// a password, a token, a signature) is written as "[redacted]", so a careless caller cannot
/// leak one. Thread-safe: lines never interleave.
void logEvent(std::string_view level, std::string_view event, nlohmann::json fields = {});

/// The line logEvent would write (without the newline), for a given time in ms since the epoch.
[[nodiscard]] std::string formatEvent(std::int64_t now_ms,
                                      std::string_view level,
                                      std::string_view event,
                                      nlohmann::json fields);

/// True when a field of that name must never be logged (api_key, secret, password, token,
/// authorization, signature, jwt — in any case, anywhere in the name).
[[nodiscard]] bool isSecretFieldName(std::string_view name);

}  // namespace robson::logging
