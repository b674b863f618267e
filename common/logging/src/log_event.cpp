#include "robson/logging/log_event.hpp"

#include <array>
#include <chrono>
#include <ctime>
#include <iostream>
#include <mutex>
#include <vector>

namespace robson::logging {
namespace {

std::string& serviceName() {
    static std::string name = "robson";
    return name;
}

std::ostream*& sinkStream() {
    static std::ostream* sink = &std::cerr;
    return sink;
}

/// "2026-12-05T07:20:00.123Z"
std::string isoUtc(std::int64_t ms) {
    const auto seconds = static_cast<std::time_t>(ms / 1000);
    std::tm parts{};
    gmtime_r(&seconds, &parts);
    std::array<char, 32> text{};
    const auto length = std::strftime(text.data(), text.size(), "%Y-%m-%dT%H:%M:%S", &parts);
    // 1000 + ms keeps the leading zeros: 7 ms → "1007" → ".007".
    return std::string(text.data(), length) + "." + std::to_string(1000 + ms % 1000).substr(1) +
           "Z";
}

/// Replaces the value of every secret-named field, at any depth (iteratively: a deep document
/// cannot exhaust the stack).
void redact(nlohmann::json& document) {
    std::vector<nlohmann::json*> pending{&document};
    while (!pending.empty()) {
        nlohmann::json* current = pending.back();
        pending.pop_back();
        if (current->is_object()) {
            for (const auto& item : current->items()) {
                if (isSecretFieldName(item.key())) {
                    item.value() = "[redacted]";
                } else {
                    pending.push_back(&item.value());
                }
            }
        } else if (current->is_array()) {
            for (auto& inner : *current) {
                pending.push_back(&inner);
            }
        }
    }
}

}  // namespace

void setService(std::string service) {
    serviceName() = std::move(service);
}

void setSink(std::ostream& sink) {
    sinkStream() = &sink;
}

std::string formatEvent(std::int64_t now_ms,
                        std::string_view level,
                        std::string_view event,
                        nlohmann::json fields) {
    // Ordered: a person reading the log sees time, level, service and event first.
    nlohmann::ordered_json line = nlohmann::ordered_json::object();
    line["ts"] = isoUtc(now_ms);
    line["level"] = level;
    line["service"] = serviceName();
    line["event"] = event;
    if (fields.is_object()) {
        redact(fields);
        for (const auto& item : fields.items()) {
            if (!line.contains(item.key())) {  // the fixed keys keep their meaning
                line[item.key()] = nlohmann::ordered_json::parse(
                    item.value().dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
            }
        }
    }
    // Invalid UTF-8 (an exchange message, a path) is replaced, never a reason to throw.
    return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void logEvent(std::string_view level, std::string_view event, nlohmann::json fields) {
    static std::mutex mutex;
    const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
    const std::string line = formatEvent(now, level, event, std::move(fields));
    const std::lock_guard lock(mutex);
    *sinkStream() << line << std::endl;
}

}  // namespace robson::logging
