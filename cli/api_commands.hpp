#pragma once
// The `robson` commands that talk to the Robson API (docs/api-contract.md). Each returns its
// exit code and writes only to the streams it is given, so tests drive them in-process.

#include <istream>
#include <ostream>
#include <string>
#include <vector>

namespace robson::cli {

/// Where a command that may ask the person something reads from, and whether it is a terminal
/// (prompts only happen on one; a script gets an error instead of a hang).
struct Console {
    std::istream& in;
    bool interactive;
};

int runLogin(const std::vector<std::string>& args,
             Console console,
             std::ostream& out,
             std::ostream& err);
int runStrategies(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int runSymbols(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int runPlan(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int runValidate(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int runExecute(const std::vector<std::string>& args,
               Console console,
               std::ostream& out,
               std::ostream& err);
int runStatus(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int runCancel(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int runList(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int runScan(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int runPatterns(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int runPatternConfigs(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int runAutotrigger(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace robson::cli
