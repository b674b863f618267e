// The request core of BinanceGateway: signing, time sync, pacing, error mapping.
#include "http_transport.hpp"
#include "robson/binance/binance_gateway.hpp"
#include "robson/binance/binance_json.hpp"
#include "robson/binance/error_mapping.hpp"
#include "robson/binance/signer.hpp"

#include <limits>
#include <thread>
#include <utility>

namespace robson::binance {

using exchange::ExchangeError;
using exchange::ExchangeErrorKind;
using exchange::ExchangeException;

namespace {

std::int64_t systemNowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

bool isSuccess(int status) {
    return status >= 200 && status < 300;
}

}  // namespace

BinanceGateway::BinanceGateway(BinanceConfig config, Clock clock)
    : config_(std::move(config)),
      clock_(clock ? std::move(clock) : Clock(systemNowMs)),
      transport_(
          std::make_unique<detail::HttpTransport>(config_.base_url, config_.connect_timeout)),
      pacer_(config_.max_weight_per_minute) {}

BinanceGateway::~BinanceGateway() = default;

std::int64_t BinanceGateway::localNowMs() const {
    return clock_();
}

std::int64_t BinanceGateway::fetchServerTime() {
    // Not through perform(): perform() syncs the time itself, and must not recurse.
    const Call call{"GET", "/api/v3/time", "", false, 1, false};
    paceOrThrow(call.weight);
    const auto reply = sendOnce(call);
    pacer_.onResponse(reply.used_weight_1m, serverNowMs());
    if (!isSuccess(reply.status)) {
        throw ExchangeException(mapHttpError(reply.status, reply.body, reply.retry_after));
    }
    return parseServerTime(reply.body);
}

void BinanceGateway::syncTime() {
    std::int64_t best_rtt = std::numeric_limits<std::int64_t>::max();
    for (int sample = 0; sample < 3; ++sample) {
        const std::int64_t sent = localNowMs();
        const std::int64_t server = fetchServerTime();
        const std::int64_t received = localNowMs();
        if (received - sent < best_rtt) {
            best_rtt = received - sent;
            offset_ms_ = server - (sent + received) / 2;
        }
    }
    synced_ = true;
    last_sync_ms_ = localNowMs();
}

void BinanceGateway::syncTimeIfDue() {
    if (!synced_ || localNowMs() - last_sync_ms_ >= config_.time_resync_interval.count()) {
        syncTime();
    }
}

void BinanceGateway::paceOrThrow(int weight) {
    const auto wait = pacer_.delayFor(weight, serverNowMs());
    if (wait.count() == 0) {
        return;
    }
    if (wait > config_.max_rate_limit_wait) {
        throw ExchangeException(ExchangeError{
            ExchangeErrorKind::RateLimited, 0, 0, "request weight limit reached; not sent", wait});
    }
    std::this_thread::sleep_for(wait);
}

detail::HttpReply BinanceGateway::sendOnce(const Call& call) {
    std::string query = call.params;
    if (call.is_signed) {
        QueryString extra;
        extra.add("recvWindow", std::to_string(config_.recv_window.count()));
        extra.add("timestamp", std::to_string(serverNowMs()));
        query += (query.empty() ? "" : "&") + extra.str();
        query += "&signature=" + hmacSha256Hex(config_.api_secret.reveal(), query);
    }
    const std::string target = query.empty() ? call.path : call.path + "?" + query;
    const auto timeout = call.is_order ? config_.order_read_timeout : config_.read_timeout;
    const std::string& key = call.is_signed ? config_.api_key.reveal() : std::string();
    const int attempts = call.method == "GET" ? 2 : 1;  // only a GET is resent on link loss
    for (int attempt = 1;; ++attempt) {
        try {
            return transport_->send(call.method, target, key, timeout);
        } catch (const detail::TransportError& failure) {
            if (attempt < attempts) {
                continue;
            }
            const bool unknown = failure.sent() && call.method != "GET";
            throw ExchangeException(ExchangeError{
                unknown ? ExchangeErrorKind::UnknownStatus : ExchangeErrorKind::Network,
                0,
                0,
                std::string(unknown ? "no answer after sending: " : "request failed: ") +
                    failure.what(),
                std::nullopt});
        }
    }
}

detail::HttpReply BinanceGateway::perform(const Call& call) {
    if (call.is_signed) {
        syncTimeIfDue();
    }
    for (int attempt = 1;; ++attempt) {
        paceOrThrow(call.weight);
        auto reply = sendOnce(call);
        pacer_.onResponse(reply.used_weight_1m, serverNowMs());
        if (isSuccess(reply.status)) {
            return reply;
        }
        ExchangeError error = mapHttpError(reply.status, reply.body, reply.retry_after);
        if (attempt == 1 && error.kind == ExchangeErrorKind::ClockSkew && call.is_signed) {
            syncTime();  // -1021 was refused before the engine: re-sign and send once more
            continue;
        }
        if (error.kind == ExchangeErrorKind::RateLimited) {
            const auto wait = error.retry_after.value_or(std::chrono::seconds(1));
            pacer_.onRetryAfter(wait, serverNowMs());
            if (attempt == 1 && wait <= config_.max_rate_limit_wait) {
                continue;  // a 429/418 was not executed: waiting and resending is safe
            }
        }
        throw ExchangeException(std::move(error));
    }
}

}  // namespace robson::binance
