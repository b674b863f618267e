#pragma once

#include <ostream>
#include <span>
#include <string>

namespace robson::datagen {

/// Exit codes of robson-candle-gen.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;  ///< unreadable input, unwritable output, bad data
inline constexpr int kExitUsage = 2;    ///< unknown command, missing or malformed option

/// Runs robson-candle-gen with its arguments (program name excluded):
///   generate  --symbol S --interval I --start-price P --count N --seed K --start-time MS --out F
///   aggregate --in F --interval I --out F [--from-time MS]
///   help
/// Messages go to `out` (one summary line on success) and `err` (the reason and, for usage
/// errors, the usage text). Never throws; every error becomes an exit code. Concurrent runs
/// are safe as long as they write different files.
[[nodiscard]] int runCandleGen(std::span<const std::string> args,
                               std::ostream& out,
                               std::ostream& err);

}  // namespace robson::datagen
