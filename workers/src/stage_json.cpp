#include "stage_json.hpp"

#include "robson/domain/guards/guard_result.hpp"

#include <chrono>
#include <ctime>
#include <iomanip>
#include <sstream>

namespace robson::workers {

std::string isoUtc(std::int64_t epoch_ms) {
    const auto seconds = static_cast<std::time_t>(epoch_ms / 1000);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    std::ostringstream out;
    out << std::put_time(&utc, "%Y-%m-%dT%H:%M:%SZ");
    return out.str();
}

nlohmann::json stopJson(const domain::TechnicalStopAnalysis& analysis) {
    nlohmann::json levels = nlohmann::json::array();
    for (const auto& level : analysis.levels) {
        levels.push_back({{"price", level.price.toString()},
                          {"touches", level.touches},
                          {"distance", level.distance.toString()},
                          {"distance_percent", level.distance_percent.toString()},
                          {"first_touch_ms", level.first_touch_ms},
                          {"last_touch_ms", level.last_touch_ms}});
    }
    nlohmann::json skips = nlohmann::json::array();
    for (const auto& skip : analysis.skips) {
        skips.push_back({{"level", skip.level},
                         {"level_price", skip.level_price.toString()},
                         {"candidate_stop", skip.candidate_stop.toString()},
                         {"distance_percent", skip.distance_percent.toString()},
                         {"reason", std::string(domain::toString(skip.reason))}});
    }
    const auto text = [](const auto& value) -> nlohmann::json {
        if (!value) {
            return nullptr;
        }
        return value->toString();
    };
    nlohmann::json out{
        {"side", std::string(domain::toString(analysis.side))},
        {"entry", analysis.entry.toString()},
        {"level_n", analysis.config.level_n},
        {"candles_read", analysis.candles_read},
        {"swings_found", analysis.swings_found},
        {"levels", levels},
        {"chosen_level", analysis.chosen_level ? nlohmann::json(*analysis.chosen_level) : nullptr},
        {"skips", skips},
        {"method",
         analysis.method ? nlohmann::json(std::string(domain::toString(*analysis.method)))
                         : nullptr},
        {"fallback_reason",
         analysis.fallback_reason
             ? nlohmann::json(std::string(domain::toString(*analysis.fallback_reason)))
             : nullptr},
        {"atr", analysis.atr ? nlohmann::json(*analysis.atr) : nullptr},
        {"stop", text(analysis.stop)},
        {"distance", text(analysis.distance)},
        {"distance_percent", text(analysis.distance_percent)},
        {"confidence",
         analysis.confidence ? nlohmann::json(std::string(domain::toString(*analysis.confidence)))
                             : nullptr},
        {"explanation", domain::explainTechnicalStop(analysis)}};
    if (analysis.rejection) {
        out["rejection"] = {{"message", analysis.rejection->message}};
    }
    return out;
}

nlohmann::json sizingJson(const domain::PositionSize& size) {
    return {{"quantity", size.quantity.toString()},
            {"bound", std::string(domain::toString(size.bound))},
            {"risk_budget", size.risk_budget.toString()},
            {"planned_risk", size.planned_risk.toString()},
            {"naive_risk", size.naive_risk.toString()},
            {"position_value", size.position_value.toString()},
            {"value_with_fees", size.value_with_fees.toString()},
            {"stop_distance", size.stop_distance.toString()},
            {"stop_distance_percent", size.stop_distance_percent.toString()},
            {"stop_trigger", size.stop_prices.trigger.toString()},
            {"stop_limit", size.stop_prices.limit.toString()},
            {"note", size.note}};
}

nlohmann::json strategyJson(const domain::Strategy& strategy) {
    return {{"id", strategy.id},
            {"name", strategy.name},
            {"risk_percent", domain::mulInteger(strategy.risk.risk_rate, 100).toString()},
            {"level_n", strategy.stop.level_n},
            {"timeframe", strategy.timeframe},
            {"taker_fee_rate", strategy.risk.costs.taker_fee_rate.toString()},
            {"stop_limit_offset_rate", strategy.risk.costs.stop_limit_offset_rate.toString()},
            {"entry_slippage_rate", strategy.risk.costs.entry_slippage_rate.toString()}};
}

nlohmann::json validationJson(const domain::ValidationReport& report) {
    nlohmann::json guards = nlohmann::json::array();
    for (const auto& guard : report.guards) {
        guards.push_back({{"name", guard.name},
                          {"status", std::string(domain::toString(guard.status))},
                          {"message", guard.message},
                          {"code", guard.code}});
    }
    return {{"status", std::string(domain::toString(report.status))},
            {"guards", guards},
            {"warnings", report.warnings},
            {"validated_at", isoUtc(report.validated_at_ms)}};
}

std::string confidenceText(std::optional<domain::StopConfidence> confidence) {
    if (!confidence) {
        return "0";
    }
    switch (*confidence) {
        case domain::StopConfidence::High:
            return "0.9";
        case domain::StopConfidence::Medium:
            return "0.6";
        case domain::StopConfidence::Low:
            return "0.3";
    }
    return "0";
}

}  // namespace robson::workers
