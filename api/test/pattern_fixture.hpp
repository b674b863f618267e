#pragma once
// Rows the scanner's workers would write, inserted directly so the API's pattern endpoints can
// be tested without them (the tests play the workers in SQL, as the other API tests do).

#include "api_fixture.hpp"

#include <cstdint>
#include <string>

namespace robson::api::test {

/// A pattern_instances row; returns its id. `detected_at` is SQL ("now() - interval '1 hour'").
std::int64_t insertPattern(ApiFixture& api,
                           const std::string& symbol,
                           const std::string& pattern = "HAMMER",
                           const std::string& timeframe = "15m",
                           const std::string& state = "DETECTED",
                           const std::string& detected_at = "now()");

/// An intent a confirmed pattern made (entry_mode pattern, metadata.source pattern) in
/// `status` for `tenant_id` (alice's tenant when 0); returns its id.
std::string insertPatternIntent(ApiFixture& api,
                                const std::string& status,
                                std::int64_t pattern_id,
                                std::int64_t tenant_id = 0,
                                const std::string& created_at = "now()");

/// A pattern configuration row for `tenant_id` (strategy 1, HAMMER on BTCUSDT 15m); its id.
std::int64_t insertConfig(ApiFixture& api, std::int64_t tenant_id);

/// A user in a tenant of its own, made for one test so settings it changes touch nobody else;
/// returns an access token.
std::string loginFreshTenant(ApiFixture& api, const std::string& name, std::int64_t* tenant_id);

}  // namespace robson::api::test
