// GET /api/intents/{id}/events/ — the intent's status pushed as Server-Sent Events, so a page
// sees a change within ~100 ms instead of at its next 2 s poll. EventSource cannot send an
// Authorization header, so the access token may come as ?access_token= instead.
#include "http_errors.hpp"
#include "intent_json.hpp"
#include "intent_repository.hpp"
#include "query_params.hpp"
#include "robson/domain/intent_status.hpp"
#include "routes/route_support.hpp"

#include <chrono>
#include <thread>

namespace robson::api {
namespace {

using namespace std::chrono_literals;

/// Streams beyond this are refused (503): each holds one of the server's threads.
constexpr int kMaxEventStreams = 8;
/// How often the stream looks at the intent: the push latency.
constexpr auto kPollInterval = 100ms;
/// A stream ends after this; EventSource reconnects by itself (and the thread is freed).
constexpr auto kStreamLifetime = 55s;
/// A comment line this often keeps proxies from closing an idle stream.
constexpr auto kKeepAliveInterval = 15s;

/// Counts an open stream for as long as it lives.
class StreamSlot {
public:
    explicit StreamSlot(std::atomic<int>& open) : open_(open) { ++open_; }
    ~StreamSlot() { --open_; }
    StreamSlot(const StreamSlot&) = delete;
    StreamSlot& operator=(const StreamSlot&) = delete;
    StreamSlot(StreamSlot&&) = delete;
    StreamSlot& operator=(StreamSlot&&) = delete;

private:
    std::atomic<int>& open_;
};

std::optional<repo::IntentRecord> load(AppContext& context,
                                       const std::string& id,
                                       std::int64_t tenant_id) {
    return db::withConnection(context.pool, [&](pqxx::connection& connection) {
        pqxx::nontransaction txn(connection);
        return repo::findIntent(txn, id, tenant_id);
    });
}

void streamStatus(AppContext& context,
                  const std::string& id,
                  std::int64_t tenant_id,
                  std::ostream& out) {
    const StreamSlot slot(context.open_event_streams);
    const auto started = std::chrono::steady_clock::now();
    auto last_write = started;
    std::string last_sent;
    out << "retry: 2000\n\n" << std::flush;
    while (out && !context.stopping.load() &&
           std::chrono::steady_clock::now() - started < kStreamLifetime) {
        std::optional<repo::IntentRecord> intent;
        try {
            intent = load(context, id, tenant_id);
        } catch (const std::exception&) {
            // The database is away for a moment: the next round tries again.
        }
        if (intent) {
            const std::string data =
                intentJson(*intent).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
            if (data != last_sent) {
                out << "event: status\ndata: " << data << "\n\n" << std::flush;
                last_sent = data;
                last_write = std::chrono::steady_clock::now();
            }
            const auto status = domain::parseIntentStatus(intent->status);
            if (status && domain::isTerminal(*status)) {
                return;  // nothing will change any more
            }
        }
        if (std::chrono::steady_clock::now() - last_write > kKeepAliveInterval) {
            out << ": keep-alive\n\n" << std::flush;
            last_write = std::chrono::steady_clock::now();
        }
        std::this_thread::sleep_for(kPollInterval);
    }
}

Response events(AppContext& context, const Request& request, const PathParams& params) {
    const QueryReader query(request.query, {"access_token"});
    Request authenticated = request;
    if (authenticated.authorization.empty()) {
        if (const auto token = query.text("access_token", 4096)) {
            authenticated.authorization = "Bearer " + *token;
        }
    }
    const auth::Caller caller = callerOf(context, authenticated);
    const std::string id = requireIntentId(params);
    if (!load(context, id, caller.tenant_id)) {
        throw notFound("Intent '" + id + "'");
    }
    if (context.open_event_streams.load() >= kMaxEventStreams) {
        ApiError busy(
            503, "queue_full", "Too many status streams are open; poll /status/ instead for now.");
        Response response = busy.toResponse();
        response.headers.emplace_back("Retry-After", "5");
        return response;
    }
    Response response;
    response.content_type = "text/event-stream";
    response.headers.emplace_back("X-Accel-Buffering", "no");
    const std::int64_t tenant_id = caller.tenant_id;
    response.stream = [&context, id, tenant_id](std::ostream& out) {
        streamStatus(context, id, tenant_id, out);
    };
    return response;
}

}  // namespace

void addIntentEventRoutes(Router& router, AppContext& context) {
    router.add("GET",
               "/api/intents/{id}/events/",
               [&context](const Request& request, const PathParams& params) {
                   return events(context, request, params);
               });
}

}  // namespace robson::api
