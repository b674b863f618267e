import type {
  AutotriggerSettings,
  GuardrailDecision,
  Intent,
  IntentStatus,
  PatternConfig,
  PatternInstance,
} from '../api/types';

export const STRATEGIES = {
  count: 2,
  results: [
    { id: 1, name: 'All In', description: 'Market entry, second support stop.', mode: 'manual', timeframe: '15m', default_side: 'BUY', risk_percent: '1.0', stop_level: 2, builtin: true },
    { id: 2, name: 'Rescue Forces', description: 'Buy the reclaim.', mode: 'manual', timeframe: '1h', default_side: 'BUY', risk_percent: '1.0', stop_level: 2, builtin: true },
  ],
};

export const SYMBOLS = {
  count: 2,
  results: [
    { symbol: 'BTCUSDT', base_asset: 'BTC', quote_asset: 'USDT' },
    { symbol: 'ETHUSDT', base_asset: 'ETH', quote_asset: 'USDT' },
  ],
};

export const GUARDS = [
  { name: 'balance_check', status: 'PASS', message: 'Balance sufficient: need 49.40 USDT, free 10000.00 USDT', code: null },
  { name: 'risk_limit', status: 'PASS', message: 'Planned risk 0.99871181 USDT is 0.99% of capital (limit 1%)', code: null },
  { name: 'daily_loss', status: 'WARNING', message: 'Daily loss at 2.10% of the 3.00% limit', code: 'DAILY_LOSS_NEAR' },
  { name: 'position_limit', status: 'PASS', message: 'No open position on BTCUSDT', code: null },
  { name: 'market_hours', status: 'FAIL', message: 'BTCUSDT is HALT on the exchange', code: 'SYMBOL_NOT_TRADING' },
  { name: 'paper_simulation', status: 'WARNING', message: 'Estimated slippage 0.12% on the entry', code: 'SLIPPAGE' },
] as const;

export function intentFixture(overrides: Partial<Intent> = {}): Intent {
  return {
    intent_id: 'intent-0f3a9c2e7b1d4a56',
    status: 'VALIDATED',
    status_reason: null,
    strategy: { id: 1, name: 'All In' },
    symbol: 'BTCUSDT',
    side: 'BUY',
    timeframe: '15m',
    entry_mode: 'manual',
    capital: '100.00000000',
    quantity: '0.00051700',
    entry_price: '95432.10000000',
    stop_price: '93500.00000000',
    risk_amount: '1.00000000',
    risk_percent: '1.0',
    confidence: '0.9',
    metadata: {},
    plan: {
      stop: {
        entry: '95432.10000000',
        stop: '93500.00000000',
        distance: '1932.10000000',
        distance_percent: '2.02458082',
        levels: [
          { price: '94210.00000000', touches: 3 },
          { price: '93520.00000000', touches: 2 },
        ],
        explanation: 'The second support below the entry is 93520.',
      },
      sizing: {
        quantity: '0.00051700',
        risk_budget: '1.00000000',
        planned_risk: '0.99871181',
        position_value: '49.33839570',
        value_with_fees: '49.38773409',
        stop_distance: '1932.10000000',
        stop_distance_percent: '2.02458082',
        stop_limit: '93406.50000000',
      },
    },
    validation_result: {
      status: 'PASS',
      guards: GUARDS.filter((g) => g.status === 'PASS' || g.name === 'paper_simulation').map((g) => ({ ...g })),
      warnings: ['Estimated slippage 0.12% on the entry'],
      validated_at: '2026-01-01T10:00:01Z',
    },
    execution_result: null,
    created_at: '2026-01-01T10:00:00Z',
    validated_at: '2026-01-01T10:00:01Z',
    executed_at: null,
    cancelled_at: null,
    updated_at: '2026-01-01T10:00:01Z',
    ...overrides,
  };
}

export function withStatus(status: IntentStatus, overrides: Partial<Intent> = {}): Intent {
  return intentFixture({ status, ...overrides });
}

// ---- The pattern scanner ----

export const PATTERN_CATALOG = {
  results: [
    { pattern: 'MA_CROSSOVER', direction: 'BUY', base_confidence: '0.70', description: 'SMA4 crosses above SMA9.' },
    { pattern: 'HAMMER', direction: 'BUY', base_confidence: '0.75', description: 'A long lower wick after a fall.' },
    { pattern: 'BEARISH_ENGULFING', direction: 'SELL', base_confidence: '0.72', description: 'A red body engulfs the green one.' },
  ],
};

export function configFixture(overrides: Partial<PatternConfig> = {}): PatternConfig {
  return {
    id: 3,
    strategy_id: 1,
    strategy_name: 'All In',
    pattern: 'MA_CROSSOVER',
    symbols: ['BTCUSDT'],
    timeframes: ['15m'],
    min_confidence: '0.70',
    capital: '1000',
    mode: 'manual',
    risk_acknowledged_at: null,
    enabled: true,
    created_at: '2026-12-01T09:00:00Z',
    updated_at: '2026-12-01T09:00:00Z',
    ...overrides,
  };
}

export function patternFixture(overrides: Partial<PatternInstance> = {}): PatternInstance {
  return {
    id: 17,
    pattern: 'HAMMER',
    direction: 'BUY',
    symbol: 'BTCUSDT',
    timeframe: '15m',
    trigger_open_time: '2026-12-04T10:15:00Z',
    trigger_candle: { open: '95100.00', high: '95200.00', low: '94100.00', close: '95150.00', volume: '12.5' },
    confidence: '0.85',
    confirmation_level: '95200.00',
    invalidation_level: '94100.00',
    state: 'CONFIRMED',
    explanation: 'A hammer: the lower wick is 4.7 times the body, after three falling closes.',
    detected_at: '2026-12-04T10:30:02Z',
    confirmed_at: '2026-12-04T10:45:02Z',
    decided_at: null,
    intents: [{ id: 'intent-aaaa000000000001', status: 'VALIDATED' }],
    ...overrides,
  };
}

export function autotriggerFixture(overrides: Partial<AutotriggerSettings> = {}): AutotriggerSettings {
  return {
    enabled: true,
    daily_cap: 10,
    cooldown_minutes: 60,
    auto_executions_today: 3,
    updated_at: '2026-12-04T08:00:00Z',
    updated_by: 'demo',
    ...overrides,
  };
}

export function decisionFixture(overrides: Partial<GuardrailDecision> = {}): GuardrailDecision {
  return {
    id: 1,
    config_id: 3,
    pattern_id: 17,
    intent_id: 'intent-aaaa000000000001',
    symbol: 'BTCUSDT',
    guardrail: 'cooldown',
    allowed: false,
    reason: 'An automatic execution on BTCUSDT 12 minutes ago; the cooldown is 60 minutes.',
    created_at: '2026-12-04T10:45:03Z',
    ...overrides,
  };
}

/** An intent a pattern made (metadata.source == "pattern"). */
export function patternIntentFixture(overrides: Partial<Intent> = {}): Intent {
  return intentFixture({
    intent_id: 'intent-aaaa000000000001',
    entry_mode: 'pattern',
    source: 'pattern',
    metadata: {
      source: 'pattern',
      pattern: {
        id: 17,
        kind: 'HAMMER',
        confidence: '0.85',
        direction: 'BUY',
        trigger_open_time: '2026-12-04T10:15:00Z',
        trigger_candle: { open: '95100.00', high: '95200.00', low: '94100.00', close: '95150.00', volume: '12.5' },
      },
      config_id: 3,
      auto_mode: 'manual',
    },
    ...overrides,
  });
}
