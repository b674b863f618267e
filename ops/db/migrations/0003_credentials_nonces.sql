-- 0003: one nonce per sealed value. 0001 kept a single nonce for the key and the secret,
-- which would encrypt two values under the same (key, nonce) pair — XSalsa20 then leaks the
-- XOR of both plaintexts. Each ciphertext now starts with its own 24-byte nonce
-- (robson::secrets::SecretBox); no rows existed before this migration.
ALTER TABLE exchange_credentials DROP COLUMN nonce;
ALTER TABLE exchange_credentials
    ADD COLUMN updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    ADD CONSTRAINT exchange_credentials_exchange_known
        CHECK (exchange IN ('simulator', 'binance-testnet', 'binance'));
