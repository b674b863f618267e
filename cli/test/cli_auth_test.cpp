// Login, the config file, token precedence and the transparent token refresh.
#include "cli_test_support.hpp"

#include <boost/test/unit_test.hpp>

#include <fstream>
#include <sys/stat.h>

namespace robson::cli::testing {
namespace {

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

const Runner kStrategies = runStrategies;

nlohmann::json readJsonFile(const std::filesystem::path& path) {
    std::ifstream file(path);
    std::stringstream text;
    text << file.rdbuf();
    return parsed(text.str());
}

CannedReply tokens(const std::string& access, const std::string& refresh) {
    return ok(
        {{"access", access}, {"refresh", refresh}, {"token_type", "Bearer"}, {"expires_in", 900}});
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(cli_login, CliFixture)

BOOST_AUTO_TEST_CASE(login_stores_both_tokens_and_the_server_in_a_0600_config_file) {
    api.on("POST", "/api/auth/token/", tokens("acc-1", "ref-1"));
    const auto result =
        run(withConsole(runLogin, "s3cret\n", false),
            {"--username", "demo", "--password-stdin", "--server", api.url() + "/"});
    BOOST_TEST(result.code == 0, result.err);
    const auto posts = api.requestsTo("POST", "/api/auth/token/");
    BOOST_REQUIRE(posts.size() == 1U);
    BOOST_TEST(parsed(posts[0].body) ==
               (nlohmann::json{{"username", "demo"}, {"password", "s3cret"}}));
    BOOST_TEST(posts[0].authorization.empty());
    const auto stored = readJsonFile(config_file);
    BOOST_TEST(stored["access"] == "acc-1");
    BOOST_TEST(stored["refresh"] == "ref-1");
    BOOST_TEST(stored["server"] == api.url());
    BOOST_TEST(stored["username"] == "demo");
    struct stat info {};
    BOOST_REQUIRE(::stat(config_file.c_str(), &info) == 0);
    BOOST_TEST((info.st_mode & 0777U) == 0600U);
    BOOST_TEST(!contains(result.out, "acc-1"));  // tokens are never printed
}

BOOST_AUTO_TEST_CASE(commands_after_login_use_the_stored_server_and_token) {
    api.on("POST", "/api/auth/token/", tokens("acc-1", "ref-1"));
    api.on("GET", "/api/strategies/", ok(parsed(strategiesBody())));
    BOOST_REQUIRE(run(withConsole(runLogin, "", false),
                      {"--username", "demo", "--password", "pw", "--server", api.url()})
                      .code == 0);
    const auto result = run(kStrategies, {});
    BOOST_TEST(result.code == 0, result.err);
    const auto gets = api.requestsTo("GET", "/api/strategies/");
    BOOST_REQUIRE(gets.size() == 1U);
    BOOST_TEST(gets[0].authorization == "Bearer acc-1");
}

BOOST_AUTO_TEST_CASE(login_with_a_wrong_password_exits_6_and_stores_nothing) {
    api.on("POST",
           "/api/auth/token/",
           apiError(401, "wrong username or password", "invalid_credentials"));
    const auto result = run(withConsole(runLogin, "nope\n", false),
                            {"--username", "demo", "--password-stdin", "--server", api.url()});
    BOOST_TEST(result.code == 6);
    BOOST_TEST(contains(result.err, "wrong username or password (invalid_credentials)"));
    BOOST_TEST(!std::filesystem::exists(config_file));
}

BOOST_AUTO_TEST_CASE(login_without_a_terminal_needs_username_and_password_options) {
    const auto no_user = run(withConsole(runLogin, "", false), {"--server", api.url()});
    BOOST_TEST(no_user.code == 2);
    BOOST_TEST(contains(no_user.err, "--username"));
    const auto no_password =
        run(withConsole(runLogin, "", false), {"--username", "demo", "--server", api.url()});
    BOOST_TEST(no_password.code == 2);
    BOOST_TEST(contains(no_password.err, "--password-stdin"));
    BOOST_TEST(api.requests().empty());
}

BOOST_AUTO_TEST_CASE(login_on_a_terminal_asks_for_what_is_missing) {
    api.on("POST", "/api/auth/token/", tokens("acc-1", "ref-1"));
    const auto result = run(withConsole(runLogin, "demo\npw\n", true), {"--server", api.url()});
    BOOST_TEST(result.code == 0, result.err);
    BOOST_TEST(contains(result.err, "Username: "));
    BOOST_TEST(contains(result.err, "Password: "));
    BOOST_REQUIRE(api.requests().size() == 1U);
    BOOST_TEST(parsed(api.requests()[0].body) ==
               (nlohmann::json{{"username", "demo"}, {"password", "pw"}}));
}

BOOST_AUTO_TEST_CASE(login_replaces_a_corrupt_config_file) {
    std::ofstream(config_file) << "{not json";
    api.on("POST", "/api/auth/token/", tokens("acc-1", "ref-1"));
    const auto result = run(withConsole(runLogin, "pw\n", false),
                            {"--username", "demo", "--password-stdin", "--server", api.url()});
    BOOST_TEST(result.code == 0, result.err);
    BOOST_TEST(readJsonFile(config_file)["access"] == "acc-1");
}

BOOST_AUTO_TEST_CASE(a_corrupt_config_file_is_reported_with_exit_3) {
    std::ofstream(config_file) << "{not json";
    const auto result = run(kStrategies, {"--server", api.url()});
    BOOST_TEST(result.code == 3);
    BOOST_TEST(contains(result.err, config_file.string()));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(cli_tokens, CliFixture)

BOOST_AUTO_TEST_CASE(no_token_answered_401_exits_6_with_the_login_hint) {
    api.on("GET",
           "/api/strategies/",
           apiError(401, "authentication credentials were not provided", "not_authenticated"));
    const auto result = run(kStrategies, {"--server", api.url()});
    BOOST_TEST(result.code == 6);
    BOOST_TEST(contains(result.err, "authentication credentials were not provided"));
    BOOST_TEST(contains(result.err, "(not_authenticated)"));
    BOOST_TEST(contains(result.err, "run robson login"));
    BOOST_TEST(api.requests()[0].authorization.empty());
}

BOOST_AUTO_TEST_CASE(an_expired_token_is_refreshed_once_saved_and_the_request_retried) {
    saveConfig(config_file, {api.url(), "demo", "old-access", "ref-1"});
    api.on("GET", "/api/strategies/", apiError(401, "token expired", "token_expired"));
    api.on("GET", "/api/strategies/", ok(parsed(strategiesBody())));
    api.on("POST",
           "/api/auth/token/refresh/",
           ok({{"access", "new-access"}, {"token_type", "Bearer"}, {"expires_in", 900}}));
    const auto result = run(kStrategies, {});
    BOOST_TEST(result.code == 0, result.err);
    BOOST_TEST(contains(result.out, "All In"));
    const auto gets = api.requestsTo("GET", "/api/strategies/");
    BOOST_REQUIRE(gets.size() == 2U);
    BOOST_TEST(gets[0].authorization == "Bearer old-access");
    BOOST_TEST(gets[1].authorization == "Bearer new-access");
    const auto refreshes = api.requestsTo("POST", "/api/auth/token/refresh/");
    BOOST_REQUIRE(refreshes.size() == 1U);
    BOOST_TEST(parsed(refreshes[0].body) == (nlohmann::json{{"refresh", "ref-1"}}));
    const auto stored = readJsonFile(config_file);
    BOOST_TEST(stored["access"] == "new-access");
    BOOST_TEST(stored["refresh"] == "ref-1");
    BOOST_TEST(stored["server"] == api.url());
}

BOOST_AUTO_TEST_CASE(a_refused_refresh_exits_6_without_looping) {
    saveConfig(config_file, {api.url(), "demo", "old-access", "ref-1"});
    api.on("GET", "/api/strategies/", apiError(401, "token expired", "token_expired"));
    api.on("POST", "/api/auth/token/refresh/", apiError(401, "refresh expired", "token_expired"));
    const auto result = run(kStrategies, {});
    BOOST_TEST(result.code == 6);
    BOOST_TEST(contains(result.err, "run robson login"));
    BOOST_TEST(api.requestsTo("GET", "/api/strategies/").size() == 1U);
    BOOST_TEST(api.requestsTo("POST", "/api/auth/token/refresh/").size() == 1U);
    BOOST_TEST(readJsonFile(config_file)["access"] == "old-access");
}

BOOST_AUTO_TEST_CASE(an_expired_token_given_with_the_flag_is_not_refreshed) {
    saveConfig(config_file, {api.url(), "demo", "stored-access", "ref-1"});
    api.on("GET", "/api/strategies/", apiError(401, "token expired", "token_expired"));
    const auto result = run(kStrategies, {"--token", "flag-token"});
    BOOST_TEST(result.code == 6);
    BOOST_TEST(api.requestsTo("POST", "/api/auth/token/refresh/").empty());
}

BOOST_AUTO_TEST_CASE(server_precedence_is_flag_then_environment_then_config_file) {
    const std::string nowhere = "http://127.0.0.1:1";
    api.on("GET", "/api/symbols/", ok(parsed(symbolsBody())));
    saveConfig(config_file, {api.url(), "demo", "file-token", "ref"});
    BOOST_TEST(run(runSymbols, {}).code == 0);  // the file alone

    saveConfig(config_file, {nowhere, "demo", "file-token", "ref"});
    ::setenv("ROBSON_API_URL", api.url().c_str(), 1);  // NOLINT(concurrency-mt-unsafe)
    BOOST_TEST(run(runSymbols, {}).code == 0);         // environment beats the file

    ::setenv("ROBSON_API_URL", nowhere.c_str(), 1);  // NOLINT(concurrency-mt-unsafe)
    BOOST_TEST(run(runSymbols, {"--server", api.url()}).code == 0);  // flag beats environment
    BOOST_TEST(run(runSymbols, {}).code == 5);                       // and without it: nowhere
    BOOST_TEST(api.requestsTo("GET", "/api/symbols/").size() == 3U);
}

BOOST_AUTO_TEST_CASE(token_precedence_is_flag_then_environment_then_config_file) {
    api.on("GET", "/api/symbols/", ok(parsed(symbolsBody())));
    saveConfig(config_file, {api.url(), "demo", "file-token", "ref"});
    BOOST_REQUIRE(run(runSymbols, {}).code == 0);
    ::setenv("ROBSON_TOKEN", "env-token", 1);  // NOLINT(concurrency-mt-unsafe)
    BOOST_REQUIRE(run(runSymbols, {}).code == 0);
    BOOST_REQUIRE(run(runSymbols, {"--token", "flag-token"}).code == 0);
    const auto gets = api.requestsTo("GET", "/api/symbols/");
    BOOST_REQUIRE(gets.size() == 3U);
    BOOST_TEST(gets[0].authorization == "Bearer file-token");
    BOOST_TEST(gets[1].authorization == "Bearer env-token");
    BOOST_TEST(gets[2].authorization == "Bearer flag-token");
}

BOOST_AUTO_TEST_CASE(the_stored_token_is_never_sent_to_another_server) {
    saveConfig(config_file, {"http://robson.example:8080", "demo", "file-token", "ref"});
    api.on("GET", "/api/symbols/", apiError(401, "no credentials", "not_authenticated"));
    const auto result = run(runSymbols, {"--server", api.url()});
    BOOST_TEST(result.code == 6);
    BOOST_REQUIRE(api.requests().size() == 1U);
    BOOST_TEST(api.requests()[0].authorization.empty());
    BOOST_TEST(contains(result.err, "run robson login --server " + api.url()));
}

BOOST_AUTO_TEST_CASE(the_config_path_follows_robson_config_then_xdg_config_home) {
    BOOST_TEST(configPath() == config_file);
    ::unsetenv("ROBSON_CONFIG");                        // NOLINT(concurrency-mt-unsafe)
    ::setenv("XDG_CONFIG_HOME", directory.c_str(), 1);  // NOLINT(concurrency-mt-unsafe)
    BOOST_TEST(configPath() == directory / "robson" / "config.json");
    ::unsetenv("XDG_CONFIG_HOME");  // NOLINT(concurrency-mt-unsafe)
    BOOST_TEST(configPath().string().ends_with(".config/robson/config.json"));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace robson::cli::testing
