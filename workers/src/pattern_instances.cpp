#include "pattern_instances.hpp"

#include "stage_json.hpp"

#include <stdexcept>

namespace robson::workers {

namespace patterns = domain::patterns;

nlohmann::json triggerCandleJson(const domain::Candle& candle) {
    return {{"open_time", isoUtc(candle.open_time_ms)},
            {"open", candle.open.toString()},
            {"high", candle.high.toString()},
            {"low", candle.low.toString()},
            {"close", candle.close.toString()},
            {"volume", candle.volume.toString()}};
}

UpsertedInstance upsertInstance(pqxx::work& txn,
                                const std::string& symbol,
                                const std::string& timeframe,
                                const patterns::Detection& detection,
                                const domain::Candle& trigger,
                                std::int64_t scan_id) {
    const std::string pattern(patterns::toString(detection.kind));
    const pqxx::result inserted = txn.exec_params(
        "INSERT INTO pattern_instances (pattern, direction, symbol, timeframe, "
        "       trigger_open_time_ms, trigger_candle, confidence, confirmation_level, "
        "       invalidation_level, explanation, first_scan_id) "
        "VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::numeric, $8::numeric, $9::numeric, $10, $11) "
        "ON CONFLICT (pattern, symbol, timeframe, trigger_open_time_ms) DO NOTHING RETURNING id",
        pattern,
        std::string(domain::toString(detection.direction)),
        symbol,
        timeframe,
        detection.trigger_open_time_ms,
        triggerCandleJson(trigger).dump(),
        detection.confidence.toString(),
        detection.confirmation_level.toString(),
        detection.invalidation_level.toString(),
        detection.explanation,
        scan_id);
    if (!inserted.empty()) {
        return {inserted[0][0].as<std::int64_t>(), true};
    }
    const pqxx::result existing = txn.exec_params(
        "SELECT id FROM pattern_instances "
        " WHERE pattern = $1 AND symbol = $2 AND timeframe = $3 AND trigger_open_time_ms = $4",
        pattern,
        symbol,
        timeframe,
        detection.trigger_open_time_ms);
    return {existing.at(0)[0].as<std::int64_t>(), false};
}

std::vector<StoredInstance> lockOpenInstances(pqxx::work& txn,
                                              const std::string& symbol,
                                              const std::string& timeframe) {
    const pqxx::result rows = txn.exec_params(
        "SELECT id, pattern, direction, trigger_open_time_ms, confidence::text, "
        "       confirmation_level::text, invalidation_level::text, state, "
        "       trigger_candle::text, explanation "
        "  FROM pattern_instances "
        " WHERE symbol = $1 AND timeframe = $2 AND state IN ('DETECTED', 'CONFIRMED') "
        " ORDER BY id FOR UPDATE",
        symbol,
        timeframe);
    std::vector<StoredInstance> instances;
    instances.reserve(rows.size());
    for (const auto& row : rows) {
        StoredInstance instance;
        instance.id = row[0].as<std::int64_t>();
        instance.symbol = symbol;
        instance.timeframe = timeframe;
        const auto kind = patterns::parsePatternKind(row[1].as<std::string>());
        const auto side = domain::parseSide(row[2].as<std::string>());
        const auto state = patterns::parsePatternState(row[7].as<std::string>());
        if (!kind || !side || !state) {
            throw std::runtime_error("pattern instance " + std::to_string(instance.id) +
                                     " has an unknown pattern, direction or state");
        }
        auto& detection = instance.detection;
        detection.kind = *kind;
        detection.direction = *side;
        detection.trigger_open_time_ms = row[3].as<std::int64_t>();
        detection.confidence = domain::Decimal::fromString(row[4].c_str());
        detection.confirmation_level = domain::Decimal::fromString(row[5].c_str());
        detection.invalidation_level = domain::Decimal::fromString(row[6].c_str());
        detection.confirmed_on_detection = patterns::confirmedOnDetection(*kind);
        detection.explanation = row[9].as<std::string>();
        instance.state = *state;
        instance.trigger_candle = nlohmann::json::parse(row[8].as<std::string>());
        instances.push_back(std::move(instance));
    }
    return instances;
}

bool moveInstance(pqxx::work& txn,
                  std::int64_t id,
                  patterns::PatternState from,
                  patterns::PatternState to,
                  const domain::Decimal& confidence) {
    if (!patterns::canTransition(from, to)) {
        throw std::logic_error("pattern instance " + std::to_string(id) + " cannot move from " +
                               std::string(patterns::toString(from)) + " to " +
                               std::string(patterns::toString(to)));
    }
    const pqxx::result moved = txn.exec_params(
        "UPDATE pattern_instances SET state = $3, confidence = $4::numeric, updated_at = now(), "
        "       confirmed_at = CASE WHEN $3 = 'CONFIRMED' THEN now() ELSE confirmed_at END, "
        "       decided_at = CASE WHEN $3 IN ('CONSUMED', 'EXPIRED', 'INVALIDATED') "
        "                         THEN now() ELSE decided_at END "
        " WHERE id = $1 AND state = $2",
        id,
        std::string(patterns::toString(from)),
        std::string(patterns::toString(to)),
        confidence.toString());
    return moved.affected_rows() == 1;
}

}  // namespace robson::workers
