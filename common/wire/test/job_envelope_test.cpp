#include "robson/wire/job_envelope.hpp"

#include <boost/test/unit_test.hpp>
#include <msgpack.hpp>

#include <random>
#include <string>

using robson::wire::decode;
using robson::wire::DecodeError;
using robson::wire::encode;
using robson::wire::JobEnvelope;
using robson::wire::JobKind;

namespace {

JobEnvelope sample() {
    return {JobEnvelope::kSchemaVersion,
            42,
            JobKind::Validate,
            "intent-abc123",
            "tenant-1",
            2,
            1767261605000};
}

DecodeError errorOf(const std::variant<JobEnvelope, DecodeError>& result) {
    BOOST_REQUIRE(std::holds_alternative<DecodeError>(result));
    return std::get<DecodeError>(result);
}

/// A msgpack map with the given fields packed by a callback.
template <typename PackFields>
std::string packMap(std::uint32_t size, PackFields&& pack_fields) {
    msgpack::sbuffer buffer;
    msgpack::packer<msgpack::sbuffer> packer(buffer);
    packer.pack_map(size);
    pack_fields(packer);
    return {buffer.data(), buffer.size()};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(job_envelope)

BOOST_AUTO_TEST_CASE(round_trips_every_field) {
    const auto decoded = decode(encode(sample()));
    BOOST_REQUIRE(std::holds_alternative<JobEnvelope>(decoded));
    BOOST_TEST((std::get<JobEnvelope>(decoded) == sample()));
}

BOOST_AUTO_TEST_CASE(round_trips_a_scan_job_that_names_its_scan_and_no_tenant) {
    // Scan jobs (docs/decisions/0005-pattern-scanner.md) have no intent and no tenant.
    const JobEnvelope scan{JobEnvelope::kSchemaVersion, 7, JobKind::Scan, "scan:19", "", 1, 1};
    const auto decoded = decode(encode(scan));
    BOOST_REQUIRE(std::holds_alternative<JobEnvelope>(decoded));
    BOOST_TEST((std::get<JobEnvelope>(decoded) == scan));
}

BOOST_AUTO_TEST_CASE(ignores_unknown_keys_from_newer_writers) {
    const auto frame = packMap(8, [](auto& p) {
        p.pack("v"), p.pack(1), p.pack("job"), p.pack(7), p.pack("kind"), p.pack("plan");
        p.pack("intent"), p.pack("i-1"), p.pack("tenant"), p.pack("t"), p.pack("attempt");
        p.pack(1), p.pack("deadline"), p.pack(0), p.pack("priority"), p.pack("high");
    });
    const auto decoded = decode(frame);
    BOOST_REQUIRE(std::holds_alternative<JobEnvelope>(decoded));
    BOOST_TEST(std::get<JobEnvelope>(decoded).intent_id == "i-1");
}

BOOST_AUTO_TEST_CASE(refuses_another_schema_version) {
    auto envelope = sample();
    envelope.schema_version = 2;
    BOOST_TEST((errorOf(decode(encode(envelope))) == DecodeError::UnsupportedVersion));
}

BOOST_AUTO_TEST_CASE(refuses_missing_fields) {
    const auto frame =
        packMap(2, [](auto& p) { p.pack("v"), p.pack(1), p.pack("job"), p.pack(1); });
    BOOST_TEST((errorOf(decode(frame)) == DecodeError::MissingField));
}

BOOST_AUTO_TEST_CASE(refuses_wrong_types_and_values) {
    const auto string_job = packMap(1, [](auto& p) { p.pack("job"), p.pack("seven"); });
    BOOST_TEST((errorOf(decode(string_job)) == DecodeError::WrongType));
    auto envelope = sample();
    envelope.attempt = 0;
    BOOST_TEST((errorOf(decode(encode(envelope))) == DecodeError::WrongType));
    envelope = sample();
    envelope.intent_id.clear();
    BOOST_TEST((errorOf(decode(encode(envelope))) == DecodeError::WrongType));
    const auto bad_kind = packMap(7, [](auto& p) {
        p.pack("v"), p.pack(1), p.pack("job"), p.pack(7), p.pack("kind"), p.pack("launch");
        p.pack("intent"), p.pack("i"), p.pack("tenant"), p.pack("t"), p.pack("attempt");
        p.pack(1), p.pack("deadline"), p.pack(0);
    });
    BOOST_TEST((errorOf(decode(bad_kind)) == DecodeError::WrongType));
}

BOOST_AUTO_TEST_CASE(refuses_a_value_that_is_not_a_map) {
    msgpack::sbuffer buffer;
    msgpack::pack(buffer, 17);
    BOOST_TEST(
        (errorOf(decode(std::string(buffer.data(), buffer.size()))) == DecodeError::NotAMap));
}

BOOST_AUTO_TEST_CASE(refuses_a_map32_header_claiming_four_billion_entries) {
    const std::string hostile("\xdf\xff\xff\xff\xff", 5);
    BOOST_TEST((errorOf(decode(hostile)) == DecodeError::Malformed));
}

BOOST_AUTO_TEST_CASE(refuses_deep_nesting_and_huge_strings) {
    std::string nested(200, '\x91');  // 200 nested fixarrays of one element
    nested.push_back('\x01');
    BOOST_TEST((errorOf(decode(nested)) == DecodeError::Malformed));
    const auto huge_intent =
        packMap(1, [](auto& p) { p.pack("intent"), p.pack(std::string(60'000, 'x')); });
    BOOST_TEST((errorOf(decode(huge_intent)) == DecodeError::Malformed));
    BOOST_TEST((errorOf(decode(std::string(robson::wire::kMaxFrameBytes + 1, '\x00'))) ==
                DecodeError::TooLarge));
}

BOOST_AUTO_TEST_CASE(refuses_truncated_and_trailing_bytes) {
    const std::string frame = encode(sample());
    BOOST_TEST((errorOf(decode(frame.substr(0, frame.size() - 3))) == DecodeError::Malformed));
    BOOST_TEST((errorOf(decode(frame + "x")) == DecodeError::Malformed));
    BOOST_TEST((errorOf(decode(std::string())) == DecodeError::Malformed));
}

BOOST_AUTO_TEST_CASE(random_bytes_never_crash_the_decoder) {
    std::mt19937_64 random(1013);
    std::uniform_int_distribution<int> byte(0, 255);
    std::uniform_int_distribution<std::size_t> length(0, 300);
    const std::string valid = encode(sample());
    for (int i = 0; i < 20'000; ++i) {
        std::string frame = i % 2 == 0 ? valid : std::string(length(random), '\0');
        for (auto& c : frame) {
            if (i % 2 != 0 || byte(random) < 8) {
                c = static_cast<char>(byte(random));
            }
        }
        const auto result = decode(frame);  // must return, never throw or crash
        BOOST_TEST_REQUIRE((result.index() == 0 || result.index() == 1));
    }
}

BOOST_AUTO_TEST_SUITE_END()
