#include "log_line.hpp"

#include "stage_json.hpp"

#include <chrono>
#include <iostream>
#include <mutex>

namespace robson::workers {

void logEvent(const std::string& level, const std::string& event, nlohmann::json fields) {
    static std::mutex mutex;
    const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
    nlohmann::json line = fields.is_object() ? std::move(fields) : nlohmann::json::object();
    line["ts"] = isoUtc(now);
    line["level"] = level;
    line["event"] = event;
    const std::lock_guard lock(mutex);
    std::cerr << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << std::endl;
}

}  // namespace robson::workers
