#include "static_files.hpp"

#include "file_text.hpp"
#include "http_errors.hpp"
#include "query_params.hpp"
#include "router.hpp"

#include <algorithm>
#include <map>

namespace robson::api {

namespace {

constexpr std::uintmax_t kMaxFileBytes = std::uintmax_t{32} << 20U;

bool isRegularFile(const std::filesystem::path& file) {
    std::error_code error;
    return std::filesystem::is_regular_file(file, error);
}

}  // namespace

StaticFiles::StaticFiles(const std::filesystem::path& root)
    : root_(std::filesystem::weakly_canonical(root)) {}

std::optional<std::filesystem::path> StaticFiles::resolve(std::string_view raw_path) const {
    if (!raw_path.starts_with('/') || raw_path.starts_with("/api/") || raw_path == "/api") {
        return std::nullopt;
    }
    std::filesystem::path relative;
    for (const std::string& segment : splitPath(raw_path)) {
        const auto decoded = percentDecode(segment, false);
        if (!decoded || decoded->empty() || *decoded == "." || *decoded == ".." ||
            decoded->find_first_of("/\\") != std::string::npos) {
            return std::nullopt;
        }
        relative /= *decoded;
    }
    if (relative.empty()) {
        relative = "index.html";
    }
    return root_ / relative;
}

bool StaticFiles::isInsideRoot(const std::filesystem::path& file) const {
    std::error_code error;
    const auto real = std::filesystem::weakly_canonical(file, error);
    if (error) {
        return false;
    }
    const auto [root_end, unused] =
        std::mismatch(root_.begin(), root_.end(), real.begin(), real.end());
    return root_end == root_.end();
}

Response StaticFiles::serve(std::string_view raw_path) const {
    const auto file = resolve(raw_path);
    if (!file) {
        throw notFound("This path");
    }
    std::filesystem::path chosen = *file;
    if (!isRegularFile(chosen)) {
        // A client-side route (/intents/abc) has no extension: the UI's index.html routes it.
        if (file->has_extension()) {
            throw notFound("This file");
        }
        chosen = root_ / "index.html";
    }
    std::error_code error;
    if (!isRegularFile(chosen) || !isInsideRoot(chosen) ||
        std::filesystem::file_size(chosen, error) > kMaxFileBytes || error) {
        throw notFound("This file");
    }
    auto body = readFileText(chosen);
    if (!body) {
        throw notFound("This file");
    }
    Response response;
    response.content_type = contentType(chosen);
    response.body = std::move(*body);
    response.headers.emplace_back("X-Content-Type-Options", "nosniff");
    return response;
}

std::string StaticFiles::contentType(const std::filesystem::path& file) {
    static const std::map<std::string, std::string, std::less<>> kTypes{
        {".html", "text/html; charset=utf-8"},
        {".htm", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".json", "application/json"},
        {".map", "application/json"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".jpg", "image/jpeg"},
        {".jpeg", "image/jpeg"},
        {".gif", "image/gif"},
        {".ico", "image/x-icon"},
        {".webp", "image/webp"},
        {".woff", "font/woff"},
        {".woff2", "font/woff2"},
        {".txt", "text/plain; charset=utf-8"},
        {".yaml", "application/yaml"},
        {".wasm", "application/wasm"},
    };
    const auto it = kTypes.find(file.extension().string());
    return it == kTypes.end() ? "application/octet-stream" : it->second;
}

}  // namespace robson::api
