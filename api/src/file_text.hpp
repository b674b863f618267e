#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace robson::api {

/// A whole file's bytes, or nullopt when it cannot be opened. (One place for it: reading
/// through istreambuf_iterator trips GCC 12's -Wnull-dereference at -O2.)
[[nodiscard]] std::optional<std::string> readFileText(const std::filesystem::path& file);

}  // namespace robson::api
