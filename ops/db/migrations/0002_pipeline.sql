-- 0002: what the running pipeline needs beyond 0001.

-- An intent exists from the moment it is asked for, before the plan worker computed its stop
-- and size: PLANNING. A plan the market does not allow ends REJECTED (with status_reason); a
-- plan that could not be computed at all (exchange unreachable past the deadline) ends FAILED.
ALTER TYPE intent_status ADD VALUE IF NOT EXISTS 'PLANNING' BEFORE 'PENDING';

ALTER TABLE trading_intents
    ADD COLUMN status_reason TEXT,
    ADD COLUMN status_code TEXT;   -- machine code of the reason: no_valid_stop, below_min_notional…

-- Built-in strategies: their parameters live in the domain library (robson::domain::
-- builtinStrategies, ids 1-4); the rows exist so intents can reference them and tenants can
-- list them. config.builtin_id names the domain definition.
INSERT INTO strategies (id, tenant_id, name, config) VALUES
    (1, NULL, 'All In',         '{"builtin_id": 1}'),
    (2, NULL, 'Rescue Forces',  '{"builtin_id": 2}'),
    (3, NULL, 'Smooth Sailing', '{"builtin_id": 3}'),
    (4, NULL, 'Bounce Back',    '{"builtin_id": 4}')
ON CONFLICT DO NOTHING;
SELECT setval(pg_get_serial_sequence('strategies', 'id'), GREATEST(100, (SELECT max(id) FROM strategies)));

-- The symbols offered to people; their filters are read live from the exchange when planning.
INSERT INTO symbols (symbol, base_asset, quote_asset, rules) VALUES
    ('BTCUSDT', 'BTC', 'USDT', '{}'),
    ('ETHUSDT', 'ETH', 'USDT', '{}'),
    ('SOLUSDT', 'SOL', 'USDT', '{}')
ON CONFLICT DO NOTHING;

-- The sweeper looks for jobs to re-send by state and dispatch time.
CREATE INDEX jobs_dispatch ON jobs (state, last_dispatched_at) WHERE state IN ('ready', 'retry');
