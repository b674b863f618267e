#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace robson::api::auth {

/// The HS256 key, in this order: the environment's ROBSON_JWT_SECRET (passed in as
/// `from_environment`); else the content of `file` when it exists; else a fresh 32-byte random
/// key written to `file` (mode 0600, created exclusively so two starting processes agree);
/// with neither, an ephemeral random key (tokens then die with the process). Throws when the
/// file cannot be read or written or holds fewer than 32 characters.
[[nodiscard]] std::string loadJwtSecret(const std::optional<std::string>& from_environment,
                                        const std::optional<std::filesystem::path>& file);

}  // namespace robson::api::auth
