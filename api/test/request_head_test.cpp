// The request-head syntax check the connection gate applies before Poco parses a request.
#include "request_head.hpp"

#include <boost/test/unit_test.hpp>

using robson::api::checkRequestHead;
using namespace std::string_literals;

namespace {

int statusOf(const std::string& head) {
    const auto problem = checkRequestHead(head);
    return problem ? problem->status : 0;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(request_head)

BOOST_AUTO_TEST_CASE(well_formed_heads_pass) {
    BOOST_TEST(statusOf("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Empty:\r\n\r\n") == 0);
    BOOST_TEST(statusOf("POST /api/a/?q=1 HTTP/1.0\r\nContent-Length: 2\r\nA: b\tc\r\n\r\n") == 0);
    BOOST_TEST(statusOf("\r\nGET / HTTP/1.1\n\n") == 0);  // a leading empty line, bare LFs
}

BOOST_AUTO_TEST_CASE(malformed_request_lines_are_400) {
    for (const std::string head : {"GARBAGE\r\n\r\n",
                                   "GET /\r\n\r\n",
                                   "GET  HTTP/1.1\r\n\r\n",
                                   "G(T / HTTP/1.1\r\n\r\n",
                                   "GET / x HTTP/1.1\r\n\r\n",
                                   "GET /\x01 HTTP/1.1\r\n\r\n",
                                   "GET / FTP/1.1\r\n\r\n",
                                   "\r\n\r\n",
                                   "GET / HTTP/1.1\r\n"}) {
        BOOST_TEST(statusOf(head) == 400, head);
    }
}

BOOST_AUTO_TEST_CASE(other_http_versions_are_505) {
    BOOST_TEST(statusOf("GET / HTTP/9.9\r\n\r\n") == 505);
    BOOST_TEST(statusOf("GET / HTTP/2.0\r\n\r\n") == 505);
}

BOOST_AUTO_TEST_CASE(bad_header_lines_are_400) {
    for (const std::string& line : {"NoColonHere"s,
                                    "Bad Name: v"s,
                                    ": v"s,
                                    " folded: v"s,
                                    "X: a\0b"s,
                                    "X: a\rb"s,
                                    "X: \x7f"s}) {
        BOOST_TEST(statusOf("GET / HTTP/1.1\r\n" + line + "\r\n\r\n") == 400, line);
    }
}

BOOST_AUTO_TEST_SUITE_END()
