#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace robson::workers {

/// One structured log line on stderr: {"ts": …, "level": …, "event": …, …fields}. Fields
/// carry ids (intent, job, tenant) and reasons, never keys or secrets.
void logEvent(const std::string& level, const std::string& event, nlohmann::json fields = {});

}  // namespace robson::workers
