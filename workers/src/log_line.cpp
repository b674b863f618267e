#include "log_line.hpp"

namespace robson::workers {

void logEvent(const std::string& level, const std::string& event, nlohmann::json fields) {
    logging::logEvent(level, event, std::move(fields));
}

}  // namespace robson::workers
