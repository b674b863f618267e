// The request-head syntax check the connection gate applies before Poco parses a request, and
// the body framing it waits for (Content-Length, chunked).
#include "request_head.hpp"

#include <boost/test/unit_test.hpp>

using robson::api::BodyFraming;
using robson::api::bodyFramingOf;
using robson::api::checkRequestHead;
using robson::api::ChunkedScan;
using robson::api::scanChunked;
using namespace std::string_literals;

namespace {

int statusOf(const std::string& head) {
    const auto problem = checkRequestHead(head);
    return problem ? problem->status : 0;
}

int framingStatus(const std::string& fields) {
    const auto framing = bodyFramingOf("POST / HTTP/1.1\r\n" + fields + "\r\n");
    return framing.problem ? framing.problem->status : 0;
}

/// Scans `body` given a byte at a time, as a dribbling client sends it.
ChunkedScan scanByteByByte(const std::string& body) {
    ChunkedScan scan;
    for (std::size_t size = 0; size <= body.size(); ++size) {
        scanChunked(std::string_view(body).substr(0, size), scan);
        if (scan.state != ChunkedScan::State::InProgress) {
            break;
        }
    }
    return scan;
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

BOOST_AUTO_TEST_CASE(the_framing_is_read_from_content_length_or_chunked) {
    const auto none = bodyFramingOf("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    BOOST_TEST((none.kind == BodyFraming::Kind::None));
    const auto length = bodyFramingOf(
        "POST / HTTP/1.1\r\ncontent-length:  42 \r\nContent-Length: 042\r\n"
        "Expect: 100-Continue\r\n\r\n");
    BOOST_TEST((length.kind == BodyFraming::Kind::Length));
    BOOST_TEST(length.length == 42U);
    BOOST_TEST(length.expect_continue);
    const auto chunked = bodyFramingOf("POST / HTTP/1.1\r\nTransfer-Encoding: Chunked\r\n\r\n");
    BOOST_TEST((chunked.kind == BodyFraming::Kind::Chunked));
    BOOST_TEST(!chunked.expect_continue);
    // HTTP/1.0 has no 100 Continue; a huge length saturates (the gate answers 413).
    BOOST_TEST(!bodyFramingOf("POST / HTTP/1.0\r\nExpect: 100-continue\r\n\r\n").expect_continue);
    BOOST_TEST(bodyFramingOf("POST / HTTP/1.1\r\nContent-Length: 99999999999999999999999\r\n\r\n")
                   .length == UINT64_MAX);
}

BOOST_AUTO_TEST_CASE(framings_poco_would_misread_are_refused) {
    BOOST_TEST(framingStatus("Content-Length: -5\r\n") == 400);
    BOOST_TEST(framingStatus("Content-Length: abc\r\n") == 400);
    BOOST_TEST(framingStatus("Content-Length: 2, 2\r\n") == 400);
    BOOST_TEST(framingStatus("Content-Length: 2\r\nContent-Length: 3\r\n") == 400);
    BOOST_TEST(framingStatus("Content-Length: 2\r\nTransfer-Encoding: chunked\r\n") == 400);
    BOOST_TEST(framingStatus("Transfer-Encoding:\r\n") == 400);
    BOOST_TEST(framingStatus("Transfer-Encoding: gzip, chunked\r\n") == 501);
    BOOST_TEST(framingStatus("Transfer-Encoding: chunked,\r\n") == 501);
    BOOST_TEST(framingStatus("Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n") ==
               501);
}

BOOST_AUTO_TEST_CASE(a_chunked_body_ends_after_its_last_chunk_and_empty_line) {
    const std::string body = "4;name=v\r\nWiki\r\n5 \r\npedia\r\n0\r\n\r\nGET / HTTP/1.1";
    for (const auto& scan : {scanByteByByte(body), [&] {
                                 ChunkedScan whole;
                                 scanChunked(body, whole);
                                 return whole;
                             }()}) {
        BOOST_TEST((scan.state == ChunkedScan::State::Complete));
        BOOST_TEST(scan.end == body.find("GET"));
        BOOST_TEST(scan.data == 9U);
    }
    ChunkedScan bare;
    scanChunked("2\n{}\n0\n\n", bare);  // bare LFs, as Poco reads them
    BOOST_TEST((bare.state == ChunkedScan::State::Complete));
}

BOOST_AUTO_TEST_CASE(a_chunk_size_is_known_before_its_data_arrives) {
    ChunkedScan scan;
    scanChunked("10000\r\nabc", scan);
    BOOST_TEST((scan.state == ChunkedScan::State::InProgress));
    BOOST_TEST(scan.announced == 0x10000U);
}

BOOST_AUTO_TEST_CASE(malformed_chunked_bodies_are_refused) {
    for (const std::string body : {"x\r\n",
                                   "123456789\r\n",
                                   "0x5\r\n",
                                   "2\r\n{}XX",
                                   "2\r\n{}\rX",
                                   "0\r\nX-Trailer: 1\r\n\r\n",
                                   "2;a\x01b\r\n{}\r\n"}) {
        BOOST_TEST((scanByteByByte(body).state == ChunkedScan::State::Malformed), body);
    }
    BOOST_TEST(
        (scanByteByByte("1" + std::string(2000, ' ')).state == ChunkedScan::State::Malformed));
}

BOOST_AUTO_TEST_SUITE_END()
