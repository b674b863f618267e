// One function per endpoint of docs/api-contract.md.
import { apiDelete, apiGet, apiPatch, apiPost, apiPut, type ApiResponse } from './client';
import type {
  AuditResponse,
  AutotriggerSettings,
  AutotriggerUpdate,
  GuardrailDecision,
  PatternCatalogEntry,
  PatternConfig,
  PatternConfigRequest,
  PatternFilters,
  PatternInstance,
  CancelResponse,
  CandlesResponse,
  CreateIntentRequest,
  ExecuteRequest,
  ExecuteResponse,
  HistoryFilters,
  Intent,
  IntentSummary,
  ListResponse,
  PagedResponse,
  RefreshedToken,
  Strategy,
  SymbolInfo,
  TokenPair,
} from './types';

const intentPath = (id: string) => `/api/intents/${encodeURIComponent(id)}`;

export const api = {
  login: (username: string, password: string): Promise<ApiResponse<TokenPair>> =>
    apiPost<TokenPair>('/api/auth/token/', { username, password }, false),

  refresh: (refresh: string): Promise<ApiResponse<RefreshedToken>> =>
    apiPost<RefreshedToken>('/api/auth/token/refresh/', { refresh }, false),

  strategies: (signal?: AbortSignal) => apiGet<ListResponse<Strategy>>('/api/strategies/', signal),

  symbols: (signal?: AbortSignal) => apiGet<ListResponse<SymbolInfo>>('/api/symbols/', signal),

  intentCandles: (intentId: string, signal?: AbortSignal) =>
    apiGet<CandlesResponse>(`/api/candles/?intent=${encodeURIComponent(intentId)}&limit=200`, signal),

  createIntent: (request: CreateIntentRequest) => apiPost<Intent>('/api/intents/create/', request),

  intentStatus: (id: string, signal?: AbortSignal) => apiGet<Intent>(`${intentPath(id)}/status/`, signal),

  executeIntent: (id: string, request: ExecuteRequest) =>
    apiPost<ExecuteResponse>(`${intentPath(id)}/execute/`, request),

  cancelIntent: (id: string) => apiPost<CancelResponse>(`${intentPath(id)}/cancel/`, {}),

  intentAudit: (id: string, signal?: AbortSignal) => apiGet<AuditResponse>(`${intentPath(id)}/audit/`, signal),

  intents: (filters: HistoryFilters, signal?: AbortSignal) =>
    apiGet<PagedResponse<IntentSummary>>(`/api/intents/?${historyQuery(filters)}`, signal),

  /** The latest 200 candles, or with `endTime` (epoch ms) the 200 opened at or before it. */
  candles: (symbol: string, interval: string, endTime: number | null, signal?: AbortSignal) =>
    apiGet<CandlesResponse>(
      `/api/candles/?symbol=${encodeURIComponent(symbol)}&interval=${encodeURIComponent(interval)}&limit=200` +
        (endTime === null ? '' : `&end_time=${endTime}`),
      signal,
    ),

  // The pattern scanner (docs/decisions/0005-pattern-scanner.md).
  patternCatalog: (signal?: AbortSignal) =>
    apiGet<{ results: PatternCatalogEntry[] }>('/api/patterns/catalog/', signal),

  patternConfigs: (signal?: AbortSignal) => apiGet<ListResponse<PatternConfig>>('/api/pattern-configs/', signal),

  createPatternConfig: (request: PatternConfigRequest) => apiPost<PatternConfig>('/api/pattern-configs/', request),

  updatePatternConfig: (id: number, changes: Partial<PatternConfigRequest>) =>
    apiPatch<PatternConfig>(`/api/pattern-configs/${id}/`, changes),

  deletePatternConfig: (id: number) => apiDelete(`/api/pattern-configs/${id}/`),

  patterns: (filters: PatternFilters, signal?: AbortSignal) =>
    apiGet<PagedResponse<PatternInstance>>(`/api/patterns/?${patternQuery(filters)}`, signal),

  pattern: (id: number, signal?: AbortSignal) => apiGet<PatternInstance>(`/api/patterns/${id}/`, signal),

  pendingConfirmation: (signal?: AbortSignal) =>
    apiGet<ListResponse<IntentSummary>>('/api/intents/pending-confirmation/', signal),

  autotrigger: (signal?: AbortSignal) => apiGet<AutotriggerSettings>('/api/autotrigger/', signal),

  updateAutotrigger: (changes: AutotriggerUpdate) => apiPut<AutotriggerSettings>('/api/autotrigger/', changes),

  guardrailDecisions: (page: number, pageSize: number, signal?: AbortSignal) =>
    apiGet<PagedResponse<GuardrailDecision>>(`/api/autotrigger/decisions/?page=${page}&page_size=${pageSize}`, signal),

  /** Server-Sent Events of one intent's status (EventSource cannot send headers). */
  intentEventsUrl: (id: string, accessToken: string) =>
    `${intentPath(id)}/events/?access_token=${encodeURIComponent(accessToken)}`,
};

export function historyQuery(filters: HistoryFilters): string {
  const query = new URLSearchParams();
  if (filters.status) query.set('status', filters.status);
  if (filters.symbol) query.set('symbol', filters.symbol);
  if (filters.since) query.set('since', filters.since);
  if (filters.until) query.set('until', filters.until);
  query.set('page', String(filters.page ?? 1));
  query.set('page_size', String(filters.page_size ?? 20));
  return query.toString();
}

export function patternQuery(filters: PatternFilters): string {
  const query = new URLSearchParams();
  if (filters.symbol) query.set('symbol', filters.symbol);
  if (filters.timeframe) query.set('timeframe', filters.timeframe);
  if (filters.pattern) query.set('pattern', filters.pattern);
  if (filters.state) query.set('state', filters.state);
  query.set('page', String(filters.page ?? 1));
  query.set('page_size', String(filters.page_size ?? 20));
  return query.toString();
}
