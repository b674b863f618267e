#include "robson/wire/job_envelope.hpp"

#include <msgpack.hpp>

#include <array>
#include <limits>
#include <utility>

namespace robson::wire {
namespace {

constexpr std::array<std::pair<JobKind, std::string_view>, 4> kKindNames{{
    {JobKind::Plan, "plan"},
    {JobKind::Validate, "validate"},
    {JobKind::Execute, "execute"},
    {JobKind::Scan, "scan"},
}};

// msgpack-c has no limits by default: a 5-byte map32 header can ask for 4 billion entries
// (msgpack-c#1013). An envelope is a flat map of 7 small fields.
const msgpack::unpack_limit kLimits(/*array=*/16,
                                    /*map=*/32,
                                    /*str=*/kMaxIdLength * 4,
                                    /*bin=*/0,
                                    /*ext=*/0,
                                    /*depth=*/2);

struct Fields {
    std::optional<std::int64_t> version;
    std::optional<std::int64_t> job_id;
    std::optional<std::string_view> kind;
    std::optional<std::string_view> intent;
    std::optional<std::string_view> tenant;
    std::optional<std::int64_t> attempt;
    std::optional<std::int64_t> deadline;
};

// msgpack::object is a tagged union: reading the member named by `type` is its documented API.
// NOLINTBEGIN(cppcoreguidelines-pro-type-union-access)
std::optional<std::int64_t> asInteger(const msgpack::object& value) {
    if (value.type == msgpack::type::POSITIVE_INTEGER) {
        if (value.via.u64 > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
            return std::nullopt;
        }
        return static_cast<std::int64_t>(value.via.u64);
    }
    if (value.type == msgpack::type::NEGATIVE_INTEGER) {
        return value.via.i64;
    }
    return std::nullopt;
}

std::optional<std::string_view> asString(const msgpack::object& value) {
    if (value.type != msgpack::type::STR) {
        return std::nullopt;
    }
    return std::string_view(value.via.str.ptr, value.via.str.size);
}

// NOLINTEND(cppcoreguidelines-pro-type-union-access)

/// Stores one known key; false when its value has the wrong type.
bool readField(std::string_view key, const msgpack::object& value, Fields& fields) {
    const auto integer = [&](std::optional<std::int64_t>& slot) {
        slot = asInteger(value);
        return slot.has_value();
    };
    const auto text = [&](std::optional<std::string_view>& slot) {
        slot = asString(value);
        return slot.has_value();
    };
    if (key == "v") {
        return integer(fields.version);
    }
    if (key == "job") {
        return integer(fields.job_id);
    }
    if (key == "kind") {
        return text(fields.kind);
    }
    if (key == "intent") {
        return text(fields.intent);
    }
    if (key == "tenant") {
        return text(fields.tenant);
    }
    if (key == "attempt") {
        return integer(fields.attempt);
    }
    if (key == "deadline") {
        return integer(fields.deadline);
    }
    return true;  // unknown keys are ignored: newer writers may add fields
}

std::variant<JobEnvelope, DecodeError> build(const Fields& f) {
    if (!f.version) {
        return DecodeError::MissingField;
    }
    if (*f.version != JobEnvelope::kSchemaVersion) {
        return DecodeError::UnsupportedVersion;
    }
    if (!f.job_id || !f.kind || !f.intent || !f.tenant || !f.attempt || !f.deadline) {
        return DecodeError::MissingField;
    }
    const auto kind = parseJobKind(*f.kind);
    if (!kind || f.intent->empty() || f.intent->size() > kMaxIdLength ||
        f.tenant->size() > kMaxIdLength || *f.attempt < 1 ||
        *f.attempt > std::numeric_limits<int>::max() || *f.job_id < 0) {
        return DecodeError::WrongType;
    }
    return JobEnvelope{JobEnvelope::kSchemaVersion,
                       *f.job_id,
                       *kind,
                       std::string(*f.intent),
                       std::string(*f.tenant),
                       static_cast<int>(*f.attempt),
                       *f.deadline};
}

}  // namespace

std::string_view toString(JobKind kind) {
    for (const auto& [candidate, name] : kKindNames) {
        if (candidate == kind) {
            return name;
        }
    }
    return "unknown";
}

std::optional<JobKind> parseJobKind(std::string_view text) {
    for (const auto& [candidate, name] : kKindNames) {
        if (name == text) {
            return candidate;
        }
    }
    return std::nullopt;
}

std::string_view toString(DecodeError error) {
    switch (error) {
        case DecodeError::TooLarge:
            return "too_large";
        case DecodeError::Malformed:
            return "malformed";
        case DecodeError::NotAMap:
            return "not_a_map";
        case DecodeError::MissingField:
            return "missing_field";
        case DecodeError::WrongType:
            return "wrong_type";
        case DecodeError::UnsupportedVersion:
            return "unsupported_version";
    }
    return "unknown";
}

std::string encode(const JobEnvelope& envelope) {
    msgpack::sbuffer buffer;
    msgpack::packer<msgpack::sbuffer> packer(buffer);
    packer.pack_map(7);
    packer.pack("v");
    packer.pack(envelope.schema_version);
    packer.pack("job");
    packer.pack(envelope.job_id);
    packer.pack("kind");
    packer.pack(std::string(toString(envelope.kind)));
    packer.pack("intent");
    packer.pack(envelope.intent_id);
    packer.pack("tenant");
    packer.pack(envelope.tenant);
    packer.pack("attempt");
    packer.pack(envelope.attempt);
    packer.pack("deadline");
    packer.pack(envelope.deadline_ms);
    return {buffer.data(), buffer.size()};
}

std::variant<JobEnvelope, DecodeError> decode(std::string_view frame) {
    if (frame.size() > kMaxFrameBytes) {
        return DecodeError::TooLarge;
    }
    msgpack::object_handle handle;
    try {
        std::size_t offset = 0;
        handle = msgpack::unpack(frame.data(), frame.size(), offset, nullptr, nullptr, kLimits);
        if (offset != frame.size()) {
            return DecodeError::Malformed;  // trailing bytes: not one envelope
        }
    } catch (const std::exception&) {
        // msgpack::unpack_error, its size/depth_size_overflow subclasses, std::bad_alloc.
        return DecodeError::Malformed;
    }
    const msgpack::object& root = handle.get();
    if (root.type != msgpack::type::MAP) {
        return DecodeError::NotAMap;
    }
    Fields fields;
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-union-access) -- type checked above
    const msgpack::object_map& map = root.via.map;
    for (std::uint32_t i = 0; i < map.size; ++i) {
        const auto& entry = map.ptr[i];
        const auto key = asString(entry.key);
        if (key && !readField(*key, entry.val, fields)) {
            return DecodeError::WrongType;
        }
    }
    return build(fields);
}

std::variant<JobEnvelope, DecodeError> decode(std::span<const std::byte> frame) {
    // std::byte and char may alias; the view only reads the same bytes.
    return decode(std::string_view(reinterpret_cast<const char*>(frame.data()),  // NOLINT
                                   frame.size()));
}

}  // namespace robson::wire
