import type { Intent, IntentStatus } from '../api/types';

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
