#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>

namespace robson::wire {

/// The pipeline stage a job asks for; also the broker's service name.
enum class JobKind { Plan, Validate, Execute, Scan };

/// "plan", "validate", "execute", "scan".
[[nodiscard]] std::string_view toString(JobKind kind);
[[nodiscard]] std::optional<JobKind> parseJobKind(std::string_view text);

/// A wake-up call for one stage of one intent. It carries ids, never state: PostgreSQL holds
/// the intent and the job row; a worker loads them and fences its claim on `attempt`.
/// Encoded as a msgpack map so fields can be added without breaking older readers.
struct JobEnvelope {
    static constexpr int kSchemaVersion = 1;

    int schema_version = kSchemaVersion;  ///< "v": readers refuse another major version
    std::int64_t job_id = 0;              ///< "job": the jobs table row
    JobKind kind = JobKind::Plan;         ///< "kind"
    std::string intent_id;                ///< "intent"; a scan job's is "scan:<scan id>"
    std::string tenant;                   ///< "tenant"; "" for a scan job (no tenant)
    int attempt = 1;                      ///< "attempt": the fencing token of this delivery
    std::int64_t deadline_ms = 0;         ///< "deadline": epoch ms after which the job is dead

    friend bool operator==(const JobEnvelope&, const JobEnvelope&) = default;
};

/// Why a frame was refused (the broker and workers count these by reason and drop the frame).
enum class DecodeError {
    TooLarge,           ///< above kMaxFrameBytes
    Malformed,          ///< not msgpack, truncated, or over an unpack limit (size, depth)
    NotAMap,            ///< a msgpack value other than a map
    MissingField,       ///< a required key is absent
    WrongType,          ///< a key holds the wrong msgpack type or an out-of-range value
    UnsupportedVersion  ///< "v" is not kSchemaVersion
};

/// "too_large", "malformed", ... (a bounded metrics label).
[[nodiscard]] std::string_view toString(DecodeError error);

/// Frames above this are refused before parsing (64 KiB; an envelope is ~100 bytes).
inline constexpr std::size_t kMaxFrameBytes = std::size_t{64} * 1024;
/// Ids and tenants longer than this are refused.
inline constexpr std::size_t kMaxIdLength = 128;

/// The msgpack bytes of an envelope.
[[nodiscard]] std::string encode(const JobEnvelope& envelope);

/// Parses untrusted bytes. Never throws and never allocates beyond the unpack limits: any
/// problem is a DecodeError. Unknown keys are ignored (forward compatibility).
[[nodiscard]] std::variant<JobEnvelope, DecodeError> decode(std::span<const std::byte> frame);
[[nodiscard]] std::variant<JobEnvelope, DecodeError> decode(std::string_view frame);

}  // namespace robson::wire
