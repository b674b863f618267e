// One function per endpoint of docs/api-contract.md.
import { apiGet, apiPost, type ApiResponse } from './client';
import type {
  AuditResponse,
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
