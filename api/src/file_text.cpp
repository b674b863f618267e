#include "file_text.hpp"

#include <fstream>
#include <sstream>

namespace robson::api {

std::optional<std::string> readFileText(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        return std::nullopt;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return std::move(text).str();
}

}  // namespace robson::api
