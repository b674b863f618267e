// A small stand-in for the Robson API (docs/api-contract.md) and the exchange simulator's
// admin endpoints, for running the E2E suite before the real stack is available. It also
// serves web/dist with the SPA fallback, like `robson-api --web-root web/dist`.
//   node e2e/mock-api.mjs [--port 8089]   →   prints "mock-api listening on http://127.0.0.1:<port>"
// The real run (ROBSON_E2E_BASE_URL pointing at robson-api) is what counts.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const webRoot = resolve(here, '..', 'dist');
const portArg = process.argv.indexOf('--port');
const port = portArg > 0 ? Number(process.argv[portArg + 1]) : 8089;

const USERS = { demo: 'robson-demo' };
const STRATEGIES = [
  { id: 1, name: 'All In', description: 'Enter at market; technical stop at the second support; 1 % risk.', mode: 'manual', timeframe: '15m', default_side: 'BUY', risk_percent: '1.0', stop_level: 2, builtin: true },
  { id: 2, name: 'Rescue Forces', description: 'Buy the reclaim after a flush.', mode: 'manual', timeframe: '15m', default_side: 'BUY', risk_percent: '1.0', stop_level: 2, builtin: true },
  { id: 3, name: 'Smooth Sailing', description: 'Trend following on the 1h.', mode: 'manual', timeframe: '1h', default_side: 'BUY', risk_percent: '0.5', stop_level: 2, builtin: true },
  { id: 4, name: 'Bounce Back', description: 'Mean reversion at support.', mode: 'manual', timeframe: '5m', default_side: 'BUY', risk_percent: '1.0', stop_level: 1, builtin: true },
];
const SYMBOLS = [
  { symbol: 'BTCUSDT', base_asset: 'BTC', quote_asset: 'USDT', price: '95432.10', stop: '93500.00', levels: ['94210.00', '93520.00', '92800.00'] },
  { symbol: 'ETHUSDT', base_asset: 'ETH', quote_asset: 'USDT', price: '3310.55', stop: '3241.20', levels: ['3280.00', '3245.00'] },
  { symbol: 'SOLUSDT', base_asset: 'SOL', quote_asset: 'USDT', price: '182.31', stop: '176.90', levels: ['179.10', '177.00'] },
];

const tokens = new Map(); // access → username
const refreshTokens = new Map();
const intents = new Map();
const audit = new Map();
const subscribers = new Map(); // intent id → Set<res>
const simOrders = [];
let balances = { USDT: { free: '10000', locked: '0' }, BTC: { free: '0', locked: '0' } };
let nextOrderId = 4100001;
let nextAuditId = 1;

const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
const randomHex = (n) => Array.from({ length: n }, () => '0123456789abcdef'[Math.floor(Math.random() * 16)]).join('');

function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(body === undefined ? '' : JSON.stringify(body));
}
const error = (res, status, code, detail, extra = {}) => send(res, status, { detail, code, ...extra });

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    return Symbol.for('invalid');
  }
}

function caller(req, url) {
  const header = req.headers.authorization ?? '';
  const token = header.startsWith('Bearer ') ? header.slice(7) : url.searchParams.get('access_token');
  return token && tokens.has(token) ? tokens.get(token) : null;
}

function addAudit(id, actor, action, details = {}) {
  const list = audit.get(id) ?? [];
  list.push({ id: nextAuditId++, actor, action, details, created_at: now() });
  audit.set(id, list);
}

function summary(intent) {
  const { plan, validation_result, execution_result, metadata, ...rest } = intent;
  return rest;
}

function publish(intent) {
  intent.updated_at = now();
  for (const res of subscribers.get(intent.intent_id) ?? []) {
    res.write(`data: ${JSON.stringify(intent)}\n\n`);
  }
}

function setStatus(intent, status, changes = {}) {
  Object.assign(intent, changes, { status });
  addAudit(intent.intent_id, 'system', `STATUS_${status}`, { status });
  publish(intent);
}

// Decimal arithmetic on 8-place fixed point with BigInt: no floats for money even here.
const SCALE = 10n ** 8n;
const toUnits = (s) => {
  const [i, f = ''] = s.split('.');
  return BigInt(i) * SCALE + BigInt((f + '00000000').slice(0, 8));
};
const fromUnits = (u) => {
  const sign = u < 0n ? '-' : '';
  const abs = u < 0n ? -u : u;
  return `${sign}${abs / SCALE}.${(abs % SCALE).toString().padStart(8, '0')}`;
};
const mulUnits = (a, b) => (a * b) / SCALE;
const divUnits = (a, b) => (a * SCALE) / b;

function plan(intent) {
  const symbol = SYMBOLS.find((s) => s.symbol === intent.symbol);
  const strategy = STRATEGIES.find((s) => s.id === intent.strategy.id);
  const entry = toUnits(symbol.price);
  const stop = toUnits(symbol.stop);
  const capital = toUnits(intent.capital);
  const riskRate = divUnits(toUnits(strategy.risk_percent), toUnits('100'));
  const budget = mulUnits(capital, riskRate);
  const distance = entry - stop;
  const unitLoss = distance + mulUnits(entry, toUnits('0.002')); // fees and offset, roughly
  let quantity = divUnits(budget, unitLoss);
  quantity -= quantity % 1000n; // step 0.00001
  const plannedRisk = mulUnits(quantity, unitLoss);
  if (quantity <= 0n || mulUnits(quantity, entry) < toUnits('5')) {
    return { refusal: { code: 'below_min_notional', reason: `The position size for ${intent.capital} USDT of capital is below the exchange's minimum order value of 5 USDT.` } };
  }
  const positionValue = mulUnits(quantity, entry);
  return {
    quantity: fromUnits(quantity),
    entry_price: fromUnits(entry),
    stop_price: fromUnits(stop),
    risk_amount: fromUnits(budget),
    plan: {
      strategy: { id: strategy.id, name: strategy.name, risk_percent: strategy.risk_percent },
      market: { bid: symbol.price, ask: symbol.price, entry_reference: symbol.price },
      stop: {
        side: 'BUY',
        entry: fromUnits(entry),
        level_n: 2,
        levels: symbol.levels.map((price, i) => ({ price, touches: 3 - i, distance: '0', distance_percent: '0' })),
        chosen_level: 2,
        method: 'support_level',
        stop: fromUnits(stop),
        distance: fromUnits(distance),
        distance_percent: fromUnits(divUnits(distance * 100n, entry)),
        confidence: 'HIGH',
        explanation: `The second support below the entry is ${symbol.levels[1]}; the stop sits just under it at ${symbol.stop}.`,
      },
      sizing: {
        quantity: fromUnits(quantity),
        bound: 'risk',
        risk_budget: fromUnits(budget),
        planned_risk: fromUnits(plannedRisk),
        position_value: fromUnits(positionValue),
        value_with_fees: fromUnits(positionValue + mulUnits(positionValue, toUnits('0.001'))),
        stop_distance: fromUnits(distance),
        stop_distance_percent: fromUnits(divUnits(distance * 100n, entry)),
        stop_trigger: fromUnits(stop),
        stop_limit: fromUnits(stop - mulUnits(stop, toUnits('0.001'))),
        note: 'Sized so that a stop-out, fees and the stop-limit offset included, loses at most the budget.',
      },
      planned_at: now(),
    },
  };
}

function validate(intent) {
  const need = toUnits(intent.plan.sizing.value_with_fees);
  const free = toUnits(balances.USDT?.free ?? '0');
  const balanceOk = free >= need;
  const guards = [
    balanceOk
      ? { name: 'balance_check', status: 'PASS', message: `Balance sufficient: need ${intent.plan.sizing.value_with_fees} USDT, free ${balances.USDT.free} USDT`, code: null }
      : { name: 'balance_check', status: 'FAIL', message: `Insufficient balance: need ${intent.plan.sizing.value_with_fees} USDT, free ${balances.USDT?.free ?? '0'} USDT`, code: 'INSUFFICIENT_BALANCE' },
    { name: 'risk_limit', status: 'PASS', message: `Planned risk ${intent.plan.sizing.planned_risk} USDT is within 1% of capital`, code: null },
    { name: 'daily_loss', status: 'PASS', message: 'Daily loss 0.00% of 3.00% limit', code: null },
    { name: 'position_limit', status: 'PASS', message: 'No open position on ' + intent.symbol, code: null },
    { name: 'market_hours', status: 'PASS', message: `${intent.symbol} is TRADING; data is fresh`, code: null },
    { name: 'paper_simulation', status: 'WARNING', message: 'Estimated entry slippage 0.02% (2 ticks) on the current book', code: 'SLIPPAGE' },
  ];
  const failed = guards.filter((g) => g.status === 'FAIL');
  return {
    result: { status: failed.length ? 'FAIL' : 'WARNING', guards, warnings: guards.filter((g) => g.status === 'WARNING').map((g) => g.message), validated_at: now() },
    reason: failed.map((g) => `${g.name}: ${g.message}`).join('; '),
  };
}

function runPipeline(intent, planDelay = 120, validateDelay = 250) {
  setTimeout(() => {
    if (intent.status !== 'PLANNING') return;
    const planned = plan(intent);
    if (planned.refusal) {
      setStatus(intent, 'REJECTED', { status_reason: planned.refusal.reason, plan: { refusal: planned.refusal } });
      return;
    }
    setStatus(intent, 'PENDING', { ...planned, confidence: '0.9' });
    setTimeout(() => {
      if (intent.status !== 'PENDING') return;
      const { result, reason } = validate(intent);
      if (reason) setStatus(intent, 'REJECTED', { validation_result: result, status_reason: reason, validated_at: now() });
      else setStatus(intent, 'VALIDATED', { validation_result: result, validated_at: now() });
    }, validateDelay);
  }, planDelay);
}

function waitFor(intent, predicate, ms) {
  return new Promise((done) => {
    const started = Date.now();
    const tick = () => (predicate(intent) || Date.now() - started > ms ? done() : setTimeout(tick, 20));
    tick();
  });
}

function execute(intent, mode) {
  const q = intent.quantity;
  const live = mode === 'LIVE';
  const order = (type, side, orderType, price, stopPrice, status) => {
    const id = live ? nextOrderId++ : null;
    const client_order_id = `robson-${randomHex(10)}`;
    if (live) simOrders.push({ symbol: intent.symbol, orderId: id, clientOrderId: client_order_id, side, type: orderType, origQty: q, status, received_at: Date.now() });
    return { type, side, order_type: orderType, client_order_id, quantity: q, executed_quantity: status === 'FILLED' ? q : '0', price, limit_price: null, stop_price: stopPrice, binance_order_id: id === null ? null : String(id), status: live ? status : 'SIMULATED' };
  };
  const orders = [order('ENTRY', 'BUY', 'MARKET', intent.entry_price, null, 'FILLED'), order('STOP_LOSS', 'SELL', 'STOP_LOSS_LIMIT', intent.plan.sizing.stop_limit, intent.stop_price, 'NEW')];
  return {
    status: 'SUCCESS',
    mode,
    orders,
    audit_trail: [
      { action: live ? 'SPOT_BUY' : 'DRY_RUN_BUY', amount: intent.plan.sizing.position_value, asset: 'USDT', quantity: q },
      { action: live ? 'STOP_LOSS_PLACED' : 'DRY_RUN_STOP_LOSS', stop_price: intent.stop_price },
    ],
    error: null,
    executed_at: now(),
  };
}

function candles(symbolName) {
  // A deterministic wave between the second support and the price, ending at the price.
  const symbol = SYMBOLS.find((s) => s.symbol === symbolName);
  const top = toUnits(symbol.price);
  const bottom = toUnits(symbol.levels[1] ?? symbol.stop);
  const span = top - bottom;
  const start = Date.UTC(2026, 0, 1, 0, 0, 0);
  let seed = 7n;
  const noise = () => {
    seed = (seed * 6364136223846793005n + 1442695040888963407n) % (1n << 63n);
    return (seed >> 20n) % 1000n;
  };
  const wave = [0, 150, 320, 480, 600, 700, 640, 520, 380, 220, 80, 10, 90, 260, 450, 610, 760, 850, 900, 820, 700, 560, 420, 300, 200, 120, 60, 40, 110, 250, 400, 560, 700, 820, 900, 960, 1000];
  const out = [];
  let close = bottom + (span * BigInt(wave[0])) / 1000n;
  const count = 120;
  for (let i = 0; i < count; i++) {
    const position = (i * (wave.length - 1)) / (count - 1);
    const a = wave[Math.floor(position)];
    const b = wave[Math.min(wave.length - 1, Math.floor(position) + 1)];
    const target = bottom + (span * BigInt(Math.round(a + (b - a) * (position % 1)))) / 1000n;
    const open = close;
    close = i === count - 1 ? top : target + ((noise() - 500n) * span) / 20000n;
    const wick = (span * noise()) / 25000n;
    const high = (open > close ? open : close) + wick;
    const low = (open < close ? open : close) - wick;
    out.push({ open_time: start + i * 900_000, open: fromUnits(open), high: fromUnits(high), low: fromUnits(low < bottom ? bottom : low), close: fromUnits(close), volume: '12.50000000' });
  }
  return out;
}

/** As the API: the `limit` (default 200) most recent candles opened at or before `end_time` when given. */
function candleWindow(all, url) {
  const endTime = url.searchParams.get('end_time');
  const limit = Number(url.searchParams.get('limit') ?? 200);
  const opened = endTime === null ? all : all.filter((c) => c.open_time <= Number(endTime));
  return opened.slice(Math.max(0, opened.length - limit));
}

// --- the pattern scanner (docs/decisions/0005-pattern-scanner.md) ---
const PATTERN_CATALOG = [
  { pattern: 'MA_CROSSOVER', direction: 'BUY', base_confidence: '0.70', description: 'The 4-candle average crosses above the 9-candle average.' },
  { pattern: 'GOLDEN_CROSS', direction: 'BUY', base_confidence: '0.80', description: 'The 50-candle average crosses above the 200-candle average.' },
  { pattern: 'BOLLINGER_RSI', direction: 'BUY', base_confidence: '0.75', description: 'A low at or under the lower Bollinger band (20, 2σ) while RSI14 is under 30.' },
  { pattern: 'HAMMER', direction: 'BUY', base_confidence: '0.75', description: 'A small body at the top of a long lower wick, after a fall; confirmed by a close above its high.' },
  { pattern: 'BULLISH_ENGULFING', direction: 'BUY', base_confidence: '0.75', description: 'A green body engulfs the previous red one; confirmed by a close above it.' },
  { pattern: 'BEARISH_ENGULFING', direction: 'SELL', base_confidence: '0.75', description: 'A red body engulfs the previous green one; confirmed by a close below it.' },
];
const TIMEFRAMES = ['1m', '3m', '5m', '15m', '30m', '1h', '2h', '4h', '6h', '8h', '12h', '1d'];
const patternConfigs = new Map(); // id → config (with owner)
let nextConfigId = 1;
const autotrigger = new Map(); // user → settings
const decisions = []; // with owner
let nextDecisionId = 1;
const patternInstances = [];
const scans = new Map();
let nextScanId = 1;

/** A few instances on the mock's candles (which start 2026-01-01 00:00 UTC, 15 m apart). */
function seedPatterns() {
  const seeds = [
    { symbol: 'BTCUSDT', pattern: 'HAMMER', index: 104, state: 'CONFIRMED', confidence: '0.85' },
    { symbol: 'ETHUSDT', pattern: 'MA_CROSSOVER', index: 110, state: 'CONSUMED', confidence: '0.80' },
    { symbol: 'SOLUSDT', pattern: 'BEARISH_ENGULFING', index: 96, state: 'INVALIDATED', confidence: '0.75' },
    { symbol: 'BTCUSDT', pattern: 'BULLISH_ENGULFING', index: 116, state: 'DETECTED', confidence: '0.75' },
  ];
  for (const seed of seeds) {
    const candle = candles(seed.symbol)[seed.index];
    const entry = PATTERN_CATALOG.find((p) => p.pattern === seed.pattern);
    const confirmedBySelf = ['MA_CROSSOVER', 'GOLDEN_CROSS', 'BOLLINGER_RSI'].includes(seed.pattern);
    const sell = entry.direction === 'SELL';
    const time = new Date(candle.open_time).toISOString().replace(/\.\d{3}Z$/, 'Z');
    patternInstances.unshift({
      id: patternInstances.length + 1,
      pattern: seed.pattern,
      direction: entry.direction,
      symbol: seed.symbol,
      timeframe: '15m',
      trigger_open_time: time,
      trigger_candle: { open: candle.open, high: candle.high, low: candle.low, close: candle.close, volume: candle.volume },
      confidence: seed.confidence,
      confirmation_level: confirmedBySelf ? null : sell ? candle.low : candle.high,
      invalidation_level: confirmedBySelf ? null : sell ? candle.high : candle.low,
      state: seed.state,
      explanation: `${seed.pattern} on ${seed.symbol} 15m: ${entry.description}`,
      detected_at: time,
      confirmed_at: ['CONFIRMED', 'CONSUMED'].includes(seed.state) ? time : null,
      decided_at: ['INVALIDATED', 'EXPIRED', 'CONSUMED'].includes(seed.state) ? time : null,
    });
  }
}

function settingsOf(user) {
  if (!autotrigger.has(user)) autotrigger.set(user, { enabled: true, daily_cap: 10, cooldown_minutes: 60, auto_executions_today: 0, updated_at: null, updated_by: null });
  return { ...autotrigger.get(user) };
}

const configView = ({ owner, ...config }) => config;

/** The checks of POST/PATCH /api/pattern-configs/: null when the body is acceptable. */
function configProblem(body, partial) {
  const allowed = ['strategy_id', 'pattern', 'symbols', 'timeframes', 'min_confidence', 'capital', 'mode', 'acknowledge_risk', 'enabled'];
  const unknown = Object.keys(body).find((k) => !allowed.includes(k));
  if (unknown) return [400, 'unknown_field', `Unknown field '${unknown}'.`];
  if (!partial) for (const field of ['strategy_id', 'pattern', 'symbols', 'timeframes', 'capital']) if (body[field] === undefined) return [400, 'missing_field', `'${field}' is required.`];
  if (body.strategy_id !== undefined && !STRATEGIES.some((s) => s.id === body.strategy_id)) return [400, 'invalid_field', `'strategy_id' names no strategy (${body.strategy_id}).`];
  if (body.pattern !== undefined && !PATTERN_CATALOG.some((p) => p.pattern === body.pattern)) return [400, 'invalid_field', `'pattern' is not a known pattern (${body.pattern}).`];
  if (body.symbols !== undefined && (!Array.isArray(body.symbols) || body.symbols.length === 0 || body.symbols.some((x) => !SYMBOLS.some((s) => s.symbol === x)))) return [400, 'invalid_field', "'symbols' must be a non-empty list of known symbols."];
  if (body.timeframes !== undefined && (!Array.isArray(body.timeframes) || body.timeframes.length === 0 || body.timeframes.some((t) => !TIMEFRAMES.includes(t)))) return [400, 'invalid_field', "'timeframes' must be a non-empty list of known timeframes."];
  if (body.min_confidence !== undefined && (!/^(0(\.\d{1,3})?|1(\.0{1,3})?)$/.test(String(body.min_confidence)))) return [400, 'invalid_field', "'min_confidence' must be a decimal from 0 to 1 with at most 3 decimals."];
  if (body.capital !== undefined && (!/^\d+(\.\d{1,8})?$/.test(String(body.capital)) || toUnits(String(body.capital)) <= 0n)) return [400, 'invalid_field', "'capital' must be > 0 with at most 8 decimals."];
  if (body.mode !== undefined && !['manual', 'auto_dry_run', 'auto_live'].includes(body.mode)) return [400, 'invalid_field', "'mode' must be manual, auto_dry_run or auto_live."];
  if (body.mode === 'auto_live' && body.acknowledge_risk !== true) return [400, 'risk_not_acknowledged', 'Automatic LIVE needs "acknowledge_risk": true in the same request.'];
  return null;
}

/** A VALIDATED intent made from a pattern instance for a user, as the scan worker would. */
function triggerPatternIntent(user, instance, config) {
  const strategy = STRATEGIES.find((s) => s.id === (config?.strategy_id ?? 1));
  const id = `intent-${randomHex(16)}`;
  const intent = {
    intent_id: id, status: 'PLANNING', status_reason: null, strategy: { id: strategy.id, name: strategy.name },
    symbol: instance.symbol, side: instance.direction, timeframe: instance.timeframe, entry_mode: 'pattern', source: 'pattern',
    capital: fromUnits(toUnits(config?.capital ?? '100')), quantity: null, entry_price: null, stop_price: null, risk_amount: null,
    risk_percent: strategy.risk_percent, confidence: null,
    metadata: {
      source: 'pattern',
      pattern: { id: instance.id, kind: instance.pattern, confidence: instance.confidence, direction: instance.direction, trigger_open_time: instance.trigger_open_time, trigger_candle: instance.trigger_candle },
      config_id: config?.id ?? null,
      auto_mode: config?.mode ?? 'manual',
    },
    plan: null, validation_result: null, execution_result: null,
    created_at: now(), validated_at: null, executed_at: null, cancelled_at: null, updated_at: now(), owner: user,
  };
  intents.set(id, intent);
  addAudit(id, 'scanner', 'INTENT_CREATED', { pattern: instance.pattern, symbol: instance.symbol });
  instance.intents = [...(instance.intents ?? []), { id, owner: user }];
  runPipeline(intent);
  return intent;
}

seedPatterns();

const CONTENT_TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json' };

async function serveStatic(res, pathname) {
  const safe = normalize(pathname).replace(/^(\.\.[/\\])+/, '');
  let file = join(webRoot, safe);
  try {
    if (!(await stat(file)).isFile()) throw new Error('dir');
  } catch {
    if (extname(pathname)) return error(res, 404, 'not_found', `Not found: ${pathname}`);
    file = join(webRoot, 'index.html');
  }
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    error(res, 404, 'not_found', 'The web UI is not built (npm run build).');
  }
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url, `http://${req.headers.host}`);
  const path = url.pathname;
  const method = req.method;
  try {
    // --- the simulator's admin endpoints ---
    if (path === '/sim/admin/balances' && method === 'POST') {
      const body = await readBody(req);
      for (const b of body.balances ?? []) balances[b.asset] = { free: b.free, locked: b.locked ?? '0' };
      return send(res, 200, { balances });
    }
    if (path === '/sim/admin/orders' && method === 'GET') return send(res, 200, { orders: simOrders });
    // Mock only: what a confirmed pattern does for a user (a pattern-made intent, validated).
    if (path === '/sim/admin/patterns/trigger' && method === 'POST') {
      const body = await readBody(req);
      const instance = patternInstances.find((p) => p.id === (body.pattern_id ?? 1));
      if (!instance) return error(res, 404, 'not_found', 'No such pattern.');
      const owner = body.username ?? 'demo';
      const intent = triggerPatternIntent(owner, instance, null);
      // Optionally the guardrail decision that kept it from running by itself.
      if (body.decision) {
        decisions.unshift({ id: nextDecisionId++, config_id: null, pattern_id: instance.id, intent_id: intent.intent_id, symbol: instance.symbol, created_at: now(), owner, ...body.decision });
      }
      return send(res, 200, { intent_id: intent.intent_id });
    }
    if (path === '/healthz') return send(res, 200, { status: 'ok' });
    if (!path.startsWith('/api/')) return serveStatic(res, path);

    // --- auth ---
    if (path === '/api/auth/token/' && method === 'POST') {
      const body = await readBody(req);
      if (USERS[body.username] !== body.password) return error(res, 401, 'invalid_credentials', 'The username or password is wrong.');
      const access = `a-${randomHex(24)}`;
      const refresh = `r-${randomHex(24)}`;
      tokens.set(access, body.username);
      refreshTokens.set(refresh, body.username);
      return send(res, 200, { access, refresh, token_type: 'Bearer', expires_in: 900 });
    }
    if (path === '/api/auth/token/refresh/' && method === 'POST') {
      const body = await readBody(req);
      const user = refreshTokens.get(body.refresh);
      if (!user) return error(res, 401, 'invalid_token', 'The refresh token is not valid.');
      const access = `a-${randomHex(24)}`;
      tokens.set(access, user);
      return send(res, 200, { access, token_type: 'Bearer', expires_in: 900 });
    }

    const user = caller(req, url);
    if (!user) return error(res, 401, 'not_authenticated', 'Sign in first: this endpoint needs a bearer token.');

    if (path === '/api/strategies/') return send(res, 200, { count: STRATEGIES.length, results: STRATEGIES });
    if (path === '/api/symbols/') return send(res, 200, { count: SYMBOLS.length, results: SYMBOLS.map(({ symbol, base_asset, quote_asset }) => ({ symbol, base_asset, quote_asset })) });
    if (path === '/api/candles/') {
      const intentId = url.searchParams.get('intent');
      if (intentId) {
        const intent = intents.get(intentId);
        if (!intent) return error(res, 404, 'not_found', `Intent '${intentId}' not found.`);
        return send(res, 200, { symbol: intent.symbol, interval: intent.timeframe, intent_id: intentId, candles: candleWindow(candles(intent.symbol), url), levels: intent.plan?.stop?.levels ?? [], entry_price: intent.entry_price, stop_price: intent.stop_price });
      }
      const symbol = url.searchParams.get('symbol');
      if (!SYMBOLS.some((s) => s.symbol === symbol)) return error(res, 404, 'symbol_not_found', `Symbol '${symbol}' not found.`);
      return send(res, 200, { symbol, interval: url.searchParams.get('interval') ?? '15m', candles: candleWindow(candles(symbol), url) });
    }

    if (path === '/api/patterns/catalog/' && method === 'GET') return send(res, 200, { results: PATTERN_CATALOG });
    if (path === '/api/pattern-configs/' && method === 'GET') {
      const list = [...patternConfigs.values()].filter((c) => c.owner === user).map(configView);
      return send(res, 200, { count: list.length, results: list });
    }
    if (path === '/api/pattern-configs/' && method === 'POST') {
      const body = await readBody(req);
      if (body === Symbol.for('invalid')) return error(res, 400, 'invalid_json', 'The body is not valid JSON.');
      const problem = configProblem(body, false);
      if (problem) return error(res, ...problem);
      const strategy = STRATEGIES.find((s) => s.id === body.strategy_id);
      const config = {
        id: nextConfigId++, strategy_id: strategy.id, strategy_name: strategy.name, pattern: body.pattern, symbols: body.symbols,
        timeframes: body.timeframes, min_confidence: String(body.min_confidence ?? '0.70'), capital: String(body.capital), mode: body.mode ?? 'manual',
        risk_acknowledged_at: body.mode === 'auto_live' ? now() : null, enabled: body.enabled ?? true, created_at: now(), updated_at: now(), owner: user,
      };
      patternConfigs.set(config.id, config);
      return send(res, 201, configView(config));
    }
    const configMatch = /^\/api\/pattern-configs\/(\d+)\/$/.exec(path);
    if (configMatch) {
      const config = patternConfigs.get(Number(configMatch[1]));
      if (!config || config.owner !== user) return error(res, 404, 'not_found', `Configuration ${configMatch[1]} was not found.`);
      if (method === 'GET') return send(res, 200, configView(config));
      if (method === 'DELETE') {
        patternConfigs.delete(config.id);
        res.writeHead(204);
        return res.end();
      }
      if (method === 'PATCH') {
        const body = await readBody(req);
        if (body === Symbol.for('invalid')) return error(res, 400, 'invalid_json', 'The body is not valid JSON.');
        const problem = configProblem(body, true);
        if (problem) return error(res, ...problem);
        const { acknowledge_risk, ...changes } = body;
        if (changes.strategy_id !== undefined) changes.strategy_name = STRATEGIES.find((s) => s.id === changes.strategy_id).name;
        if (changes.mode === 'auto_live' && acknowledge_risk) changes.risk_acknowledged_at = now();
        Object.assign(config, changes, { updated_at: now() });
        return send(res, 200, configView(config));
      }
      return error(res, 405, 'method_not_allowed', `${method} is not allowed here.`);
    }
    if (path === '/api/patterns/' && method === 'GET') {
      let list = patternInstances;
      for (const key of ['symbol', 'timeframe', 'pattern', 'state']) {
        const value = url.searchParams.get(key);
        if (value) list = list.filter((p) => p[key] === value);
      }
      const page = Number(url.searchParams.get('page') ?? 1);
      const pageSize = Number(url.searchParams.get('page_size') ?? 20);
      const view = (p) => ({ ...p, intents: (p.intents ?? []).filter((i) => i.owner === user).map((i) => ({ id: i.id, status: intents.get(i.id)?.status })) });
      return send(res, 200, { count: list.length, page, page_size: pageSize, results: list.slice((page - 1) * pageSize, page * pageSize).map(view) });
    }
    const patternMatch = /^\/api\/patterns\/(\d+)\/$/.exec(path);
    if (patternMatch && method === 'GET') {
      const instance = patternInstances.find((p) => p.id === Number(patternMatch[1]));
      if (!instance) return error(res, 404, 'not_found', `Pattern ${patternMatch[1]} was not found.`);
      return send(res, 200, { ...instance, intents: (instance.intents ?? []).filter((i) => i.owner === user).map((i) => ({ id: i.id, status: intents.get(i.id)?.status })) });
    }
    if (path === '/api/scans/' && method === 'POST') {
      const body = await readBody(req);
      const results = (body.symbols ?? []).map((symbol) => ({ id: nextScanId++, symbol, timeframe: body.timeframe, state: 'queued' }));
      for (const scan of results) scans.set(scan.id, { ...scan, state: 'done', candles_scanned: 120, detections: 0, new_patterns: 0, error: null, created_at: now(), finished_at: now() });
      return send(res, 202, { results });
    }
    const scanMatch = /^\/api\/scans\/(\d+)\/$/.exec(path);
    if (scanMatch && method === 'GET') {
      const scan = scans.get(Number(scanMatch[1]));
      return scan ? send(res, 200, scan) : error(res, 404, 'not_found', `Scan ${scanMatch[1]} was not found.`);
    }
    if (path === '/api/intents/pending-confirmation/' && method === 'GET') {
      const list = [...intents.values()].filter((i) => i.owner === user && i.status === 'VALIDATED' && i.metadata?.source === 'pattern').map(({ owner, ...i }) => summary(i));
      return send(res, 200, { count: list.length, results: list.map((i) => ({ ...i, metadata: intents.get(i.intent_id).metadata })) });
    }
    if (path === '/api/autotrigger/' && method === 'GET') return send(res, 200, settingsOf(user));
    if (path === '/api/autotrigger/' && method === 'PUT') {
      const body = await readBody(req);
      if (body === Symbol.for('invalid')) return error(res, 400, 'invalid_json', 'The body is not valid JSON.');
      const unknown = Object.keys(body).find((k) => !['enabled', 'daily_cap', 'cooldown_minutes'].includes(k));
      if (unknown) return error(res, 400, 'unknown_field', `Unknown field '${unknown}'.`);
      if (body.enabled !== undefined && typeof body.enabled !== 'boolean') return error(res, 400, 'invalid_field', "'enabled' must be true or false.");
      for (const key of ['daily_cap', 'cooldown_minutes']) {
        if (body[key] !== undefined && (!Number.isInteger(body[key]) || body[key] < 0 || body[key] > 10000)) return error(res, 400, 'invalid_field', `'${key}' must be a whole number from 0 to 10000.`);
      }
      settingsOf(user);
      Object.assign(autotrigger.get(user), body, { updated_at: now(), updated_by: user });
      return send(res, 200, settingsOf(user));
    }
    if (path === '/api/autotrigger/decisions/' && method === 'GET') {
      const list = decisions.filter((d) => d.owner === user).map(({ owner, ...d }) => d);
      const page = Number(url.searchParams.get('page') ?? 1);
      const pageSize = Number(url.searchParams.get('page_size') ?? 20);
      return send(res, 200, { count: list.length, page, page_size: pageSize, results: list.slice((page - 1) * pageSize, page * pageSize) });
    }

    if (path === '/api/intents/create/' && method === 'POST') {
      const body = await readBody(req);
      if (body === Symbol.for('invalid')) return error(res, 400, 'invalid_json', 'The body is not valid JSON.');
      const allowed = ['strategy_id', 'symbol', 'capital', 'timeframe', 'side', 'entry_mode', 'metadata'];
      const unknown = Object.keys(body).find((k) => !allowed.includes(k));
      if (unknown) return error(res, 400, 'unknown_field', `Unknown field '${unknown}'.`);
      for (const field of ['strategy_id', 'symbol', 'capital']) if (body[field] === undefined) return error(res, 400, 'missing_field', `'${field}' is required.`);
      if (typeof body.capital !== 'string' && !Number.isInteger(body.capital)) return error(res, 400, 'invalid_decimal', "'capital' must be a decimal string such as \"100.00\".");
      const capital = String(body.capital);
      if (!/^\d+(\.\d{1,8})?$/.test(capital) || toUnits(capital) <= 0n || toUnits(capital) > toUnits('1000000000')) return error(res, 400, 'invalid_field', "'capital' must be > 0 and ≤ 1000000000 with at most 8 decimals.");
      const strategy = STRATEGIES.find((s) => s.id === body.strategy_id);
      if (!strategy) return error(res, 404, 'strategy_not_found', `Strategy ${body.strategy_id} not found.`);
      if (!SYMBOLS.some((s) => s.symbol === body.symbol)) return error(res, 404, 'symbol_not_found', `Symbol '${body.symbol}' not found.`);
      const id = `intent-${randomHex(16)}`;
      const intent = {
        intent_id: id, status: 'PLANNING', status_reason: null, strategy: { id: strategy.id, name: strategy.name },
        symbol: body.symbol, side: body.side ?? strategy.default_side, timeframe: body.timeframe ?? strategy.timeframe, entry_mode: 'manual', source: 'user',
        capital: fromUnits(toUnits(capital)), quantity: null, entry_price: null, stop_price: null, risk_amount: null, risk_percent: strategy.risk_percent,
        confidence: null, metadata: body.metadata ?? {}, plan: null, validation_result: null, execution_result: null,
        created_at: now(), validated_at: null, executed_at: null, cancelled_at: null, updated_at: now(), owner: user,
      };
      intents.set(id, intent);
      addAudit(id, user, 'INTENT_CREATED', { capital: intent.capital, symbol: intent.symbol, strategy: strategy.name });
      runPipeline(intent);
      await waitFor(intent, (i) => i.status !== 'PLANNING', 2000);
      if (intent.status === 'REJECTED' && !intent.validation_result) return error(res, 422, 'plan_refused', intent.status_reason, { intent_id: id });
      const { owner, ...view } = intent;
      return send(res, intent.status === 'PLANNING' ? 202 : 201, view);
    }

    if (path === '/api/intents/' && method === 'GET') {
      let list = [...intents.values()].filter((i) => i.owner === user).reverse();
      const status = url.searchParams.get('status');
      const symbol = url.searchParams.get('symbol');
      const since = url.searchParams.get('since');
      const until = url.searchParams.get('until');
      if (status) list = list.filter((i) => i.status === status);
      if (symbol) list = list.filter((i) => i.symbol === symbol);
      if (since) list = list.filter((i) => i.created_at >= since);
      if (until) list = list.filter((i) => i.created_at <= until);
      const page = Number(url.searchParams.get('page') ?? 1);
      const pageSize = Number(url.searchParams.get('page_size') ?? 20);
      const results = list.slice((page - 1) * pageSize, page * pageSize).map(({ owner, ...i }) => summary(i));
      return send(res, 200, { count: list.length, page, page_size: pageSize, results });
    }

    const match = /^\/api\/intents\/([^/]+)\/(status|execute|cancel|audit|events)\/$/.exec(path);
    if (match) {
      const [, id, action] = match;
      const intent = intents.get(id);
      if (!intent || intent.owner !== user) return error(res, 404, 'not_found', `Intent '${id}' not found.`);
      const { owner, ...view } = intent;
      if (action === 'status' && method === 'GET') return send(res, 200, view);
      if (action === 'audit' && method === 'GET') return send(res, 200, { intent_id: id, results: audit.get(id) ?? [] });
      if (action === 'events' && method === 'GET') {
        res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
        res.write(`data: ${JSON.stringify(view)}\n\n`);
        const set = subscribers.get(id) ?? new Set();
        set.add(res);
        subscribers.set(id, set);
        req.on('close', () => set.delete(res));
        return;
      }
      if (action === 'cancel' && method === 'POST') {
        if (!['PLANNING', 'PENDING', 'VALIDATED'].includes(intent.status)) return error(res, 409, 'not_cancellable', `The intent is ${intent.status}; it can no longer be cancelled.`);
        setStatus(intent, 'CANCELLED', { cancelled_at: now() });
        return send(res, 200, { intent_id: id, status: 'CANCELLED', cancelled_at: intent.cancelled_at });
      }
      if (action === 'execute' && method === 'POST') {
        const body = await readBody(req);
        const mode = body.mode ?? 'DRY_RUN';
        if (mode === 'LIVE' && body.acknowledge_risk !== true) return error(res, 400, 'risk_not_acknowledged', 'LIVE execution needs "acknowledge_risk": true.');
        if (['EXECUTING', 'EXECUTED', 'FAILED'].includes(intent.status)) return error(res, 409, 'already_executed', 'This intent has already been executed.');
        if (intent.status !== 'VALIDATED') return error(res, 400, 'not_validated', `The intent is ${intent.status}; only a VALIDATED intent can be executed.`);
        setStatus(intent, 'EXECUTING');
        addAudit(id, user, 'EXECUTE_REQUESTED', { mode });
        await new Promise((r) => setTimeout(r, 200));
        const result = execute(intent, mode);
        setStatus(intent, 'EXECUTED', { execution_result: result, executed_at: result.executed_at });
        return send(res, 200, { intent_id: id, status: intent.status, execution_result: result });
      }
      return error(res, 405, 'method_not_allowed', `${method} is not allowed here.`);
    }
    return error(res, 404, 'not_found', `No endpoint ${method} ${path}.`);
  } catch (err) {
    console.error(err);
    return error(res, 500, 'internal', 'The mock API failed.');
  }
});

server.listen(port, '127.0.0.1', () => {
  console.log(`mock-api listening on http://127.0.0.1:${server.address().port}`);
});
