// The API's JSON request bodies (api/src/json_request, request_bodies/): what any client can
// send to POST /api/intents/create/ and /api/pattern-configs/, and the strict JSON layer
// under every body.
#include "fuzz_entries.hpp"
#include "http_errors.hpp"
#include "json_request.hpp"
#include "request_bodies/intent_create_body.hpp"
#include "request_bodies/pattern_config_body.hpp"
#include "request_bodies/symbol_syntax.hpp"
#include "robson/domain/decimal.hpp"

namespace robson::fuzz {

namespace {

/// A member not allowed is refused, never ignored (a typo must not become the default).
void refuseUnknownMembers(const nlohmann::json& object) {
    try {
        const api::FieldReader fields(object, {});
        if (!object.empty()) {
            fail("json: FieldReader accepted a member not allowed");
        }
    } catch (const api::ApiError& error) {
        if (error.code() != "unknown_field") {
            fail("json: an unknown member refused with another code");
        }
    }
}

void readAs(const nlohmann::json& object, std::string_view name) {
    const auto attempt = [](auto read) {
        try {
            (void)read();
        } catch (const api::ApiError&) {
        }
    };
    // FieldReader's constructor refuses unknown members, so allow exactly this one.
    const api::FieldReader fields(object, {name});
    attempt([&] { return fields.optionalString(name, 64); });
    attempt([&] { return fields.optionalInteger(name, -1000, 1000); });
    attempt([&] { return fields.optionalBool(name); });
    attempt([&] { return fields.optionalObject(name, 4096); });
    attempt([&] { return fields.optionalStringArray(name, 1, 10, 20); });
    attempt([&] { return fields.optionalDecimal(name); });
    attempt([&] { return fields.optionalAmount(name, 1'000'000'000); });
}

}  // namespace

void jsonRequest(std::span<const std::uint8_t> input) {
    if (input.empty()) {
        return;
    }
    // The first byte picks how an empty body is read; the rest is the body.
    const bool empty_is_object = (input[0] & 1U) != 0;
    try {
        const nlohmann::json object =
            api::parseJsonObject(asText(input.subspan(1)), empty_is_object);
        if (!object.is_object()) {
            fail("json: parseJsonObject returned a non-object");
        }
        refuseUnknownMembers(object);
        if (object.size() == 1) {
            readAs(object, object.begin().key());
        }
    } catch (const api::ApiError& error) {
        if (error.status() != 400) {
            fail("json: a body refusal that is not a 400");
        }
    }
}

void intentCreateBody(std::span<const std::uint8_t> input) {
    try {
        const api::CreateRequest create = api::parseCreateBody(asText(input));
        // What passes must be what the database and the planner can take.
        const auto capital = domain::Decimal::parse(create.capital);
        if (!capital || !capital->isPositive() || !api::isPlausibleSymbol(create.symbol) ||
            create.strategy_id < 1) {
            fail("intent create: accepted a body the contract refuses");
        }
    } catch (const api::ApiError& error) {
        if (error.status() != 400) {
            fail("intent create: a body refusal that is not a 400");
        }
    }
}

void patternConfigBody(std::span<const std::uint8_t> input) {
    for (const bool creating : {true, false}) {
        try {
            const api::ParsedChange parsed = api::parsePatternConfigBody(asText(input), creating);
            const auto& change = parsed.change;
            if (creating && (!change.strategy_id || !change.pattern || !change.symbols ||
                             !change.timeframes || !change.capital)) {
                fail("pattern config: created without a required member");
            }
            if (change.mode == "auto_live" && !parsed.acknowledge_risk) {
                fail("pattern config: auto_live without acknowledge_risk");
            }
        } catch (const api::ApiError& error) {
            if (error.status() != 400) {
                fail("pattern config: a body refusal that is not a 400");
            }
        }
    }
}

}  // namespace robson::fuzz
