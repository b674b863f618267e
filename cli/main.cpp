// The `robson` command: offline analysis, and PLAN -> VALIDATE -> EXECUTE through the Robson API.
#include "analyze_command.hpp"
#include "api_commands.hpp"
#include "command_line.hpp"
#include "robson/binance/binance_config.hpp"
#include "robson/exchange/exchange_error.hpp"
#include "stop_survey_command.hpp"

#include <exception>
#include <functional>
#include <iostream>
#include <map>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

constexpr const char* kUsage = R"(usage: robson <command> [options]

trading through the Robson API (PLAN -> VALIDATE -> EXECUTE; DRY-RUN unless --live):
  login [--username U] [--password-stdin]   sign in; tokens saved in ~/.config/robson/config.json
  strategies | symbols         what a plan can use
  plan buy|sell SYMBOL --strategy NAME|ID --capital N [--timeframe 15m] [--note TEXT]
                               the stop, the size and the guards, computed by the API
  validate ID [--timeout 30]   wait for the guards; each one PASS / WARNING / FAIL
  execute ID                   DRY-RUN: simulated orders, nothing reaches the exchange
  execute ID --live --acknowledge-risk [--yes]
                               real orders, after showing the max loss and asking for yes
  status ID [--watch]          the intent whole; --watch follows it until it ends
  cancel ID                    cancel before execution
  list [--status S] [--symbol SYM] [--page N] [--page-size N]

chart patterns (the scanner; docs/decisions/0005-pattern-scanner.md):
  scan SYMBOL... --timeframe T [--timeout 120]
                               scan now, follow each scan, then show the patterns found
  patterns [--symbol S] [--timeframe T] [--pattern P] [--state X]
                               the pattern feed, newest first, with the intents it made for you
  pattern-configs              which confirmed patterns become your intents, and how
  autotrigger on|off|status    automatic execution of confirmed patterns; off is the kill switch
  on every API command: --server URL (else $ROBSON_API_URL, the stored server,
  http://127.0.0.1:8080), --token T (else $ROBSON_TOKEN, the stored login), --json (the API's
  JSON answer for scripts), --help (that command's usage)

offline analysis:
  analyze <candles.csv>        technical stop, position size and orders for one entry
  analyze --exchange URL       the same from a Binance-compatible exchange (the simulator:
                               http://127.0.0.1:8765); entry = best ask (BUY) / bid (SELL)
      --symbol BTCUSDT           symbol whose exchange rules apply (BTCUSDT, ETHUSDT, SOLUSDT...)
      --strategy "All In"        built-in strategy: All In, Rescue Forces, Smooth Sailing, Bounce Back
      --capital 100              capital in the quote asset; the risk rule applies to it
      --side BUY|SELL            default BUY
      --entry PRICE              default: the close of the last candle read
      --at N                     use only the first N candles (replay a past moment)
      --level N                  anchor on the Nth level instead of the strategy's
      --risk-percent P           override the strategy's risk per trade
      --step STEP                override the symbol's LOT_SIZE step
      --no-costs                 size without fees, offset and slippage (the naive rule)
  stop-survey <candles.csv>... the stop distance distribution over every window of the files
      --strategy NAME --capital 1000
  help                         this text

candle files: Binance kline CSV (open time, open, high, low, close, volume, close time, ...).

exit codes:
  0  ok
  1  internal error
  2  bad arguments (usage), e.g. --live without --acknowledge-risk (nothing is sent)
  3  unusable candle file or config file
  4  refused by the rules: no trade possible, plan refused (422), validation REJECTED,
     execution FAILED, LIVE execution not confirmed
  5  exchange or API unreachable, timed out, overloaded (503: the Retry-After is printed) or
     answering something unusable (keys: ROBSON_EXCHANGE_API_KEY/_SECRET for analyze); a scan
     that failed or did not finish within --timeout
  6  not authenticated (401): run robson login
  7  not found (404): no such intent, strategy or symbol
  8  conflict: the intent is in the wrong state (409 already executed / not cancellable,
     execute before VALIDATED)
  130  Ctrl-C while validate, status --watch or scan was waiting
)";

}  // namespace

int main(int argc, char** argv) {
    using namespace robson::cli;
    const std::vector<std::string> all(argv + 1, argv + argc);
    if (all.empty() || all.front() == "help" || all.front() == "--help" || all.front() == "-h") {
        std::cout << kUsage;
        return all.empty() ? kExitUsage : kExitOk;
    }
    const std::vector<std::string> args(all.begin() + 1, all.end());
    try {
        if (all.front() == "analyze") {
            return runAnalyze(args, std::cout, std::cerr);
        }
        if (all.front() == "stop-survey") {
            return runStopSurvey(args, std::cout, std::cerr);
        }
        const Console console{std::cin, isatty(STDIN_FILENO) == 1};
        using Command = std::function<int(const std::vector<std::string>&)>;
        const std::map<std::string, Command> api_commands = {
            {"login", [&](const auto& a) { return runLogin(a, console, std::cout, std::cerr); }},
            {"strategies", [](const auto& a) { return runStrategies(a, std::cout, std::cerr); }},
            {"symbols", [](const auto& a) { return runSymbols(a, std::cout, std::cerr); }},
            {"plan", [](const auto& a) { return runPlan(a, std::cout, std::cerr); }},
            {"validate", [](const auto& a) { return runValidate(a, std::cout, std::cerr); }},
            {"execute",
             [&](const auto& a) { return runExecute(a, console, std::cout, std::cerr); }},
            {"status", [](const auto& a) { return runStatus(a, std::cout, std::cerr); }},
            {"cancel", [](const auto& a) { return runCancel(a, std::cout, std::cerr); }},
            {"list", [](const auto& a) { return runList(a, std::cout, std::cerr); }},
            {"scan", [](const auto& a) { return runScan(a, std::cout, std::cerr); }},
            {"patterns", [](const auto& a) { return runPatterns(a, std::cout, std::cerr); }},
            {"pattern-configs",
             [](const auto& a) { return runPatternConfigs(a, std::cout, std::cerr); }},
            {"autotrigger", [](const auto& a) { return runAutotrigger(a, std::cout, std::cerr); }},
        };
        if (const auto command = api_commands.find(all.front()); command != api_commands.end()) {
            return command->second(args);
        }
        throw UsageError("unknown command '" + all.front() + "'");
    } catch (const UsageError& error) {
        std::cerr << "robson: " << error.what() << "\n(run 'robson help' for usage)\n";
        return kExitUsage;
    } catch (const robson::exchange::ExchangeException& error) {
        std::cerr << "robson: exchange: " << error.what() << "\n";
        return kExitExchange;
    } catch (const robson::binance::ConfigError& error) {
        std::cerr << "robson: exchange configuration: " << error.what() << "\n";
        return kExitExchange;
    } catch (const std::exception& error) {
        std::cerr << "robson: internal error: " << error.what() << "\n";
        return kExitFailure;
    }
}
