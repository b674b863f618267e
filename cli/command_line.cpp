#include "command_line.hpp"

#include <charconv>

namespace robson::cli {

CommandLine::CommandLine(const std::vector<std::string>& args,
                         const std::set<std::string>& value_options,
                         const std::set<std::string>& flag_options) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (!arg.starts_with("--")) {
            positionals_.push_back(arg);
            continue;
        }
        std::string name = arg.substr(2);
        std::optional<std::string> inline_value;
        if (const auto equals = name.find('='); equals != std::string::npos) {
            inline_value = name.substr(equals + 1);
            name.resize(equals);
        }
        if (flag_options.contains(name) && !inline_value) {
            flags_.insert(name);
        } else if (value_options.contains(name)) {
            if (inline_value) {
                values_[name] = *inline_value;
            } else if (i + 1 < args.size()) {
                values_[name] = args[++i];
            } else {
                throw UsageError("option --" + name + " needs a value");
            }
        } else {
            throw UsageError("unknown option --" + name);
        }
    }
}

std::optional<std::string> CommandLine::value(const std::string& name) const {
    if (const auto found = values_.find(name); found != values_.end()) {
        return found->second;
    }
    return std::nullopt;
}

std::string CommandLine::valueOr(const std::string& name, const std::string& fallback) const {
    return value(name).value_or(fallback);
}

domain::Decimal parsePositiveDecimal(const std::string& text, const std::string& option) {
    const auto value = domain::Decimal::parse(text);
    if (!value || !value->isPositive()) {
        throw UsageError(option + " must be a positive decimal such as 100 or 0.5 (got '" + text +
                         "')");
    }
    return *value;
}

int parsePositiveInt(const std::string& text, const std::string& option) {
    int value = 0;
    const auto* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc{} || ptr != end || value <= 0) {
        throw UsageError(option + " must be a positive whole number (got '" + text + "')");
    }
    return value;
}

}  // namespace robson::cli
