-- 0004: the pattern scanner and auto-trigger (docs/decisions/0005-pattern-scanner.md).

-- A scan of one (symbol, timeframe): scheduled for a candle close, or asked for by a person.
CREATE TABLE scans (
    id               BIGSERIAL PRIMARY KEY,
    symbol           TEXT NOT NULL,
    timeframe        TEXT NOT NULL,
    candle_close_ms  BIGINT,                  -- the close it was scheduled for; NULL on demand
    requested_by     BIGINT REFERENCES tenants (id),   -- NULL when the scheduler asked
    state            TEXT NOT NULL DEFAULT 'queued'
                     CHECK (state IN ('queued', 'running', 'done', 'failed')),
    candles_scanned  INTEGER NOT NULL DEFAULT 0,
    detections       INTEGER NOT NULL DEFAULT 0,   -- instances this scan saw (new or known)
    new_patterns     INTEGER NOT NULL DEFAULT 0,   -- instances this scan recorded first
    error            TEXT,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at      TIMESTAMPTZ,
    UNIQUE (symbol, timeframe, candle_close_ms)    -- one scheduled scan per close (NULLs distinct)
);

-- Scan jobs have no intent: they name their scan instead. Exactly one of the two is set.
ALTER TABLE jobs ALTER COLUMN intent_id DROP NOT NULL;
ALTER TABLE jobs ALTER COLUMN tenant_id DROP NOT NULL;
ALTER TABLE jobs ADD COLUMN scan_id BIGINT UNIQUE REFERENCES scans (id);
ALTER TABLE jobs ADD CONSTRAINT jobs_scan_or_intent CHECK (
    (kind = 'scan' AND scan_id IS NOT NULL AND intent_id IS NULL)
    OR (kind <> 'scan' AND scan_id IS NULL AND intent_id IS NOT NULL AND tenant_id IS NOT NULL));

-- A pattern instance is a fact about the market, shared by every tenant: the same pattern on
-- the same candle is one row however many scans see it.
CREATE TABLE pattern_instances (
    id                    BIGSERIAL PRIMARY KEY,
    pattern               TEXT NOT NULL,      -- robson::domain::patterns::toString(PatternKind)
    direction             TEXT NOT NULL CHECK (direction IN ('BUY', 'SELL')),
    symbol                TEXT NOT NULL,
    timeframe             TEXT NOT NULL,
    trigger_open_time_ms  BIGINT NOT NULL,
    trigger_candle        JSONB NOT NULL,     -- {open_time, open, high, low, close, volume} strings
    confidence            NUMERIC(4, 3) NOT NULL CHECK (confidence BETWEEN 0 AND 1),
    confirmation_level    NUMERIC(30, 8) NOT NULL,
    invalidation_level    NUMERIC(30, 8) NOT NULL,
    state                 TEXT NOT NULL DEFAULT 'DETECTED'
                          CHECK (state IN ('DETECTED', 'CONFIRMED', 'CONSUMED', 'EXPIRED', 'INVALIDATED')),
    explanation           TEXT NOT NULL,
    first_scan_id         BIGINT REFERENCES scans (id),
    detected_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    confirmed_at          TIMESTAMPTZ,
    decided_at            TIMESTAMPTZ,        -- when it became CONSUMED, EXPIRED or INVALIDATED
    updated_at            TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (pattern, symbol, timeframe, trigger_open_time_ms)
);
CREATE INDEX pattern_instances_recent ON pattern_instances (detected_at DESC);
CREATE INDEX pattern_instances_open ON pattern_instances (symbol, timeframe)
    WHERE state IN ('DETECTED', 'CONFIRMED');

-- What a tenant wants done when a pattern is confirmed.
CREATE TABLE pattern_configs (
    id                    BIGSERIAL PRIMARY KEY,
    tenant_id             BIGINT NOT NULL REFERENCES tenants (id),
    strategy_id           BIGINT NOT NULL REFERENCES strategies (id),
    pattern               TEXT NOT NULL,
    symbols               TEXT[] NOT NULL CHECK (cardinality(symbols) BETWEEN 1 AND 50),
    timeframes            TEXT[] NOT NULL CHECK (cardinality(timeframes) BETWEEN 1 AND 10),
    min_confidence        NUMERIC(4, 3) NOT NULL DEFAULT 0.700 CHECK (min_confidence BETWEEN 0 AND 1),
    capital               NUMERIC(30, 8) NOT NULL CHECK (capital > 0),
    mode                  TEXT NOT NULL DEFAULT 'manual'
                          CHECK (mode IN ('manual', 'auto_dry_run', 'auto_live')),
    risk_acknowledged_at  TIMESTAMPTZ,        -- set when LIVE automation was acknowledged
    enabled               BOOLEAN NOT NULL DEFAULT true,
    created_at            TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at            TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (mode <> 'auto_live' OR risk_acknowledged_at IS NOT NULL)
);
CREATE INDEX pattern_configs_pattern ON pattern_configs (pattern) WHERE enabled;

-- One intent per (pattern instance, configuration): a pattern seen twice, or by two scan
-- workers at once, cannot trigger twice.
CREATE TABLE pattern_triggers (
    pattern_id  BIGINT NOT NULL REFERENCES pattern_instances (id),
    config_id   BIGINT NOT NULL REFERENCES pattern_configs (id) ON DELETE CASCADE,
    intent_id   TEXT REFERENCES trading_intents (id),
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (pattern_id, config_id)
);

-- Per-tenant automation settings. enabled = false is the kill switch: no automatic execution
-- starts while it is off (intents still wait for a person's confirmation).
CREATE TABLE autotrigger_settings (
    tenant_id         BIGINT PRIMARY KEY REFERENCES tenants (id),
    enabled           BOOLEAN NOT NULL DEFAULT true,
    daily_cap         INTEGER NOT NULL DEFAULT 10 CHECK (daily_cap BETWEEN 0 AND 1000),
    cooldown_minutes  INTEGER NOT NULL DEFAULT 60 CHECK (cooldown_minutes BETWEEN 0 AND 10080),
    updated_by        TEXT,
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Every guardrail decision about an automatic intent, allowed or blocked, for the UI and audit.
CREATE TABLE guardrail_decisions (
    id          BIGSERIAL PRIMARY KEY,
    tenant_id   BIGINT NOT NULL REFERENCES tenants (id),
    config_id   BIGINT REFERENCES pattern_configs (id) ON DELETE SET NULL,
    pattern_id  BIGINT REFERENCES pattern_instances (id),
    intent_id   TEXT REFERENCES trading_intents (id),
    symbol      TEXT NOT NULL,
    guardrail   TEXT NOT NULL
                CHECK (guardrail IN ('kill_switch', 'daily_cap', 'cooldown', 'min_confidence', 'validation')),
    allowed     BOOLEAN NOT NULL,
    reason      TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX guardrail_decisions_tenant ON guardrail_decisions (tenant_id, id DESC);
CREATE INDEX guardrail_decisions_intent ON guardrail_decisions (intent_id);

-- The daily cap and the cooldown count the automatic executions a worker started: the audit
-- rows AUTO_EXECUTION_REQUESTED (robson/store/autotrigger.hpp), found by tenant and time.
CREATE INDEX audit_trail_auto_executions ON audit_trail (tenant_id, created_at)
    WHERE action = 'AUTO_EXECUTION_REQUESTED';
