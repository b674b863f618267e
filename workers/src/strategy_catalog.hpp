#pragma once

#include "robson/domain/strategy.hpp"

#include <pqxx/pqxx>

#include <cstdint>
#include <stdexcept>

namespace robson::workers {

/// A strategy the worker cannot use (unknown id, or a tenant-defined one whose configuration
/// does not describe a valid strategy): the intent is refused, retrying would not help.
class UnusableStrategy : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// The domain strategy behind a strategies row. Built-ins (config.builtin_id) come from
/// robson::domain::builtinStrategies(), the one place their parameters are defined.
[[nodiscard]] domain::Strategy loadStrategy(pqxx::transaction_base& txn, std::int64_t strategy_id);

}  // namespace robson::workers
