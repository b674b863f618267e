#include "api_fixture.hpp"

#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <boost/test/unit_test.hpp>

#include <csignal>

using namespace robson::api::test;

BOOST_AUTO_TEST_SUITE(binary_api)

BOOST_AUTO_TEST_CASE(add_user_is_idempotent_and_its_login_works) {
    const std::vector<std::string> args{"add-user",
                                        "--database",
                                        databaseUrl(),
                                        "--tenant",
                                        "gamma",
                                        "--username",
                                        "carol",
                                        "--password",
                                        "first"};
    BOOST_TEST(Poco::Process::launch(ROBSON_API_BINARY, args).wait() == 0);
    auto again = args;
    again.back() = "second";
    BOOST_TEST(Poco::Process::launch(ROBSON_API_BINARY, again).wait() == 0);
    const ApiFixture api;
    BOOST_TEST(api.client()
                   .post("/api/auth/token/", {{"username", "carol"}, {"password", "first"}})
                   .status == 401);
    BOOST_TEST(api.client()
                   .post("/api/auth/token/", {{"username", "carol"}, {"password", "second"}})
                   .status == 200);
}

BOOST_AUTO_TEST_CASE(the_binary_prints_one_listening_line_and_stops_on_sigterm) {
    (void)seed();
    const auto secret_file =
        std::filesystem::temp_directory_path() / ("robson-api-jwt-" + std::to_string(::getpid()));
    std::filesystem::remove(secret_file);
    Poco::Pipe out;
    const std::vector<std::string> args{"--port",
                                        "0",
                                        "--database",
                                        databaseUrl(),
                                        "--broker",
                                        "tcp://127.0.0.1:1",
                                        "--jwt-secret-file",
                                        secret_file.string()};
    Poco::ProcessHandle process =
        Poco::Process::launch(ROBSON_API_BINARY, args, nullptr, &out, nullptr);
    Poco::PipeInputStream stream(out);
    std::string line;
    std::getline(stream, line);
    const std::string prefix = "robson-api listening on http://127.0.0.1:";
    BOOST_REQUIRE(line.starts_with(prefix));
    const auto port = static_cast<std::uint16_t>(std::stoi(line.substr(prefix.size())));
    const ApiClient client(port);
    BOOST_TEST(client.get("/healthz").status == 200);
    BOOST_TEST(
        client.post("/api/auth/token/", {{"username", "alice"}, {"password", kAlicePassword}})
            .status == 200);
    BOOST_TEST(std::filesystem::file_size(secret_file) >= 64U);
    ::kill(process.id(), SIGTERM);
    BOOST_TEST(process.wait() == 0);
    std::string rest;
    std::getline(stream, rest);
    BOOST_TEST(rest.empty());  // exactly one line on stdout
    std::filesystem::remove(secret_file);
}

BOOST_AUTO_TEST_SUITE_END()
