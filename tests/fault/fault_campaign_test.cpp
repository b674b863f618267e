// The fault campaign's short form: 40 intents through a stack whose every process type is
// SIGKILLed (and restarted) and whose exchange injects every fault type, then the judge. The
// long form is `make soak` (robson-fault-soak).
#include "campaign.hpp"

#include <boost/test/unit_test.hpp>

#include <iostream>

using namespace robson::fault;

BOOST_AUTO_TEST_SUITE(fault_campaign)

BOOST_AUTO_TEST_CASE(every_intent_ends_well_through_kills_and_exchange_faults) {
    robson::e2e::Stack stack(campaignStackOptions());
    CampaignOptions options;
    options.intents = 40;
    options.seed = 8;
    options.submit_every = std::chrono::milliseconds(250);
    options.chaos_every = std::chrono::milliseconds(600);
    options.log = [](const std::string& line) { BOOST_TEST_MESSAGE(line); };
    const CampaignReport report = runCampaign(stack, options);
    const std::string table = summaryTable(report);
    std::cout << table;
    BOOST_TEST_INFO("stack log: " << report.stack_log << "\n" << table);
    BOOST_TEST(report.verdict.clean());
    BOOST_TEST(report.verdict.intents >= 40U);
    BOOST_TEST(report.verdict.live >= 10U);
    BOOST_TEST(report.verdict.dry_run >= 5U);
    for (const char* process :
         {"plan worker", "validate worker", "execute worker", "broker", "sweeper", "api"}) {
        BOOST_TEST(report.kills.contains(process), process);
    }
    BOOST_TEST(report.mid_job_kills.at("execute worker") >= 1);
    for (const char* fault : {"unknown_status (-1007)",
                              "http_5xx",
                              "rate_limit (429, Retry-After 3 s)",
                              "reject_stop",
                              "reject_stop twice",
                              "drop_connection",
                              "latency 400 ms"}) {
        BOOST_TEST(report.faults.contains(fault), fault);
    }
    BOOST_TEST(!report.faults.contains("chaos errors"));
    // Armed is not enough: each counter fault met the requests it was armed for.
    BOOST_TEST(report.faults_unfired.empty());
}

BOOST_AUTO_TEST_SUITE_END()
