#include "pattern_arguments.hpp"

#include "command_line.hpp"
#include "robson/domain/patterns/pattern.hpp"
#include "robson/domain/strategy.hpp"

#include <Poco/URI.h>

#include <algorithm>
#include <cctype>

namespace robson::cli {
namespace {

std::string upper(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) {
        return static_cast<char>(std::toupper(c));
    });
    return text;
}

}  // namespace

std::string symbolArgument(const std::string& text, const std::string& what) {
    const std::string symbol = upper(text);
    const bool plausible = symbol.size() >= 2 && symbol.size() <= 20 &&
                           std::all_of(symbol.begin(), symbol.end(), [](unsigned char c) {
                               return std::isupper(c) != 0 || std::isdigit(c) != 0;
                           });
    if (!plausible) {
        throw UsageError(what +
                         " must be a symbol such as BTCUSDT: 2 to 20 letters or digits (got '" +
                         text + "')");
    }
    return symbol;
}

std::string timeframeArgument(const std::string& text) {
    if (!domain::isAllowedTimeframe(text)) {
        throw UsageError(
            "--timeframe must be one of 1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d (got '" + text +
            "')");
    }
    return text;
}

std::string patternArgument(const std::string& text) {
    const std::string name = upper(text);
    if (!domain::patterns::parsePatternKind(name)) {
        std::string names;
        for (const auto kind : domain::patterns::allPatternKinds()) {
            names += names.empty() ? "" : ", ";
            names += domain::patterns::toString(kind);
        }
        throw UsageError("--pattern must be one of " + names + " (got '" + text + "')");
    }
    return name;
}

std::string patternStateArgument(const std::string& text) {
    const std::string state = upper(text);
    if (!domain::patterns::parsePatternState(state)) {
        throw UsageError(
            "--state must be one of DETECTED, CONFIRMED, CONSUMED, EXPIRED, INVALIDATED (got '" +
            text + "')");
    }
    return state;
}

std::string queryString(const std::vector<std::pair<std::string, std::string>>& pairs) {
    std::string query;
    for (const auto& [name, value] : pairs) {
        std::string encoded;
        Poco::URI::encode(value, "!#$&'()*+,/:;=?@[]", encoded);
        query += (query.empty() ? "?" : "&") + name + "=" + encoded;
    }
    return query;
}

}  // namespace robson::cli
