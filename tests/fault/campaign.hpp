#pragma once
// The fault campaign: a load generator (intents through the API and by direct inserts the way
// the API makes them, DRY-RUN and LIVE), a chaos driver (SIGKILL of each process type with a
// restart, simulator faults) and, at the end, the judge's verdict on what is left.

#include "judge.hpp"
#include "stack.hpp"

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <string>

namespace robson::fault {

struct CampaignOptions {
    int intents = 48;
    double live_share = 0.55;  ///< of the executions requested
    double api_share = 0.2;    ///< of the intents created through the API (executed DRY-RUN)
    double fault_rate = 0.0;   ///< the simulator's random faults on order requests (0..1)
    std::chrono::milliseconds submit_every{250};
    std::chrono::milliseconds chaos_every{1200};
    /// Keep cycling the chaos events while intents are being submitted (the soak); otherwise
    /// run each event once.
    bool repeat_chaos = false;
    std::chrono::seconds settle_timeout{45};
    std::uint64_t seed = 1;
    std::function<void(const std::string&)> log = [](const std::string&) {};
};

struct CampaignReport {
    Verdict verdict;
    std::size_t requested_live = 0;
    std::size_t requested_dry_run = 0;
    std::size_t via_api = 0;
    double seconds = 0;                         ///< first submission to the last intent settled
    std::map<std::string, int> kills;           ///< per process type
    std::map<std::string, int> mid_job_kills;   ///< of which with a job of that pool running
    std::map<std::string, int> faults;          ///< injections per fault type
    std::map<std::string, int> faults_unfired;  ///< counters still armed at the end
    std::string stack_log;
};

/// Runs the campaign on a started stack (with the API, 2 workers per pool advised).
[[nodiscard]] CampaignReport runCampaign(e2e::Stack& stack, const CampaignOptions& options);

/// The summary table (intents, modes, duration, rate, terminal states, duplicates,
/// unprotected, lost, audit gaps, kills and faults).
[[nodiscard]] std::string summaryTable(const CampaignReport& report);

/// The stack the campaign needs.
[[nodiscard]] e2e::StackOptions campaignStackOptions();

}  // namespace robson::fault
