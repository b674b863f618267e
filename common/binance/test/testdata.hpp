#pragma once
// Reads a recorded payload from common/binance/testdata/.

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace robson::binance::testing {

inline std::string readTestdata(const std::string& name) {
    const std::string path = std::string(ROBSON_SOURCE_DIR) + "/common/binance/testdata/" + name;
    std::ifstream file(path);
    if (!file) {
        throw std::runtime_error("missing test data " + path);
    }
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

}  // namespace robson::binance::testing
