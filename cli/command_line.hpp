#pragma once

#include "robson/domain/decimal.hpp"

#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace robson::cli {

/// A mistake in how the command was called; main prints it with the usage and exits 2.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Exit codes, documented in `robson help`.
constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;        ///< an unexpected internal error
constexpr int kExitUsage = 2;          ///< bad arguments
constexpr int kExitBadData = 3;        ///< the input file is missing or malformed
constexpr int kExitRefused = 4;        ///< refused by the rules: no trade possible, plan refused,
                                       ///< validation REJECTED, execution FAILED
constexpr int kExitExchange = 5;       ///< the exchange or the API could not be reached, or failed
constexpr int kExitAuth = 6;           ///< the API needs a (valid) login: run `robson login`
constexpr int kExitNotFound = 7;       ///< the API has no such intent, strategy or symbol
constexpr int kExitConflict = 8;       ///< the intent is in the wrong state (already executed...)
constexpr int kExitInterrupted = 130;  ///< Ctrl-C while waiting (128 + SIGINT, as shells do)

/// `--name value` options, `--flag` switches and positional arguments, checked against what a
/// command accepts so a typo is an error instead of being ignored.
class CommandLine {
public:
    CommandLine(const std::vector<std::string>& args,
                const std::set<std::string>& value_options,
                const std::set<std::string>& flag_options);

    [[nodiscard]] const std::vector<std::string>& positionals() const { return positionals_; }
    [[nodiscard]] std::optional<std::string> value(const std::string& name) const;
    [[nodiscard]] std::string valueOr(const std::string& name, const std::string& fallback) const;
    [[nodiscard]] bool flag(const std::string& name) const { return flags_.contains(name); }

private:
    std::vector<std::string> positionals_;
    std::map<std::string, std::string> values_;
    std::set<std::string> flags_;
};

/// A strictly positive exact decimal ("100", "0.5"), or a UsageError naming the option.
[[nodiscard]] domain::Decimal parsePositiveDecimal(const std::string& text,
                                                   const std::string& option);
/// A strictly positive integer, or a UsageError naming the option.
[[nodiscard]] int parsePositiveInt(const std::string& text, const std::string& option);

}  // namespace robson::cli
