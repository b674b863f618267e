#pragma once
// Gathers the judge's evidence after a campaign: the intents of the campaign's tenants, their
// execution mode and audit rows from PostgreSQL, and the simulator's order log.

#include "judge.hpp"
#include "stack.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace robson::fault {

[[nodiscard]] Evidence gatherEvidence(const e2e::Stack& stack,
                                      const std::vector<std::int64_t>& tenants,
                                      const std::vector<std::string>& acknowledged);

}  // namespace robson::fault
