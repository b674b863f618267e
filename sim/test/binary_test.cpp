#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <boost/test/unit_test.hpp>

#include <string>

BOOST_AUTO_TEST_SUITE(sim_binary)

BOOST_AUTO_TEST_CASE(the_program_prints_its_listening_line_first_and_stops_on_sigterm) {
    Poco::Pipe out_pipe;
    const std::vector<std::string> args{"--port", "0", "--data", "/nonexistent-robson-sim-data"};
    Poco::ProcessHandle handle =
        Poco::Process::launch(ROBSON_SIM_BINARY, args, nullptr, &out_pipe, nullptr);
    Poco::PipeInputStream output(out_pipe);
    std::string line;
    std::getline(output, line);
    BOOST_TEST(line.starts_with("robson-exchange-sim listening on http://127.0.0.1:"));
    BOOST_TEST(line.size() >
               std::string("robson-exchange-sim listening on http://127.0.0.1:").size());
    Poco::Process::requestTermination(handle.id());  // SIGINT
    BOOST_TEST(handle.wait() == 0);
}

BOOST_AUTO_TEST_SUITE_END()
