// The shapes of docs/api-contract.md (v1). Money and quantities are decimal strings.

export type IntentStatus =
  | 'PLANNING'
  | 'PENDING'
  | 'VALIDATED'
  | 'EXECUTING'
  | 'EXECUTED'
  | 'REJECTED'
  | 'FAILED'
  | 'CANCELLED';

export type GuardStatus = 'PASS' | 'WARNING' | 'FAIL';
export type ExecutionMode = 'DRY_RUN' | 'LIVE';
export type Side = 'BUY' | 'SELL';

export interface TokenPair {
  access: string;
  refresh: string;
  token_type?: string;
  expires_in?: number;
}

export interface RefreshedToken {
  access: string;
  token_type?: string;
  expires_in?: number;
}

export interface ApiErrorBody {
  detail: string;
  code: string;
  intent_id?: string;
}

export interface Strategy {
  id: number;
  name: string;
  description?: string;
  mode?: string;
  timeframe?: string;
  default_side?: Side;
  risk_percent?: string;
  stop_level?: number;
  builtin?: boolean;
}

export interface SymbolInfo {
  symbol: string;
  base_asset: string;
  quote_asset: string;
}

export interface ListResponse<T> {
  count: number;
  results: T[];
}

export interface PagedResponse<T> extends ListResponse<T> {
  page: number;
  page_size: number;
}

export interface Candle {
  open_time: number;
  open: string;
  high: string;
  low: string;
  close: string;
  volume: string;
}

/** One support/resistance level of the technical-stop analysis. */
export interface PlanLevel {
  price: string;
  touches?: number;
  distance?: string;
  distance_percent?: string;
  first_touch_ms?: number;
  last_touch_ms?: number;
}

export interface CandlesResponse {
  symbol: string;
  interval: string;
  candles: Candle[];
  intent_id?: string;
  levels?: PlanLevel[];
  entry_price?: string | null;
  stop_price?: string | null;
}

export interface PlanStop {
  side?: Side;
  entry?: string;
  level_n?: number;
  levels?: PlanLevel[];
  chosen_level?: number | null;
  method?: string | null;
  stop?: string | null;
  distance?: string | null;
  distance_percent?: string | null;
  confidence?: string | null;
  explanation?: string;
  rejection?: { message: string };
}

export interface PlanSizing {
  quantity?: string;
  bound?: string;
  risk_budget?: string;
  planned_risk?: string;
  naive_risk?: string;
  position_value?: string;
  value_with_fees?: string;
  stop_distance?: string;
  stop_distance_percent?: string;
  stop_trigger?: string;
  stop_limit?: string;
  note?: string;
}

export interface IntentPlan {
  stop?: PlanStop | null;
  sizing?: PlanSizing | null;
  market?: { bid?: string; ask?: string; entry_reference?: string };
  refusal?: { code: string; reason: string };
  [extra: string]: unknown;
}

export interface GuardResult {
  name: string;
  status: GuardStatus;
  message: string;
  code?: string | null;
}

export interface ValidationResult {
  status: GuardStatus | string;
  guards: GuardResult[];
  warnings?: unknown[];
  validated_at?: string | null;
}

export interface ExecutedOrder {
  type: string;
  side: Side | string;
  order_type: string;
  client_order_id?: string;
  quantity: string;
  executed_quantity?: string | null;
  price: string | null;
  limit_price?: string | null;
  stop_price?: string | null;
  binance_order_id: string | number | null;
  status: string;
}

export interface ExecutionResult {
  status: 'SUCCESS' | 'FAILED' | string;
  mode: ExecutionMode | string;
  orders: ExecutedOrder[];
  audit_trail?: Array<Record<string, unknown>>;
  error?: string | null;
  executed_at?: string | null;
}

export interface IntentSummary {
  intent_id: string;
  status: IntentStatus;
  status_reason?: string | null;
  strategy?: { id: number; name: string } | null;
  symbol: string;
  side?: Side | string;
  timeframe?: string;
  entry_mode?: string;
  capital: string;
  quantity?: string | null;
  entry_price?: string | null;
  stop_price?: string | null;
  risk_amount?: string | null;
  risk_percent?: string | null;
  confidence?: string | null;
  created_at?: string | null;
  validated_at?: string | null;
  executed_at?: string | null;
  cancelled_at?: string | null;
  updated_at?: string | null;
  metadata?: Record<string, unknown>;
  /** Who made it, as the API decides: "pattern" only for the scanner's intents (decision 0005). */
  source?: 'pattern' | 'user' | string;
}

export interface Intent extends IntentSummary {
  plan?: IntentPlan | null;
  validation_result?: ValidationResult | null;
  execution_result?: ExecutionResult | null;
}

export interface CreateIntentRequest {
  strategy_id: number;
  symbol: string;
  capital: string;
  timeframe?: string;
}

export interface ExecuteRequest {
  mode: ExecutionMode;
  acknowledge_risk: boolean;
}

export interface ExecuteResponse {
  intent_id: string;
  status: IntentStatus;
  execution_result: ExecutionResult | null;
}

export interface CancelResponse {
  intent_id: string;
  status: 'CANCELLED';
  cancelled_at?: string | null;
}

export interface AuditEntry {
  id: number | string;
  actor?: string | null;
  action: string;
  details?: Record<string, unknown> | null;
  created_at?: string | null;
}

export interface AuditResponse {
  intent_id: string;
  results: AuditEntry[];
}

export interface HistoryFilters {
  status?: IntentStatus | '';
  symbol?: string;
  since?: string;
  until?: string;
  page?: number;
  page_size?: number;
}

// ---- The pattern scanner (docs/decisions/0005-pattern-scanner.md) ----

export type PatternState = 'DETECTED' | 'CONFIRMED' | 'CONSUMED' | 'EXPIRED' | 'INVALIDATED';
export type PatternConfigMode = 'manual' | 'auto_dry_run' | 'auto_live';

export interface PatternCatalogEntry {
  pattern: string;
  direction: Side | string;
  base_confidence: string;
  description: string;
}

export interface PatternConfig {
  id: number;
  strategy_id: number;
  strategy_name: string;
  pattern: string;
  symbols: string[];
  timeframes: string[];
  min_confidence: string;
  capital: string;
  mode: PatternConfigMode;
  risk_acknowledged_at: string | null;
  enabled: boolean;
  created_at?: string | null;
  updated_at?: string | null;
}

/** POST body; PATCH takes any subset. */
export interface PatternConfigRequest {
  strategy_id: number;
  pattern: string;
  symbols: string[];
  timeframes: string[];
  min_confidence: string;
  capital: string;
  mode: PatternConfigMode;
  acknowledge_risk: boolean;
  enabled: boolean;
}

/** The OHLCV of the candle that completed a pattern (no open_time: trigger_open_time has it). */
export interface TriggerCandle {
  open?: string;
  high?: string;
  low?: string;
  close?: string;
  volume?: string;
}

export interface PatternInstance {
  id: number;
  pattern: string;
  direction: Side | string;
  symbol: string;
  timeframe: string;
  trigger_open_time: string;
  trigger_candle: TriggerCandle | null;
  confidence: string;
  confirmation_level: string | null;
  invalidation_level: string | null;
  state: PatternState;
  explanation: string;
  detected_at: string | null;
  confirmed_at: string | null;
  decided_at: string | null;
  intents: Array<{ id: string; status: IntentStatus }>;
}

export interface PatternFilters {
  symbol?: string;
  timeframe?: string;
  pattern?: string;
  state?: PatternState | '';
  page?: number;
  page_size?: number;
}

export interface AutotriggerSettings {
  enabled: boolean;
  daily_cap: number;
  cooldown_minutes: number;
  auto_executions_today: number;
  updated_at: string | null;
  updated_by: string | null;
}

export type AutotriggerUpdate = Partial<Pick<AutotriggerSettings, 'enabled' | 'daily_cap' | 'cooldown_minutes'>>;

export interface GuardrailDecision {
  id: number;
  config_id: number | null;
  pattern_id: number | null;
  intent_id: string | null;
  symbol: string;
  guardrail: string;
  allowed: boolean;
  reason: string;
  created_at: string | null;
}

/** An intent's metadata when a pattern made it (metadata.source == "pattern"). */
export interface PatternIntentMetadata {
  source: 'pattern';
  pattern: {
    id: number;
    kind: string;
    confidence: string;
    direction?: Side | string;
    trigger_open_time?: string;
    trigger_candle?: TriggerCandle;
  };
  config_id?: number | null;
  auto_mode?: PatternConfigMode | string;
}
