#pragma once

#include "robson/logging/log_event.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace robson::workers {

/// One structured log line on stderr (robson::logging): {"ts", "level", "service", "event",
/// …fields}. Fields carry ids (intent_id, job_id, tenant) and reasons, never keys or secrets.
void logEvent(const std::string& level, const std::string& event, nlohmann::json fields = {});

}  // namespace robson::workers
