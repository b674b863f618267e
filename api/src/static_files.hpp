#pragma once

#include "http_types.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace robson::api {

/// Serves the web UI from a directory (--web-root). Paths under /api/ are never files. A path
/// whose last segment has no extension and names no file is a client-side route: index.html
/// answers it. Traversal is refused twice: ".." and "." segments, backslashes and NULs are not
/// allowed, and the resolved file must still be inside the root after symlinks are followed.
class StaticFiles {
public:
    explicit StaticFiles(const std::filesystem::path& root);

    /// The file for a request path, or 404 not_found (ApiError).
    [[nodiscard]] Response serve(std::string_view raw_path) const;

    /// The file a request path names inside the root (not checked for existence), or nullopt
    /// when the path is unsafe.
    [[nodiscard]] std::optional<std::filesystem::path> resolve(std::string_view raw_path) const;

    [[nodiscard]] static std::string contentType(const std::filesystem::path& file);

private:
    [[nodiscard]] bool isInsideRoot(const std::filesystem::path& file) const;

    std::filesystem::path root_;  // canonical
};

}  // namespace robson::api
