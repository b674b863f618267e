-- 0001: the pipeline's durable state. PostgreSQL is the single source of truth; ZeroMQ only
-- carries wake-up calls for rows that exist here. Money is NUMERIC, never float.

CREATE TABLE tenants (
    id          BIGSERIAL PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE users (
    id             BIGSERIAL PRIMARY KEY,
    tenant_id      BIGINT NOT NULL REFERENCES tenants (id),
    username       TEXT NOT NULL UNIQUE CHECK (length(username) BETWEEN 1 AND 100),
    password_hash  TEXT NOT NULL,             -- PBKDF2/argon2 string, never the password
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Built-in strategies have tenant_id NULL and are visible to every tenant.
CREATE TABLE strategies (
    id           BIGSERIAL PRIMARY KEY,
    tenant_id    BIGINT REFERENCES tenants (id),
    name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    config       JSONB NOT NULL,              -- mode, timeframe, signal, risk, stop config
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE NULLS NOT DISTINCT (tenant_id, name)
);

CREATE TABLE symbols (
    symbol       TEXT PRIMARY KEY CHECK (symbol ~ '^[A-Z0-9]{2,20}$'),
    base_asset   TEXT NOT NULL,
    quote_asset  TEXT NOT NULL,
    rules        JSONB NOT NULL,              -- filters as exact decimal strings
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TYPE intent_status AS ENUM
    ('PENDING', 'VALIDATED', 'REJECTED', 'EXECUTING', 'EXECUTED', 'FAILED', 'CANCELLED');

CREATE TABLE trading_intents (
    id                 TEXT PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9_-]{1,29}$'),
    tenant_id          BIGINT NOT NULL REFERENCES tenants (id),
    user_id            BIGINT REFERENCES users (id),
    strategy_id        BIGINT NOT NULL REFERENCES strategies (id),
    symbol             TEXT NOT NULL,
    side               TEXT NOT NULL CHECK (side IN ('BUY', 'SELL')),
    timeframe          TEXT NOT NULL,
    entry_mode         TEXT NOT NULL DEFAULT 'manual',
    capital            NUMERIC(30, 8) NOT NULL CHECK (capital > 0),
    quantity           NUMERIC(30, 8),
    entry_price        NUMERIC(30, 8),
    stop_price         NUMERIC(30, 8),
    risk_amount        NUMERIC(30, 8),
    risk_percent       NUMERIC(12, 8),
    confidence         NUMERIC(4, 3),
    metadata           JSONB NOT NULL DEFAULT '{}'::jsonb,
    plan               JSONB,                 -- the technical-stop analysis and sizing, explained
    status             intent_status NOT NULL DEFAULT 'PENDING',
    validation_result  JSONB,
    execution_result   JSONB,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    validated_at       TIMESTAMPTZ,
    executed_at        TIMESTAMPTZ,
    cancelled_at       TIMESTAMPTZ,
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX trading_intents_tenant_created ON trading_intents (tenant_id, created_at DESC);
CREATE INDEX trading_intents_tenant_status ON trading_intents (tenant_id, status);

-- One row per order Robson sends (or decides to send). The row, with its client order id, is
-- committed BEFORE the exchange call: it is what makes a LIVE order at-most-once.
CREATE TABLE orders (
    id                 BIGSERIAL PRIMARY KEY,
    intent_id          TEXT NOT NULL REFERENCES trading_intents (id),
    role               TEXT NOT NULL CHECK (role IN ('ENTRY', 'STOP_LOSS', 'EXIT')),
    mode               TEXT NOT NULL CHECK (mode IN ('DRY_RUN', 'LIVE')),
    client_order_id    TEXT NOT NULL UNIQUE CHECK (client_order_id ~ '^[.A-Za-z0-9:/_-]{1,36}$'),
    symbol             TEXT NOT NULL,
    side               TEXT NOT NULL CHECK (side IN ('BUY', 'SELL')),
    type               TEXT NOT NULL,
    quantity           NUMERIC(30, 8) NOT NULL CHECK (quantity > 0),
    price              NUMERIC(30, 8),
    stop_price         NUMERIC(30, 8),
    state              TEXT NOT NULL DEFAULT 'SUBMITTING',
    exchange_order_id  TEXT,
    executed_quantity  NUMERIC(30, 8),
    average_price      NUMERIC(30, 8),
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (intent_id, role, mode)
);

-- Append-only: the database refuses UPDATE and DELETE, not merely the application.
CREATE TABLE audit_trail (
    id          BIGSERIAL PRIMARY KEY,
    tenant_id   BIGINT NOT NULL REFERENCES tenants (id),
    intent_id   TEXT REFERENCES trading_intents (id),
    actor       TEXT NOT NULL,                -- "user:alice", "worker:execute", "system:sweeper"
    action      TEXT NOT NULL,                -- "INTENT_CREATED", "SPOT_BUY", "STOP_LOSS_PLACED"...
    details     JSONB NOT NULL DEFAULT '{}'::jsonb,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX audit_trail_intent ON audit_trail (intent_id, id);

CREATE FUNCTION audit_trail_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_trail is append-only (% refused)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_trail_no_update BEFORE UPDATE OR DELETE ON audit_trail
    FOR EACH ROW EXECUTE FUNCTION audit_trail_is_append_only();
CREATE TRIGGER audit_trail_no_truncate BEFORE TRUNCATE ON audit_trail
    FOR EACH STATEMENT EXECUTE FUNCTION audit_trail_is_append_only();

-- The jobs the pipeline owes (transactional outbox). A job is written in the transaction that
-- makes it necessary; the sweeper re-sends ready rows and rows whose lease expired.
CREATE TYPE job_state AS ENUM ('ready', 'running', 'retry', 'done', 'dead');

CREATE TABLE jobs (
    id                  BIGSERIAL PRIMARY KEY,
    intent_id           TEXT NOT NULL REFERENCES trading_intents (id),
    tenant_id           BIGINT NOT NULL REFERENCES tenants (id),
    kind                TEXT NOT NULL CHECK (kind IN ('plan', 'validate', 'execute', 'scan')),
    state               job_state NOT NULL DEFAULT 'ready',
    attempt             INTEGER NOT NULL DEFAULT 0,   -- fencing token, incremented by each claim
    max_attempts        INTEGER NOT NULL DEFAULT 5,
    payload             JSONB NOT NULL DEFAULT '{}'::jsonb,  -- e.g. the execute mode
    lease_owner         TEXT,
    lease_until         TIMESTAMPTZ,
    run_after           TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_dispatched_at  TIMESTAMPTZ,
    deadline            TIMESTAMPTZ NOT NULL,
    last_error          TEXT,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (intent_id, kind)
);
CREATE INDEX jobs_runnable ON jobs (state, run_after) WHERE state IN ('ready', 'retry', 'running');

-- Exchange API keys, encrypted at rest by the application (libsodium secretbox); the key
-- that decrypts them lives outside the database (ROBSON_SECRET_KEY).
CREATE TABLE exchange_credentials (
    id          BIGSERIAL PRIMARY KEY,
    tenant_id   BIGINT NOT NULL REFERENCES tenants (id),
    exchange    TEXT NOT NULL,                -- 'simulator', 'binance-testnet', 'binance'
    api_key_ciphertext     BYTEA NOT NULL,
    api_secret_ciphertext  BYTEA NOT NULL,
    nonce       BYTEA NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, exchange)
);
