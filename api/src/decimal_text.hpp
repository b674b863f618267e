#pragma once

#include <string>
#include <string_view>

namespace robson::api {

/// The API's one spelling of a stored NUMERIC: PostgreSQL's exact text with the trailing
/// fractional zeros dropped ("100.00000000" → "100", "0.00051700" → "0.000517",
/// "-0.50" → "-0.5"). Pure text work, never through a double, so any NUMERIC(30, 8) survives
/// (beyond the range of domain::Decimal). Text that is not a plain decimal is returned as is.
[[nodiscard]] std::string normalizeDecimal(std::string_view text);

}  // namespace robson::api
