#include "robson/marketdata/kline_csv.hpp"

#include <array>
#include <charconv>
#include <fstream>
#include <optional>
#include <string_view>

namespace robson::marketdata {
namespace {

using domain::Candle;
using domain::Decimal;

// A millisecond epoch has 13 digits until the year 2286; 16 digits means microseconds.
constexpr std::int64_t kMicrosecondThreshold = 100'000'000'000'000;

std::vector<std::string_view> splitFields(std::string_view line) {
    std::vector<std::string_view> fields;
    std::size_t start = 0;
    while (true) {
        const auto comma = line.find(',', start);
        fields.push_back(line.substr(start, comma - start));
        if (comma == std::string_view::npos) {
            return fields;
        }
        start = comma + 1;
    }
}

std::optional<std::int64_t> parseTime(std::string_view text) {
    std::int64_t value = 0;
    const auto* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc{} || ptr != end || value < 0) {
        return std::nullopt;
    }
    return value >= kMicrosecondThreshold ? value / 1000 : value;
}

std::string_view trimLineEnd(std::string_view line) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) {
        line.remove_suffix(1);
    }
    return line;
}

/// Parses one row or says why not.
std::optional<Candle> parseRow(const std::vector<std::string_view>& fields, std::string& why) {
    const auto open_time = parseTime(fields[0]);
    if (!open_time) {
        why = "open time '" + std::string(fields[0]) + "' is not a non-negative integer";
        return std::nullopt;
    }
    static constexpr std::array<std::string_view, 5> kNames{
        "open", "high", "low", "close", "volume"};
    std::array<Decimal, 5> values{};
    for (std::size_t i = 0; i < kNames.size(); ++i) {
        const auto value = Decimal::parse(fields[i + 1]);
        if (!value) {
            why = std::string(kNames.at(i)) + " '" + std::string(fields[i + 1]) +
                  "' is not an exact decimal";
            return std::nullopt;
        }
        values.at(i) = *value;
    }
    Candle candle{*open_time, values[0], values[1], values[2], values[3], values[4], 0};
    if (fields.size() > 6) {
        const auto close_time = parseTime(fields[6]);
        if (!close_time) {
            why = "close time '" + std::string(fields[6]) + "' is not a non-negative integer";
            return std::nullopt;
        }
        candle.close_time_ms = *close_time;
    }
    if (!domain::isWellFormed(candle)) {
        why = "prices are inconsistent (need 0 < low <= open, close <= high and volume >= 0)";
        return std::nullopt;
    }
    return candle;
}

}  // namespace

KlineCsvResult parseKlineCsv(std::istream& input) {
    KlineCsvResult result;
    std::string raw;
    std::size_t line_number = 0;
    while (std::getline(input, raw)) {
        ++line_number;
        const std::string_view line = trimLineEnd(raw);
        if (line.empty()) {
            continue;
        }
        const auto fields = splitFields(line);
        if (line_number == 1 && !parseTime(fields[0])) {
            continue;  // a header row such as "open_time,open,high,..."
        }
        if (fields.size() < 6) {
            result.errors.push_back(
                {line_number,
                 "expected at least 6 columns, found " + std::to_string(fields.size())});
            continue;
        }
        std::string why;
        auto candle = parseRow(fields, why);
        if (!candle) {
            result.errors.push_back({line_number, why});
            continue;
        }
        if (!result.candles.empty() && candle->open_time_ms <= result.candles.back().open_time_ms) {
            result.errors.push_back({line_number, "open time is not after the previous row's"});
            continue;
        }
        result.candles.push_back(*candle);
    }
    return result;
}

KlineCsvResult readKlineCsvFile(const std::filesystem::path& path) {
    std::ifstream file(path);
    if (!file) {
        return {{}, {{0, "cannot open " + path.string()}}};
    }
    return parseKlineCsv(file);
}

}  // namespace robson::marketdata
