// A tenant's exchange keys, sealed in PostgreSQL.
#include "robson/store/exchange_credentials.hpp"

#include <boost/test/unit_test.hpp>

#include <cstdlib>

using namespace robson;

namespace {

pqxx::connection connect() {
    const char* url = std::getenv("DATABASE_URL");  // NOLINT(concurrency-mt-unsafe)
    BOOST_REQUIRE_MESSAGE(url != nullptr, "run under tests/support/with_postgres.sh");
    return pqxx::connection(url);
}

std::int64_t newTenant(pqxx::connection& db, const std::string& name) {
    pqxx::work txn(db);
    const auto id =
        txn.exec_params("INSERT INTO tenants (name) VALUES ($1) RETURNING id", name)[0][0]
            .as<std::int64_t>();
    txn.commit();
    return id;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(exchange_credentials)

BOOST_AUTO_TEST_CASE(keys_are_stored_sealed_and_read_back_for_their_tenant_only) {
    auto db = connect();
    const auto box = secrets::SecretBox::fromHex(secrets::SecretBox::generateHexKey());
    const auto owner = newTenant(db, "keys-owner");
    const auto other = newTenant(db, "keys-other");
    {
        pqxx::work txn(db);
        store::saveExchangeKeys(txn, owner, "binance", {"my-api-key", "my-api-secret"}, box);
        txn.commit();
    }
    pqxx::work txn(db);
    const auto keys = store::loadExchangeKeys(txn, owner, "binance", box);
    BOOST_REQUIRE(keys.has_value());
    BOOST_TEST(keys->api_key == "my-api-key");
    BOOST_TEST(keys->api_secret == "my-api-secret");
    BOOST_TEST(!store::loadExchangeKeys(txn, other, "binance", box).has_value());
    BOOST_TEST(!store::loadExchangeKeys(txn, owner, "binance-testnet", box).has_value());
    // At rest, neither value appears in the row.
    const auto raw = txn.exec_params(
                            "SELECT encode(api_key_ciphertext, 'escape') || "
                            "encode(api_secret_ciphertext, 'escape') "
                            "FROM exchange_credentials WHERE tenant_id = $1",
                            owner)[0][0]
                         .as<std::string>();
    BOOST_TEST(raw.find("my-api") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(saving_again_replaces_the_keys_and_a_wrong_master_key_is_refused) {
    auto db = connect();
    const auto box = secrets::SecretBox::fromHex(secrets::SecretBox::generateHexKey());
    const auto tenant = newTenant(db, "keys-rotate");
    for (const char* secret : {"first-secret", "second-secret"}) {
        pqxx::work txn(db);
        store::saveExchangeKeys(txn, tenant, "simulator", {"key", secret}, box);
        txn.commit();
    }
    pqxx::work txn(db);
    BOOST_TEST(store::loadExchangeKeys(txn, tenant, "simulator", box)->api_secret ==
               "second-secret");
    const auto wrong = secrets::SecretBox::fromHex(secrets::SecretBox::generateHexKey());
    BOOST_CHECK_THROW(static_cast<void>(store::loadExchangeKeys(txn, tenant, "simulator", wrong)),
                      secrets::SecretError);
}

BOOST_AUTO_TEST_CASE(an_exchange_is_named_by_its_address) {
    BOOST_TEST(store::exchangeNameForUrl("http://127.0.0.1:8765") == "simulator");
    BOOST_TEST(store::exchangeNameForUrl("http://localhost:8765") == "simulator");
    BOOST_TEST(store::exchangeNameForUrl("https://testnet.binance.vision") == "binance-testnet");
    BOOST_TEST(store::exchangeNameForUrl("https://api.binance.com") == "binance");
}

BOOST_AUTO_TEST_SUITE_END()
